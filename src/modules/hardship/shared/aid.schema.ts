import { z } from 'zod';
import { AvailableStepSchema } from '@platform/workflow/schema';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';

export const AID_KIND_LABELS = { living: '生活救助', medical: '医疗救助', education: '助学（金秋助学）', seasonal: '节日慰问', other: '其他帮扶' } as const;
export const AID_FORM_LABELS = { cash: '现金', goods: '实物', service: '服务' } as const;
export const FUND_SOURCE_LABELS = { union: '工会经费', government: '财政资金', donation: '社会捐助', other: '其他' } as const;
export const AID_STATUS_LABELS = { pending: '待审批', approved: '已审批待签收', signed: '已签收', cancelled: '已撤销' } as const;
/**
 * The statuses in which aid counts as paid money in every figure (帮扶资金总额, the yearly summary …): approved by
 * the district or signed for. A pending record is only a request; it still counts against the yearly cap.
 */
export const AID_PAID_STATUSES = ['approved', 'signed'] as const;
export const SCHOOL_LEVEL_LABELS = { compulsory: '义务教育', senior: '高中（中职）', college: '大专', undergraduate: '本科', postgraduate: '研究生' } as const;
export const SEASON_LABELS = { winter: '冬送温暖', spring: '春送岗位', summer: '夏送清凉', autumn: '秋送助学', other: '其他' } as const;
export const RECIPIENT_SOURCES = { cases: '在档困难职工（帮扶中）', gig: '新就业形态劳动者（户外）' } as const;

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
const keys = <T extends object>(o: T) => Object.keys(o) as Keys<T>;

const fen = (title: string) => z.number({ message: `${title}应为金额（分）` }).int(`${title}应为整数（分）`).min(1, `${title}应大于 0`).max(10_000_000, `${title}过大`).meta({ title });

export const AidInputSchema = z.object({
  memberId: z.number().int().positive().meta({ title: '受助会员' }),
  campaignId: z.number().int().positive().optional().meta({ title: '所属活动' }),
  kind: z.enum(keys(AID_KIND_LABELS), { message: '请选择帮扶类别' }).meta({ title: '帮扶类别' }),
  form: z.enum(keys(AID_FORM_LABELS), { message: '请选择帮扶形式' }).meta({ title: '帮扶形式' }),
  /** Omitted for 金秋助学: the amount comes from the rate table by school level and case status. */
  amountFen: fen('金额').optional(),
  schoolLevel: z.enum(keys(SCHOOL_LEVEL_LABELS)).optional().meta({ title: '就读学段' }),
  items: z.string().trim().max(200).optional().meta({ title: '实物或服务内容' }),
  givenOn: DateSchema.meta({ title: '发放日期' }),
  fundSource: z.enum(keys(FUND_SOURCE_LABELS), { message: '请选择资金来源' }).meta({ title: '资金来源' }),
});
export type AidInput = z.infer<typeof AidInputSchema>;

export const AidListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(40).optional().meta({ title: '姓名' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  kind: z.enum(keys(AID_KIND_LABELS)).optional().meta({ title: '帮扶类别' }),
  fundSource: z.enum(keys(FUND_SOURCE_LABELS)).optional().meta({ title: '资金来源' }),
  status: z.enum(keys(AID_STATUS_LABELS)).optional().meta({ title: '状态' }),
  campaignId: z.coerce.number().int().positive().optional().meta({ title: '活动' }),
  memberId: z.coerce.number().int().positive().optional().meta({ title: '会员' }),
});
export type AidListQuery = z.infer<typeof AidListQuerySchema>;

export const AidSchema = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  idNumberMasked: z.string(),
  orgName: z.string(),
  caseNo: z.string().nullable(),
  campaignName: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  form: z.string(),
  formLabel: z.string(),
  amountFen: z.number(),
  items: z.string().nullable(),
  schoolLevelLabel: z.string().nullable(),
  givenOn: z.string(),
  fundSource: z.string(),
  fundSourceLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  signedOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The steps open to the user (审批 / 签收 / 撤销); none on the member's own page and in exports. */
  steps: z.array(AvailableStepSchema),
});
export type Aid = z.infer<typeof AidSchema>;
export const AidPageSchema = z.object({ items: z.array(AidSchema), total: z.number(), page: z.number(), pageSize: z.number(), totalFen: z.number() });

export const CampaignInputSchema = z.object({
  name: z.string().trim().min(2, '请填写活动名称').max(60).meta({ title: '活动名称' }),
  season: z.enum(keys(SEASON_LABELS), { message: '请选择活动类型' }).meta({ title: '活动类型' }),
  startsOn: DateSchema.meta({ title: '开始日期' }),
  endsOn: DateSchema.meta({ title: '结束日期' }),
  budgets: z
    .object({ union: z.number().int().min(0), government: z.number().int().min(0), donation: z.number().int().min(0), other: z.number().int().min(0) })
    .partial()
    .default({})
    .meta({ title: '预算（分，按资金来源）' }),
});
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const RecipientsInputSchema = z.object({
  source: z.enum(keys(RECIPIENT_SOURCES), { message: '请选择名单来源' }).meta({ title: '名单来源' }),
  kind: z.enum(keys(AID_KIND_LABELS)).default('seasonal').meta({ title: '帮扶类别' }),
  form: z.enum(keys(AID_FORM_LABELS)).meta({ title: '帮扶形式' }),
  amountFen: fen('每人金额'),
  items: z.string().trim().max(200).optional().meta({ title: '实物内容' }),
  fundSource: z.enum(keys(FUND_SOURCE_LABELS)).meta({ title: '资金来源' }),
  givenOn: DateSchema.meta({ title: '发放日期' }),
});
export type RecipientsInput = z.infer<typeof RecipientsInputSchema>;

export const CampaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  season: z.string(),
  seasonLabel: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.string(),
  budgets: z.record(z.string(), z.number()),
  people: z.number(),
  signed: z.number(),
  totalFen: z.number(),
  bySource: z.array(z.object({ fundSource: z.string(), label: z.string(), amountFen: z.number() })),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const EducationRateSchema = z.object({ level: z.enum(keys(SCHOOL_LEVEL_LABELS)), onFile: z.boolean(), amountFen: z.number().int().min(0).max(10_000_000) });
export const EducationRatesSchema = z.object({ rates: z.array(EducationRateSchema) });

export const AidSummarySchema = z.object({
  year: z.number(),
  totalFen: z.number(),
  people: z.number(),
  byKind: z.array(z.object({ key: z.string(), label: z.string(), amountFen: z.number(), count: z.number() })),
  bySource: z.array(z.object({ key: z.string(), label: z.string(), amountFen: z.number(), count: z.number() })),
  /** 财政资金 ÷ 工会经费 (null when no union money). */
  governmentToUnion: z.number().nullable(),
});
