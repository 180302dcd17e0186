import { z } from 'zod';
import { DateSchema } from '@platform/http/schemas';

export const SCREENING_OUTCOME_LABELS = { new_case: '发现困难，已建立申请', no_hardship: '经排查无困难', case_updated: '在档家庭，已更新情况' } as const;
type Outcome = keyof typeof SCREENING_OUTCOME_LABELS;
/** Whom a screening covers within the starting union's subtree (progress counts them; others are refused). */
export const SCREENING_POPULATION_LABELS = { all: '全体在会会员', gig: '新就业形态劳动者', migrant: '农民工', women: '女职工', on_file: '在档困难职工家庭（回头看）' } as const;
export type ScreeningPopulation = keyof typeof SCREENING_POPULATION_LABELS;

/** Why a member lies outside a screening's population, or null. */
export function outsidePopulation(population: ScreeningPopulation, m: { sex: string; gigKind: string | null; migrantWorker: boolean; caseOnFile: boolean }): string | null {
  const ok = { all: true, gig: !!m.gigKind, migrant: m.migrantWorker, women: m.sex === 'female', on_file: m.caseOnFile }[population];
  return ok ? null : `该会员不属于这次排查的范围（${SCREENING_POPULATION_LABELS[population]}）`;
}

export const ScreeningInputSchema = z.object({
  name: z.string().trim().min(2, '请填写排查名称').max(60).meta({ title: '排查名称' }),
  deadline: DateSchema.meta({ title: '完成期限' }),
  scopeNote: z.string().trim().max(500).optional().meta({ title: '排查范围和要求' }),
  population: z.enum(Object.keys(SCREENING_POPULATION_LABELS) as [ScreeningPopulation, ...ScreeningPopulation[]]).default('all').meta({ title: '排查对象' }),
});

export const CheckInputSchema = z.object({
  memberId: z.number().int().positive().meta({ title: '会员' }),
  outcome: z.enum(Object.keys(SCREENING_OUTCOME_LABELS) as [Outcome, ...Outcome[]], { message: '请选择排查结果' }).meta({ title: '排查结果' }),
  note: z.string().trim().max(500).optional().meta({ title: '情况说明' }),
});

export const ScreeningSchema = z.object({
  id: z.number(),
  name: z.string(),
  orgName: z.string(),
  deadline: z.string(),
  scopeNote: z.string().nullable(),
  population: z.string(),
  populationLabel: z.string(),
  status: z.string(),
  /** Over the caller's scope. */
  checked: z.number(),
  newCases: z.number(),
  overdue: z.boolean(),
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const ScreeningProgressSchema = z.object({
  screening: ScreeningSchema,
  unions: z.array(
    z.object({ orgId: z.number(), orgName: z.string(), members: z.number(), checked: z.number(), newCases: z.number(), noHardship: z.number(), caseUpdated: z.number() }),
  ),
});
