import { z } from 'zod';
import { AvailableStepSchema } from '@platform/workflow/schema';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';

/** Groups a programme gives places to (domain-rules §2.10), and what the register must show for each. */
export const GROUP_LABELS = {
  sanitation: '环卫工人',
  courier: '快递员',
  food_delivery: '外卖配送员',
  ride_hailing: '网约车司机',
  migrant: '农民工',
  women_screening: '女职工“两癌”筛查',
  model_worker: '劳动模范',
  frontline: '其他一线职工',
} as const;
export type HealthGroup = keyof typeof GROUP_LABELS;
export const SIGNUP_STATUS_LABELS = { signed_up: '已报名', done: '已体检', cancelled: '已取消' } as const;

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
const keys = <T extends object>(o: T) => Object.keys(o) as Keys<T>;
const GROUPS = keys(GROUP_LABELS);

export const ProgrammeInputSchema = z.object({
  year: z.number({ message: '请填写年度' }).int().min(2000).max(2100).meta({ title: '年度' }),
  name: z.string().trim().min(2, '项目名称至少 2 个字').max(60).meta({ title: '项目名称' }),
  provider: z.string().trim().min(2, '请填写体检机构').max(60).meta({ title: '体检机构' }),
  package: z.string().trim().max(300).optional().meta({ title: '体检套餐' }),
  startsOn: DateSchema.meta({ title: '体检开始日期' }),
  endsOn: DateSchema.meta({ title: '体检结束日期' }),
  budgetFen: z.number().int().min(0).max(10_000_000_000).optional().meta({ title: '预算（分）' }),
  quotas: z
    .array(z.object({ group: z.enum(GROUPS, { message: '请选择人群' }).meta({ title: '人群' }), places: z.number().int().min(1, '名额至少为 1').max(100_000).meta({ title: '名额' }) }))
    .min(1, '请至少为一类人群分配名额')
    .max(GROUPS.length)
    .meta({ title: '各类人群名额' }),
});
export type ProgrammeInput = z.infer<typeof ProgrammeInputSchema>;

export const GroupProgressSchema = z.object({ group: z.string(), groupLabel: z.string(), places: z.number(), signedUp: z.number(), done: z.number() });

export const ProgrammeSchema = z.object({
  id: z.number(),
  year: z.number(),
  name: z.string(),
  provider: z.string(),
  package: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  budgetFen: z.number().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  orgName: z.string(),
  /** Places are programme-wide; sign-ups and checks done are counted in the reader's scope. */
  groups: z.array(GroupProgressSchema),
  places: z.number(),
  signedUp: z.number(),
  done: z.number(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const SignupInputSchema = z.object({
  memberId: z.number({ message: '请选择职工' }).int().positive().meta({ title: '职工' }),
  group: z.enum(GROUPS, { message: '请选择人群' }).meta({ title: '人群' }),
  slotOn: DateSchema.meta({ title: '预约体检日期' }),
});
export const SelfSignupInputSchema = SignupInputSchema.omit({ memberId: true });

export const SIGNUP_DUE_LABELS = { results: '已体检待登记结果', overdue: '过了预约日期仍未体检' } as const;

export const SignupListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(40).optional().meta({ title: '姓名' }),
  due: z.enum(keys(SIGNUP_DUE_LABELS)).optional().meta({ title: '待办' }),
  status: z.enum(keys(SIGNUP_STATUS_LABELS)).optional().meta({ title: '状态' }),
  group: z.enum(GROUPS).optional().meta({ title: '人群' }),
});
export type SignupListQuery = z.infer<typeof SignupListQuerySchema>;

export const SignupSchema = z.object({
  id: z.number(),
  programmeId: z.number(),
  programmeName: z.string(),
  memberName: z.string(),
  idNumberMasked: z.string(),
  orgName: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  slotOn: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  doneOn: z.string().nullable(),
  /** Whether results are recorded; the results themselves open only with healthcheck.results. */
  hasResults: z.boolean(),
  reportDeliveredOn: z.string().nullable(),
  /** The steps open to the user (取消 / 登记体检完成 / 登记体检结果). */
  steps: z.array(AvailableStepSchema),
});
export type Signup = z.infer<typeof SignupSchema>;

export const ResultsInputSchema = z.object({
  abnormal: z.boolean({ message: '请选择是否有异常' }).meta({ title: '是否有异常' }),
  findings: z.string().trim().max(1000).optional().meta({ title: '主要结果' }),
  followUp: z.string().trim().max(500).optional().meta({ title: '复查和健康指导' }),
  reportDeliveredOn: DateSchema.optional().meta({ title: '报告送达日期' }),
});
export type ResultsInput = z.infer<typeof ResultsInputSchema>;
export const ResultsSchema = z.object({ abnormal: z.boolean(), findings: z.string().nullable(), followUp: z.string().nullable() });

export const MyHealthChecksSchema = z.object({
  /** Open programmes reaching the member's union, with the groups the member may sign up in. */
  open: z.array(z.object({ id: z.number(), name: z.string(), provider: z.string(), package: z.string().nullable(), startsOn: z.string(), endsOn: z.string(), groups: z.array(z.object({ group: z.string(), groupLabel: z.string(), left: z.number(), eligible: z.boolean(), reason: z.string().nullable() })) })),
  signups: z.array(SignupSchema.extend({ results: ResultsSchema.nullable() })),
});

export const HealthCheckDueSchema = z.array(z.object({ programmeId: z.number(), name: z.string(), results: z.number(), overdue: z.number() }));
