import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';

export const FAIR_MODE = defineCodes({ onsite: '线下', online: '线上', both: '线上线下' });
/** Computed from the date: 待举办 until the day, then 已举办. */
export const FAIR_STATUS = defineCodes({ planned: '待举办', held: '已举办' });

const count = (title: string) => z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(0, `${title}不能为负数`).max(10_000_000).nullable().optional().meta({ title });

export const FairInputSchema = z.object({
  orgId: z.number({ message: '请选择主办工会' }).int().positive().meta({ title: '主办工会' }),
  name: z.string().trim().min(4, '招聘会名称至少 4 个字').max(80, '招聘会名称不超过 80 个字').meta({ title: '招聘会名称' }),
  heldOn: DateSchema.meta({ title: '举办日期' }),
  mode: z.enum(FAIR_MODE.values, { message: '请选择举办形式' }).meta({ title: '举办形式' }),
  venue: z.string().trim().max(100, '地点不超过 100 个字').nullable().optional().meta({ title: '地点或平台' }),
  coOrganisers: z.string().trim().max(200, '协办单位不超过 200 个字').nullable().optional().meta({ title: '协办单位' }),
  visitors: count('参会人次'),
  intentions: count('达成就业意向人数'),
  hires: count('跟踪录用人数'),
});
export type FairInput = z.infer<typeof FairInputSchema>;

export const FairEnterpriseInputSchema = z.object({
  employerName: z.string().trim().min(2, '单位名称至少 2 个字').max(80, '单位名称不超过 80 个字').meta({ title: '单位名称' }),
  employerUscc: z.string().trim().min(1, '请填写统一社会信用代码').max(24).meta({ title: '统一社会信用代码' }),
  posts: z.number({ message: '岗位数应为整数' }).int('岗位数应为整数').min(1, '岗位数至少 1 个').max(10_000).meta({ title: '岗位数' }),
  headcount: z.number({ message: '招聘人数应为整数' }).int('招聘人数应为整数').min(1, '招聘人数至少 1 人').max(100_000).meta({ title: '招聘人数' }),
});

export const FairQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '招聘会或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '举办年度' }),
  status: z.enum([...FAIR_STATUS.values, 'all']).optional().meta({ title: '状态' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type FairQuery = z.infer<typeof FairQuerySchema>;

export const FairEnterpriseSchema = z.object({ id: z.number(), employerName: z.string(), employerUscc: z.string(), posts: z.number(), headcount: z.number() });
export type FairEnterprise = z.infer<typeof FairEnterpriseSchema>;

export const FairSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  heldOn: z.string(),
  mode: z.string(),
  venue: z.string().nullable(),
  coOrganisers: z.string().nullable(),
  visitors: z.number().nullable(),
  intentions: z.number().nullable(),
  hires: z.number().nullable(),
  enterprises: z.number(),
  posts: z.number(),
  headcount: z.number(),
  status: z.string(),
  canWrite: z.boolean(),
});
export type Fair = z.infer<typeof FairSchema>;
export const FairDetailSchema = FairSchema.extend({ participants: z.array(FairEnterpriseSchema) });
export type FairDetail = z.infer<typeof FairDetailSchema>;

export const FAIR_COLUMNS = defineColumns<Fair>([
  { key: 'name', header: '招聘会名称', width: 30, value: (r) => r.name },
  { key: 'heldOn', header: '举办日期', width: 12, value: (r) => r.heldOn },
  { key: 'mode', header: '举办形式', width: 10, value: (r) => r.mode, codes: FAIR_MODE },
  { key: 'orgName', header: '主办工会', width: 24, value: (r) => r.orgName },
  { key: 'venue', header: '地点或平台', width: 24, in: { list: false }, value: (r) => r.venue },
  { key: 'coOrganisers', header: '协办单位', width: 24, in: { list: false }, value: (r) => r.coOrganisers },
  { key: 'enterprises', header: '参会企业', width: 10, value: (r) => r.enterprises },
  { key: 'posts', header: '岗位数', width: 8, value: (r) => r.posts },
  { key: 'headcount', header: '招聘人数', width: 10, value: (r) => r.headcount },
  { key: 'visitors', header: '参会人次', width: 10, in: { list: false }, value: (r) => r.visitors },
  { key: 'intentions', header: '达成意向', width: 10, value: (r) => r.intentions },
  { key: 'hires', header: '跟踪录用', width: 10, in: { list: false }, value: (r) => r.hires },
  { key: 'status', header: '状态', width: 8, value: (r) => r.status, codes: FAIR_STATUS },
]);

export const FAIR_ENTERPRISE_COLUMNS = defineColumns<FairEnterprise>([
  { key: 'employerName', header: '单位名称', value: (r) => r.employerName },
  { key: 'posts', header: '岗位数', value: (r) => r.posts },
  { key: 'headcount', header: '招聘人数', value: (r) => r.headcount },
]);

/** 招聘会: a fair opens at /employment/fairs?open=<id>. */
export const FAIRS = defineLedger({ name: 'employment-fairs', label: '招聘会', path: '/employment/fairs', columns: FAIR_COLUMNS });
