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

/** Whether an accident, disaster or serious illness cost the household more than 80 % of its annual income. */
export function accidentHit(causes: readonly string[], accidentLossFen: number, annualIncomeFen: number): boolean {
  return causes.some((c) => ACCIDENT_CAUSES.includes(c as HardshipCause)) && accidentLossFen > ACCIDENT_SHARE * annualIncomeFen;
}

/** The district's exit / relapse band, in percent of the 低保 standard (`hardship_settings`). */
export interface BandSettings {
  exitIncomePercent: number;
  relapseIncomePercent: number;
}
export const DEFAULT_BAND: BandSettings = { exitIncomePercent: 100, relapseIncomePercent: 100 };

export const STANDING_LABELS = { exit: '可以脱困退出', watch: '监测带内（既不能脱困退出，也不能按返困纳入）', relapse: '可以按返困重新纳入帮扶' } as const;
export type Standing = keyof typeof STANDING_LABELS;

export interface BandResult {
  standing: Standing;
  /** 低保 × exit %: the per-capita income must be above it to exit for 脱困 (fen per person per month). */
  exitLineFen: number;
  /** 低保 × relapse %: below it (or after an accident costing > 80 % of income) the household relapses. */
  relapseLineFen: number;
  /** The rule with its numbers, in Chinese. */
  explanation: string;
}

/**
 * The one rule set for leaving and re-entering help, so the same household figures never allow both:
 * 脱困 when X > 低保 × exit % and no accident cost above 80 % of income; 返困 when X < 低保 × relapse % or such an
 * accident; otherwise the watch band (防返困监测 continues, neither step is open). relapse % ≤ exit % is kept by
 * the settings; by default both are 100 % (脱困: income above the 低保 line, domain-rules.md §2.5).
 */
export function bandStanding(x: { perCapitaMonthlyFen: number; minimumLivingFen: number; accident: boolean }, band: BandSettings): BandResult {
  const exitLineFen = Math.round((x.minimumLivingFen * band.exitIncomePercent) / 100);
  const relapseLineFen = Math.round((x.minimumLivingFen * band.relapseIncomePercent) / 100);
  const standing: Standing = x.accident || x.perCapitaMonthlyFen < relapseLineFen ? 'relapse' : x.perCapitaMonthlyFen > exitLineFen ? 'exit' : 'watch';
  const numbers = `家庭人均月收入 ${yuan(x.perCapitaMonthlyFen)}；脱困线（低保 ${yuan(x.minimumLivingFen)} × ${band.exitIncomePercent}%）${yuan(exitLineFen)}，返困线（× ${band.relapseIncomePercent}%）${yuan(relapseLineFen)}`;
  const why =
    standing === 'exit'
      ? '高于脱困线'
      : standing === 'relapse'
        ? x.accident && x.perCapitaMonthlyFen >= relapseLineFen
          ? '本年意外、灾害或重病支出超过家庭年收入的 80%'
          : '低于返困线'
        : '不低于返困线、不高于脱困线，处于监测带内';
  return { standing, exitLineFen, relapseLineFen, explanation: `${numbers}：${why}，${STANDING_LABELS[standing]}` };
}

export function computeCategory(input: CategoryInput): CategoryResult {
  if (!Number.isInteger(input.householdSize) || input.householdSize < 1) throw new RangeError('householdSize must be a positive integer');
  const annualIncomeFen = input.incomes.reduce((s, i) => s + i.annualFen, 0);
  const rigidExpensesFen = input.expenses.reduce((s, e) => s + e.annualFen, 0);
  const perCapitaMonthlyFen = Math.floor((annualIncomeFen - rigidExpensesFen) / 12 / input.householdSize);
  const dibao = input.minimumLivingFen;
  const accident = accidentHit(input.causes, input.accidentLossFen, annualIncomeFen);
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
