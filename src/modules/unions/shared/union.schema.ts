import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';

export const UNION_AUDIT_ACTIONS = { 'union.term': '登记换届选举' } as const;

const names = (title: string) => z.array(z.string().trim().min(1).max(30)).max(50).default([]).meta({ title });

/** One election (换届): the committee elected and its term. The term ends `termYears` after `electedOn`. */
export const TermInputSchema = z.object({
  electedOn: DateSchema.meta({ title: '选举日期' }),
  termYears: z.union([z.literal(3), z.literal(5)], { message: '任期应为 3 年或 5 年（《工会法》第十五条）' }).meta({ title: '任期（年）' }),
  chairName: z.string().trim().min(2, '请填写工会主席姓名').max(30).meta({ title: '工会主席' }),
  chairFullTime: z.boolean().meta({ title: '主席专职' }),
  viceChairs: names('副主席'),
  committeeMembers: names('委员'),
  fundsCommittee: names('经费审查委员会委员'),
  womenCommittee: names('女职工委员会委员'),
  approvalDoc: z.string().trim().max(60).optional().nullable().meta({ title: '批复文号' }),
  remark: z.string().trim().max(500).optional().nullable().meta({ title: '备注' }),
});
export type TermInput = z.infer<typeof TermInputSchema>;

export const TermSchema = TermInputSchema.extend({
  id: z.number(),
  orgId: z.number(),
  endsOn: z.string(),
  current: z.boolean(),
});

export const ElectionStatusSchema = z.enum(['overdue', 'due', 'in_term', 'unregistered']);

export const ElectionListQuerySchema = PageQuerySchema.extend({
  status: z.enum(['overdue', 'due', 'unregistered', 'all']).default('due').meta({ title: '换届状态' }),
  within: z.coerce.number().int().min(1).max(730).default(180).meta({ title: '多少天内届满' }),
  q: z.string().trim().max(60).optional().meta({ title: '工会名称' }),
});
export const ElectionExportQuerySchema = ElectionListQuerySchema.omit({ page: true, pageSize: true });

export const ElectionRowSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgCode: z.string(),
  parentName: z.string().nullable(),
  chairName: z.string().nullable(),
  electedOn: z.string().nullable(),
  termYears: z.number().nullable(),
  endsOn: z.string().nullable(),
  daysLeft: z.number().nullable(),
  status: ElectionStatusSchema,
  statusLabel: z.string(),
});
export const ElectionPageSchema = z.object({ items: z.array(ElectionRowSchema), total: z.number(), page: z.number(), pageSize: z.number() });
export const ElectionSummarySchema = z.object({ due: z.number(), overdue: z.number(), unregistered: z.number(), within: z.number() });
