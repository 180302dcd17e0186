import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { AvailableStepSchema } from '@platform/workflow/schema';
import { normaliseCode, parseIdNumber } from '@platform/validation';
import { CHOOSABLE_LEAVE_REASONS, GIG_KIND_VALUES, WORKER_KIND_VALUES } from './member-codes';

const text = (title: string, max: number) => z.string().trim().max(max, `${title}不能超过 ${max} 个字`).meta({ title });
const optional = (title: string, max: number) => text(title, max).optional().nullable();

/** The person fields of a form; domain rules (ID check digit, code lists) are checked on the server. */
export const MemberFieldsSchema = z.object({
  name: text('姓名', 30).min(2, '姓名至少 2 个字'),
  sex: z.enum(['male', 'female'], { message: '性别应为男或女' }).optional().nullable().meta({ title: '性别' }),
  ethnicity: optional('民族', 10),
  idNumber: text('居民身份证号码', 24).min(1, '请填写居民身份证号码'),
  phone: optional('手机号码', 20),
  education: optional('学历', 20),
  politicalStatus: optional('政治面貌', 20),
  occupation: optional('职业', 30),
  workerKind: z.enum(WORKER_KIND_VALUES, { message: '请从列表中选择从业类别' }).optional().nullable().meta({ title: '从业类别' }),
  migrantWorker: z.boolean().optional().meta({ title: '是否农民工' }),
  employerUscc: optional('工作单位统一社会信用代码', 24),
  remark: optional('备注', 200),
});
export type MemberFields = z.infer<typeof MemberFieldsSchema>;

export const CreateMemberSchema = MemberFieldsSchema.extend({
  orgId: z.number().int().positive().meta({ title: '所属工会' }),
  joinedOn: DateSchema.meta({ title: '入会日期' }),
});
export type CreateMemberInput = z.infer<typeof CreateMemberSchema>;

export const UpdateMemberSchema = MemberFieldsSchema.omit({ idNumber: true, sex: true }).partial();
export type UpdateMemberInput = z.infer<typeof UpdateMemberSchema>;

/** A transfer request: the receiving union is chosen from the organisation tree (its id, not a typed code). */
export const TransferSchema = z.object({
  toOrgId: z.number({ message: '请选择转入工会' }).int().positive().meta({ title: '转入工会' }),
  transferredOn: DateSchema.meta({ title: '转会日期' }),
  remark: optional('备注', 200),
});

/** The result of a transfer request: accepted at once (ordered by a common parent) or awaiting the receiver. */
export const TransferResultSchema = z.object({ transferId: z.number(), status: z.enum(['pending', 'accepted']), membershipId: z.number().nullable() });

export const TransferRequestSchema = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  idNumberMasked: z.string(),
  fromOrgId: z.number(),
  fromOrgName: z.string(),
  toOrgId: z.number(),
  toOrgName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  transferredOn: z.string(),
  remark: z.string().nullable(),
  ordered: z.boolean(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Whether the reader may accept or refuse it (the receiving side), or withdraw it (the sending side). */
  canDecide: z.boolean(),
  canWithdraw: z.boolean(),
});

export type TransferRequest = z.infer<typeof TransferRequestSchema>;

export const TransferListQuerySchema = PageQuerySchema.extend({
  box: z.enum(['incoming', 'outgoing']).default('incoming').meta({ title: '转入或转出' }),
  status: z.enum(['pending', 'accepted', 'rejected', 'withdrawn']).optional().meta({ title: '状态' }),
});

export const TransferDecisionSchema = z.object({ reason: z.string().trim().max(200).optional().meta({ title: '原因' }) });

/** One level of the district's union tree for choosing where a member transfers to. */
export const TransferTargetNodeSchema = z.object({ id: z.number(), parentId: z.number().nullable(), name: z.string(), code: z.string(), childCount: z.number(), selectable: z.boolean() });
export const TransferTargetQuerySchema = z.object({ parentId: z.coerce.number().int().positive().optional().meta({ title: '上级组织' }) });

export const LeaveSchema = z.object({
  leftOn: DateSchema.meta({ title: '退会日期' }),
  reason: z.enum(CHOOSABLE_LEAVE_REASONS, { message: '请选择退会原因' }).meta({ title: '退会原因' }),
  remark: optional('备注', 200),
});

export const RevealSchema = z.object({ field: z.enum(['idNumber', 'phone']).meta({ title: '字段' }) });

export const MemberListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(40).optional().meta({ title: '姓名、身份证号码或手机号码' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
  status: z.enum(['active', 'left', 'all']).default('active').meta({ title: '会籍状态' }),
  gig: z.enum(['true', 'false']).optional().meta({ title: '新就业形态劳动者' }),
  gigKind: z.enum(GIG_KIND_VALUES).optional().meta({ title: '新就业形态类别' }),
  migrant: z.enum(['true', 'false']).optional().meta({ title: '农民工' }),
  sex: z.enum(['male', 'female']).optional().meta({ title: '性别' }),
});
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>;
export const MemberExportQuerySchema = MemberListQuerySchema.omit({ page: true, pageSize: true });

export const MembershipSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  orgCode: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  leaveReasonLabel: z.string().nullable(),
  channel: z.string(),
  channelLabel: z.string(),
  remark: z.string().nullable(),
  /** Whether the reader may transfer or end this membership. */
  canWrite: z.boolean(),
});

export const MemberRowSchema = z.object({
  memberId: z.number(),
  membershipId: z.number(),
  name: z.string(),
  sex: z.string(),
  sexLabel: z.string(),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  occupation: z.string().nullable(),
  workerKind: z.string().nullable(),
  workerKindLabel: z.string().nullable(),
  gigKind: z.string().nullable(),
  gigKindLabel: z.string().nullable(),
  migrantWorker: z.boolean(),
  employerUscc: z.string().nullable(),
  employerName: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  orgCode: z.string(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leaveReasonLabel: z.string().nullable(),
  channelLabel: z.string(),
  remark: z.string().nullable(),
});
export type MemberRow = z.infer<typeof MemberRowSchema>;

export const MemberPageSchema = z.object({
  items: z.array(MemberRowSchema),
  total: z.number(),
  /** A search's count stops at a cap: true when more members match than `total` (shown as 「200 条以上」). */
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const MemberDetailSchema = MemberRowSchema.omit({ membershipId: true, orgId: true, orgName: true, orgCode: true, joinedOn: true, leftOn: true, leaveReasonLabel: true, channelLabel: true }).extend({
  memberships: z.array(MembershipSchema),
  hasAccount: z.boolean(),
  canWrite: z.boolean(),
  canReveal: z.boolean(),
});
export type MemberDetail = z.infer<typeof MemberDetailSchema>;

export const DuplicatePairSchema = z.object({
  a: MemberRowSchema.pick({ memberId: true, name: true, birthDate: true, idNumberMasked: true, phoneMasked: true, orgName: true }),
  b: MemberRowSchema.pick({ memberId: true, name: true, birthDate: true, idNumberMasked: true, phoneMasked: true, orgName: true }),
});

// Today in China (UTC+8), for the birth date inside an ID number; the server checks again with its own clock.
const chinaTodayNow = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const idError = (v: string) => {
  const r = parseIdNumber(v, chinaTodayNow());
  return 'error' in r ? r.error : null;
};
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The public joining form (no account needed). Every field carries its own rule (ID check digit, mobile number,
 * login name), so one answer names every wrong field and the phone can check them all before sending.
 */
export const JoinApplicationSchema = MemberFieldsSchema.omit({ employerUscc: true, remark: true }).extend({
  name: text('姓名', 30).min(2, '姓名至少 2 个字'),
  idNumber: text('居民身份证号码', 24)
    .min(1, '请填写居民身份证号码')
    .refine((v) => !v || !idError(v), { error: (i) => idError(String(i.input)) ?? '居民身份证号码有误' }),
  phone: text('手机号码', 20)
    .min(1, '请填写手机号码')
    .refine((v) => !v || MOBILE.test(normaliseCode(v).replace(/^\+?86/, '').replace(/-/g, '')), '手机号码应为 11 位，以 1 开头'),
  employerName: optional('工作单位', 100),
  orgId: z.number().int().positive({ message: '请选择要加入的工会' }).meta({ title: '申请加入的工会' }),
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '登录名为 3–32 位字母、数字或 _ . -')
    .meta({ title: '登录名' }),
  password: z.string().min(1, '请设置密码').max(128).meta({ title: '密码' }),
  consent: z.literal(true, { message: '请阅读并同意个人信息处理说明' }).meta({ title: '个人信息处理同意' }),
});
export type JoinApplicationInput = z.infer<typeof JoinApplicationSchema>;

export const JoinTargetSchema = z.object({ id: z.number(), name: z.string(), code: z.string(), gigWorkers: z.boolean(), parentName: z.string().nullable() });

export const ApplicationSchema = z.object({
  id: z.number(),
  ref: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  sexLabel: z.string(),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  occupation: z.string().nullable(),
  gigKindLabel: z.string().nullable(),
  migrantWorker: z.boolean(),
  employerName: z.string().nullable(),
  username: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  statusLabel: z.string(),
  submittedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
  /** The decisions open to the user on this application (批准 / 驳回). */
  steps: z.array(AvailableStepSchema),
});
export type Application = z.infer<typeof ApplicationSchema>;

export const ApplicationListQuerySchema = PageQuerySchema.extend({
  status: z.enum(['pending', 'approved', 'rejected', 'all']).default('pending').meta({ title: '状态' }),
  q: z.string().trim().max(40).optional().meta({ title: '姓名' }),
});

export const DecisionSchema = z.object({ opinion: z.string().trim().max(500).optional().meta({ title: '审核意见' }) });
export const RejectSchema = z.object({
  opinion: z.string().trim().min(2, '驳回必须写明理由（至少 2 个字）').max(500).meta({ title: '驳回理由' }),
});

export const ApplicationStatusSchema = z.object({
  ref: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  statusLabel: z.string(),
  orgName: z.string(),
  submittedAt: z.string(),
  dueOn: z.string(),
  opinion: z.string().nullable(),
  username: z.string(),
});

export const MemberDueSchema = z.object({ incomingTransfers: z.number(), pendingApplications: z.number(), overdueApplications: z.number(), dueSoon: z.number() });
