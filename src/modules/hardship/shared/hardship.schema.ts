import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { AvailableStepSchema } from '@platform/workflow/schema';
import { CASE_ACTIONS, CASE_STATUSES, EXIT_REASON_LABELS } from './case-machine';
import { CAUSE_LABELS, EXPENSE_KINDS, INCOME_KINDS } from './category';

const fen = (title: string) =>
  z
    .number({ message: `${title}应为金额（分）` })
    .int(`${title}应为整数（分）`)
    .min(0, `${title}不能为负数`)
    .max(100_000_000_00, `${title}过大`)
    .meta({ title });
const causeKeys = Object.keys(CAUSE_LABELS) as [keyof typeof CAUSE_LABELS, ...(keyof typeof CAUSE_LABELS)[]];
export const CauseSchema = z.enum(causeKeys, { message: '致困原因应为：患病、残疾、失业、子女教育、灾害、意外事故或其他' });

export const HEALTH_LABELS = { healthy: '健康', chronic: '慢性病', serious: '重大疾病', disabled: '残疾', other: '其他' } as const;

export const HouseholdMemberSchema = z.object({
  name: z.string().trim().min(1, '请填写家庭成员姓名').max(30).meta({ title: '家庭成员姓名' }),
  relation: z.string().trim().min(1, '请填写与申请人关系').max(10).meta({ title: '与申请人关系' }),
  health: z.enum(Object.keys(HEALTH_LABELS) as [keyof typeof HEALTH_LABELS, ...(keyof typeof HEALTH_LABELS)[]]).default('healthy').meta({ title: '健康状况' }),
  note: z.string().trim().max(100).optional().meta({ title: '备注（疾病、残疾类别、就学就业情况）' }),
});

/** A household's finances at one date; money in integer fen. */
export const AssessmentInputSchema = z.object({
  assessedOn: DateSchema.optional().meta({ title: '核定日期' }),
  householdSize: z.number().int('家庭共同生活人口应为整数').min(1, '家庭共同生活人口至少 1 人').max(20, '家庭共同生活人口不能超过 20 人').meta({ title: '家庭共同生活人口' }),
  incomes: z
    .array(z.object({ kind: z.enum(Object.keys(INCOME_KINDS) as [keyof typeof INCOME_KINDS]).meta({ title: '收入类别' }), annualFen: fen('年收入') }))
    .max(12)
    .meta({ title: '家庭年收入' }),
  expenses: z
    .array(z.object({ kind: z.enum(Object.keys(EXPENSE_KINDS) as [keyof typeof EXPENSE_KINDS]).meta({ title: '支出类别' }), annualFen: fen('年刚性支出') }))
    .max(12)
    .meta({ title: '刚性支出' }),
  accidentLossFen: fen('本年意外、灾害或重病支出').default(0),
  members: z.array(HouseholdMemberSchema).max(20).default([]).meta({ title: '家庭成员' }),
});
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

export const NOTICE_ITEMS = { name: '姓名', union: '所在工会', category: '困难类别', cause: '主要致困原因' } as const;
export type NoticeItem = keyof typeof NOTICE_ITEMS;
export const ConsentSchema = z.object({
  covers: z.array(z.enum(['name', 'union', 'category', 'cause'])).min(1, '请至少选择一项同意公示的内容').meta({ title: '同意公示的内容' }),
});

export const ApplyInputSchema = z.object({
  memberId: z.number().int().positive().optional().meta({ title: '会员' }),
  primaryCause: CauseSchema.meta({ title: '主要致困原因' }),
  secondaryCauses: z.array(CauseSchema).max(3, '次要致困原因最多 3 项').default([]).meta({ title: '次要致困原因' }),
  place: z.string().trim().min(1).max(30).default('全区').meta({ title: '低保标准适用地' }),
  assessment: AssessmentInputSchema,
  statement: z.string().trim().max(1000).optional().meta({ title: '申请说明' }),
  consent: ConsentSchema.optional(),
});
export type ApplyInput = z.infer<typeof ApplyInputSchema>;

export const VisitSchema = z.object({
  visitedOn: DateSchema.meta({ title: '入户日期' }),
  visitors: z.string().trim().min(2, '请填写入户人员').max(100).meta({ title: '入户人员' }),
  findings: z.string().trim().min(2, '请填写入户调查情况').max(2000).meta({ title: '调查情况' }),
});

export const StepInputSchema = z.object({
  action: z.enum(CASE_ACTIONS, { message: '不认识的办理步骤' }).meta({ title: '办理步骤' }),
  opinion: z.string().trim().max(1000).optional().meta({ title: '意见' }),
  visit: VisitSchema.optional(),
  noticeStartsOn: DateSchema.optional().meta({ title: '公示开始日期' }),
  assessment: AssessmentInputSchema.optional(),
  exitReason: z.enum(Object.keys(EXIT_REASON_LABELS) as [keyof typeof EXIT_REASON_LABELS]).optional().meta({ title: '退出原因' }),
  monthsAbove: z.number().int().min(0).max(120).optional().meta({ title: '家庭人均收入连续高于低保标准的月数' }),
});
export type StepInput = z.infer<typeof StepInputSchema>;

export const CaseListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(40).optional().meta({ title: '姓名或档案编号' }),
  status: z.enum(CASE_STATUSES).optional().meta({ title: '状态' }),
  category: z.enum(['deep', 'relative', 'accident', 'none']).optional().meta({ title: '困难类别' }),
  due: z.enum(['review', 'visit', 'notice', 'watch']).optional().meta({ title: '到期事项' }),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const ThresholdInputSchema = z.object({
  place: z.string().trim().min(1, '请填写适用地').max(30).meta({ title: '适用地' }),
  year: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
  minimumLivingFen: z.number().int().min(1, '低保标准应大于 0').max(1_000_000).meta({ title: '低保标准（分/人/月）' }),
  source: z.string().trim().max(200).optional().meta({ title: '依据文件' }),
});

export const SettingsInputSchema = z.object({
  reviewIntervalMonths: z.number().int().min(1).max(36).meta({ title: '回头看间隔（月）' }),
  exitMonths: z.number().int().min(1).max(24).meta({ title: '脱困所需连续月数' }),
  watchMonths: z.number().int().min(0).max(60).meta({ title: '防返困监测期（月）' }),
  watchVisitMonths: z.number().int().min(1).max(24).meta({ title: '防返困回访间隔（月）' }),
  exitIncomePercent: z.number().int().min(100).max(300).meta({ title: '脱困线（低保标准的百分比）' }),
  relapseIncomePercent: z.number().int().min(50).max(300).meta({ title: '返困线（低保标准的百分比）' }),
  noticeDays: z.number().int().min(1).max(30).meta({ title: '公示天数' }),
  visitDueDays: z.number().int().min(1).max(90).meta({ title: '入户调查时限（天）' }),
});
export type SettingsInput = z.infer<typeof SettingsInputSchema>;

export const CaseListItemSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  memberId: z.number(),
  memberName: z.string(),
  idNumberMasked: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  primaryCause: z.string(),
  primaryCauseLabel: z.string(),
  noticeEndsOn: z.string().nullable(),
  visitDueOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  exitReasonLabel: z.string().nullable(),
  watchUntil: z.string().nullable(),
  updatedAt: z.string(),
});
export type CaseListItem = z.infer<typeof CaseListItemSchema>;
export const CasePageSchema = z.object({ items: z.array(CaseListItemSchema), total: z.number(), page: z.number(), pageSize: z.number() });

export const FinancesSchema = z.object({
  householdSize: z.number(),
  incomes: z.array(z.object({ kind: z.string(), label: z.string(), annualFen: z.number() })),
  expenses: z.array(z.object({ kind: z.string(), label: z.string(), annualFen: z.number() })),
  accidentLossFen: z.number(),
  members: z.array(z.object({ name: z.string(), relation: z.string(), health: z.string(), healthLabel: z.string(), note: z.string().nullable() })),
  annualIncomeFen: z.number(),
  rigidExpensesFen: z.number(),
  perCapitaMonthlyFen: z.number(),
  explanation: z.string(),
});
export type Finances = z.infer<typeof FinancesSchema>;

export const AssessmentSummarySchema = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  assessedOn: z.string(),
  householdSize: z.number(),
  minimumLivingFen: z.number(),
  category: z.string(),
  categoryLabel: z.string(),
  current: z.boolean(),
});

export const CaseEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatusLabel: z.string().nullable(),
  toStatusLabel: z.string(),
  actorName: z.string(),
  actorOrgName: z.string().nullable(),
  opinion: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  /** Visit findings: shown only with the sensitive-data permission (else null and `noteHidden`). */
  note: z.string().nullable(),
  noteHidden: z.boolean(),
  at: z.string(),
});

export const CaseFileSchema = z.object({ id: z.number(), kind: z.string(), kindLabel: z.string(), name: z.string(), size: z.number(), createdAt: z.string() });

export const CaseDetailSchema = CaseListItemSchema.extend({
  channel: z.string(),
  secondaryCauseLabels: z.array(z.string()),
  place: z.string(),
  noticeConsentAt: z.string().nullable(),
  noticeConsentCovers: z.array(z.string()),
  noticeStartsOn: z.string().nullable(),
  exitedOn: z.string().nullable(),
  nextWatchVisitOn: z.string().nullable(),
  relapses: z.number(),
  assessments: z.array(AssessmentSummarySchema),
  events: z.array(CaseEventSchema),
  files: z.array(CaseFileSchema),
  /** Steps this user may take now; `blockedReason` says what is still missing for one that cannot be taken yet. */
  steps: z.array(AvailableStepSchema.extend({ action: z.string(), opinion: z.boolean() })),
  /** Whether this user may open the finances (each opening is audited). */
  canRevealFinances: z.boolean(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const NoticeSchema = z.object({
  caseNo: z.string(),
  title: z.string(),
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  text: z.string(),
});

export const DueSchema = z.object({
  reviews: z.number(),
  visits: z.number(),
  notices: z.number(),
  watch: z.number(),
  pendingFiling: z.number(),
  applied: z.number(),
});

export const FILE_KIND_LABELS = {
  application: '困难职工帮扶申请书',
  authorization: '家庭经济状况核对授权委托书（签字）',
  diagnosis: '诊断证明、病历',
  identity: '身份证、户口本',
  income: '收入证明',
  other: '其他材料',
} as const;
export type CaseFileKind = keyof typeof FILE_KIND_LABELS;

export const ASSESSMENT_KIND_LABELS = { application: '申请时', visit: '入户核实', review: '回头看复核', relapse: '返困重新核定' } as const;
