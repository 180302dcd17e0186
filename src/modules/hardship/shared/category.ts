import { yuan } from '@platform/money';

export { yuan };
/**
 * The hardship category of a household, computed, never typed (../shared/reference/domain-rules.md §2.5):
 * X = (household annual income − rigid expenses) ÷ 12 ÷ household size, in fen per person per month;
 * deep hardship when X is below the local minimum living standard (低保), relative hardship below twice it;
 * accident-caused hardship when an accident, disaster or serious illness cost the household more than 80 % of
 * its annual income this year. The formula with its numbers is returned beside the result.
 */

export const CATEGORY_LABELS = {
  deep: '深度困难职工家庭',
  relative: '相对困难职工家庭',
  accident: '意外致困职工家庭',
  none: '不符合困难职工家庭认定条件',
} as const;
export type HardshipCategory = keyof typeof CATEGORY_LABELS;

export const INCOME_KINDS = { wage: '工资性收入', pension: '养老金、退休金', business: '经营性收入', transfer: '赡养费、补贴等转移性收入', property: '财产性收入', other: '其他收入' } as const;
export const EXPENSE_KINDS = { medical: '医疗支出（自付）', education: '子女教育支出', disability: '残疾康复支出', housing: '基本住房支出', disaster: '灾害、事故损失', other: '其他刚性支出' } as const;
export const CAUSE_LABELS = {
  illness: '患病',
  disability: '残疾',
  unemployment: '失业',
  education: '子女教育',
  disaster: '灾害',
  accident: '意外事故',
  other: '其他',
} as const;
export type HardshipCause = keyof typeof CAUSE_LABELS;

/** Causes that can make a household accident-caused (意外致困). */
const ACCIDENT_CAUSES: HardshipCause[] = ['illness', 'disaster', 'accident'];
/** The share of annual income that a year's accident costs must exceed (80 %). */
export const ACCIDENT_SHARE = 0.8;

export interface CategoryInput {
  householdSize: number;
  incomes: { kind: string; annualFen: number }[];
  expenses: { kind: string; annualFen: number }[];
  /** This year's costs and losses from an accident, disaster or serious illness, in fen. */
  accidentLossFen: number;
  causes: HardshipCause[];
  /** The local 低保 standard in fen per person per month. */
  minimumLivingFen: number;
}

export interface CategoryResult {
  category: HardshipCategory;
  annualIncomeFen: number;
  rigidExpensesFen: number;
  /** X, in fen per person per month (rounded down). */
  perCapitaMonthlyFen: number;
  minimumLivingFen: number;
  /** The formula with its numbers, in Chinese, as shown beside the result. */
  explanation: string;
}


export function computeCategory(input: CategoryInput): CategoryResult {
  if (!Number.isInteger(input.householdSize) || input.householdSize < 1) throw new RangeError('householdSize must be a positive integer');
  const annualIncomeFen = input.incomes.reduce((s, i) => s + i.annualFen, 0);
  const rigidExpensesFen = input.expenses.reduce((s, e) => s + e.annualFen, 0);
  const perCapitaMonthlyFen = Math.floor((annualIncomeFen - rigidExpensesFen) / 12 / input.householdSize);
  const dibao = input.minimumLivingFen;
  const accident = input.causes.some((c) => ACCIDENT_CAUSES.includes(c)) && input.accidentLossFen > ACCIDENT_SHARE * annualIncomeFen;
  const category: HardshipCategory = perCapitaMonthlyFen < dibao ? 'deep' : perCapitaMonthlyFen < 2 * dibao ? 'relative' : accident ? 'accident' : 'none';
  const x = `家庭人均月收入 =（年收入 ${yuan(annualIncomeFen)} − 刚性支出 ${yuan(rigidExpensesFen)}）÷ 12 ÷ ${input.householdSize} 人 = ${yuan(perCapitaMonthlyFen)}`;
  const rule =
    category === 'deep'
      ? `低于当地低保标准 ${yuan(dibao)}，认定为${CATEGORY_LABELS.deep}`
      : category === 'relative'
        ? `不低于低保标准 ${yuan(dibao)}、低于其 2 倍 ${yuan(2 * dibao)}，认定为${CATEGORY_LABELS.relative}`
        : category === 'accident'
          ? `不低于低保标准的 2 倍 ${yuan(2 * dibao)}，但本年意外、灾害或重病支出 ${yuan(input.accidentLossFen)} 超过家庭年收入的 80%，认定为${CATEGORY_LABELS.accident}`
          : `不低于低保标准的 2 倍 ${yuan(2 * dibao)}，且没有超过家庭年收入 80% 的意外支出，${CATEGORY_LABELS.none}`;
  return { category, annualIncomeFen, rigidExpensesFen, perCapitaMonthlyFen, minimumLivingFen: dibao, explanation: `${x}；${rule}` };
}

/** Whether a category qualifies for a case file (every category but `none`). */
export const qualifies = (c: HardshipCategory) => c !== 'none';
