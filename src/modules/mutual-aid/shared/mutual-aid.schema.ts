import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { AvailableStepSchema } from '@platform/workflow/schema';

export const PRODUCT_LABELS = { inpatient: '住院医疗互助', critical: '重大疾病互助', accident: '意外伤害互助', women: '女职工特殊疾病互助' } as const;
export const PLAN_STATUS_LABELS = { open: '参保中', closed: '已截止' } as const;
export const ENROLMENT_STATUS_LABELS = { enrolled: '已参保', withdrawn: '已退保' } as const;
export const CLAIM_STATUS_LABELS = { submitted: '待审核', approved: '已核准待支付', rejected: '不予给付', paid: '已支付' } as const;
export const CLAIM_FILE_KIND_LABELS = { diagnosis: '诊断证明', invoice: '医疗费用发票和清单', discharge: '出院小结', other: '其他材料' } as const;

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
const keys = <T extends object>(o: T) => Object.keys(o) as Keys<T>;
const fen = (title: string) => z.number({ message: `${title}应为金额（分）` }).int(`${title}应为整数（分）`).min(1, `${title}应大于 0`).max(100_000_000, `${title}过大`).meta({ title });

export const PlanInputSchema = z.object({
  year: z.number({ message: '请填写年度' }).int().min(2000).max(2100).meta({ title: '年度' }),
  name: z.string().trim().min(2, '计划名称至少 2 个字').max(60).meta({ title: '计划名称' }),
  product: z.enum(keys(PRODUCT_LABELS), { message: '请选择互助类别' }).meta({ title: '互助类别' }),
  premiumFen: fen('每份互助金'),
  maxShares: z.number().int().min(1, '每人最多份数至少为 1').max(10, '每人最多 10 份').meta({ title: '每人最多份数' }),
  benefitPerShareFen: fen('每份年度最高给付'),
  coverStart: DateSchema.meta({ title: '保障期开始' }),
  coverEnd: DateSchema.meta({ title: '保障期结束' }),
  enrolUntil: DateSchema.meta({ title: '参保截止日期' }),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const QuotasInputSchema = z.object({
  quotas: z.array(z.object({ orgId: z.number().int().positive(), persons: z.number().int().min(0, '参保任务数不能为负').max(1_000_000) })).max(500),
});

export const PlanSchema = z.object({
  id: z.number(),
  year: z.number(),
  name: z.string(),
  product: z.string(),
  productLabel: z.string(),
  premiumFen: z.number(),
  maxShares: z.number(),
  benefitPerShareFen: z.number(),
  coverStart: z.string(),
  coverEnd: z.string(),
  enrolUntil: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  orgName: z.string(),
  /** Within the reader's scope. */
  enrolled: z.number(),
  premiumTotalFen: z.number(),
  quota: z.number().nullable(),
  claims: z.number(),
  paidFen: z.number(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const QuotaProgressSchema = z.array(
  z.object({ orgId: z.number(), orgName: z.string(), quota: z.number().nullable(), enrolled: z.number(), percent: z.number().nullable() }),
);

export const EnrolmentInputSchema = z.object({
  memberId: z.number({ message: '请选择会员' }).int().positive().meta({ title: '会员' }),
  shares: z.number().int().min(1, '份数至少为 1').max(10).meta({ title: '份数' }),
  paidOn: DateSchema.meta({ title: '缴费日期' }),
});

export const EnrolmentListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(40).optional().meta({ title: '姓名' }),
  status: z.enum(keys(ENROLMENT_STATUS_LABELS)).optional().meta({ title: '状态' }),
  orgId: z.coerce.number().int().positive().optional().meta({ title: '工会' }),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuerySchema>;

export const EnrolmentSchema = z.object({
  id: z.number(),
  planId: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  idNumberMasked: z.string(),
  orgName: z.string(),
  shares: z.number(),
  premiumFen: z.number(),
  paidOn: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  withdrawReason: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const ClaimInputSchema = z.object({
  enrolmentId: z.number({ message: '请选择参保记录' }).int().positive().meta({ title: '参保记录' }),
  diagnosis: z.string().trim().min(2, '请填写疾病诊断').max(200).meta({ title: '疾病诊断' }),
  hospital: z.string().trim().min(2, '请填写就诊医院').max(80).meta({ title: '就诊医院' }),
  admittedOn: DateSchema.meta({ title: '入院（确诊）日期' }),
  dischargedOn: DateSchema.optional().meta({ title: '出院日期' }),
  claimedFen: fen('医疗费用（个人负担部分）'),
});
export type ClaimInput = z.infer<typeof ClaimInputSchema>;

export const ClaimDecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), approvedFen: fen('核准给付金额'), opinion: z.string().trim().max(300).optional().meta({ title: '审核意见' }) }),
  z.object({ action: z.literal('reject'), opinion: z.string().trim().min(2, '不予给付请填写理由').max(300).meta({ title: '审核意见' }) }),
  z.object({ action: z.literal('pay'), paidOn: DateSchema.meta({ title: '支付日期' }) }),
]);
export type ClaimDecision = z.infer<typeof ClaimDecisionSchema>;

export const ClaimListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(40).optional().meta({ title: '姓名' }),
  status: z.enum(keys(CLAIM_STATUS_LABELS)).optional().meta({ title: '状态' }),
});
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;

export const ClaimSchema = z.object({
  id: z.number(),
  planId: z.number(),
  planName: z.string(),
  enrolmentId: z.number(),
  memberName: z.string(),
  idNumberMasked: z.string(),
  orgName: z.string(),
  hospital: z.string(),
  admittedOn: z.string(),
  dischargedOn: z.string().nullable(),
  claimedFen: z.number(),
  approvedFen: z.number().nullable(),
  /** Left of the enrolment's yearly benefit before this claim's approval (shares × per-share benefit − approved). */
  remainingFen: z.number(),
  status: z.string(),
  statusLabel: z.string(),
  opinion: z.string().nullable(),
  paidOn: z.string().nullable(),
  /** Masked unless revealed: 诊断信息已隐藏. */
  diagnosisHidden: z.literal(true),
  /** The claim's documents (names only; the bytes are encrypted and open with mutualaid.sensitive). */
  files: z.array(z.object({ id: z.number(), kind: z.string(), kindLabel: z.string(), name: z.string(), size: z.number() })),
  /** The decisions open to the user (核准 / 不予给付 / 支付). */
  steps: z.array(AvailableStepSchema),
});

export const ClaimFileQuerySchema = z.object({
  kind: z.enum(keys(CLAIM_FILE_KIND_LABELS), { message: '请选择材料类别' }).meta({ title: '材料类别' }),
  fileName: z.string().min(1).max(200).meta({ title: '文件名' }),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const MutualAidDueSchema = z.object({ submitted: z.number(), approved: z.number() });

/** A member's own mutual aid: each enrolment with its plan and the claims on it (their own diagnosis included). */
export const MyMutualAidSchema = z.object({
  enrolments: z.array(
    z.object({
      id: z.number(),
      planName: z.string(),
      productLabel: z.string(),
      coverStart: z.string(),
      coverEnd: z.string(),
      shares: z.number(),
      premiumFen: z.number(),
      paidOn: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      /** Left of this year's benefit (shares × per-share ceiling − approved). */
      remainingFen: z.number(),
      claims: z.array(z.object({ id: z.number(), hospital: z.string(), admittedOn: z.string(), claimedFen: z.number(), approvedFen: z.number().nullable(), status: z.string(), statusLabel: z.string(), opinion: z.string().nullable(), paidOn: z.string().nullable() })),
    }),
  ),
});
