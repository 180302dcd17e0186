import { z } from 'zod';
import { codedField } from '@platform/imports/codes';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';

/** 用工形式 of a post. */
export const WORK_KIND = defineCodes({ full_time: '全职', part_time: '兼职', flexible: '灵活用工', trainee: '就业见习' });
/** Where the record came from (domain rules §2.7): the union's own survey or the enterprise's entry. */
export const SOURCE = defineCodes({ survey: '工会调查', enterprise: '企业填报' });
/** Computed from the dates: 已招满 once marked filled, 已过期 after the valid-until day, else 招聘中. */
export const HIRING_STATUS = defineCodes({ open: '招聘中', filled: '已招满', expired: '已过期' });

export const WORK_KIND_FIELD = codedField('用工形式', WORK_KIND.values.map((value) => ({ value, label: WORK_KIND.labels[value], synonyms: value === 'trainee' ? ['见习'] : value === 'flexible' ? ['灵活就业', '临时'] : [] })));
export const SOURCE_FIELD = codedField('信息来源', SOURCE.values.map((value) => ({ value, label: SOURCE.labels[value], synonyms: value === 'survey' ? ['调查', '工会走访'] : ['企业', '自行填报'] })));

const pay = (title: string) => z.number({ message: `${title}应为整数（元）` }).int(`${title}应为整数（元）`).min(0, `${title}不能为负数`).max(1_000_000).nullable().optional().meta({ title });
const text = (title: string, max: number) => z.string().trim().max(max, `${title}不超过 ${max} 个字`).nullable().optional().meta({ title });

/** The record's fields; the service checks what spans two of them (pay range, dates) on create and change alike. */
export const HiringInputSchema = z.object({
  orgId: z.number({ message: '请选择录入的工会' }).int().positive().meta({ title: '录入工会' }),
  employerName: z.string().trim().min(2, '单位名称至少 2 个字').max(80, '单位名称不超过 80 个字').meta({ title: '单位名称' }),
  employerUscc: z.string().trim().min(1, '请填写统一社会信用代码').max(24).meta({ title: '统一社会信用代码' }),
  post: z.string().trim().min(2, '岗位名称至少 2 个字').max(60, '岗位名称不超过 60 个字').meta({ title: '岗位名称' }),
  workKind: z.enum(WORK_KIND.values, { message: '请选择用工形式' }).meta({ title: '用工形式' }),
  headcount: z.number({ message: '招聘人数应为整数' }).int('招聘人数应为整数').min(1, '招聘人数至少 1 人').max(100_000).meta({ title: '招聘人数' }),
  payMin: pay('月薪下限'),
  payMax: pay('月薪上限'),
  requirements: text('岗位要求', 500),
  place: text('工作地点', 100),
  recordedOn: DateSchema.meta({ title: '录入日期' }),
  validUntil: DateSchema.meta({ title: '有效期至' }),
  contactName: text('联系人', 30),
  contactPhone: text('联系电话', 30),
  source: z.enum(SOURCE.values, { message: '请选择信息来源' }).meta({ title: '信息来源' }),
});
export type HiringInput = z.infer<typeof HiringInputSchema>;

export const HiringQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '单位、岗位或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '录入年度' }),
  status: z.enum([...HIRING_STATUS.values, 'all']).optional().meta({ title: '状态' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type HiringQuery = z.infer<typeof HiringQuerySchema>;

export const HiringSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  employerName: z.string(),
  employerUscc: z.string(),
  post: z.string(),
  workKind: z.string(),
  headcount: z.number(),
  payMin: z.number().nullable(),
  payMax: z.number().nullable(),
  payText: z.string(),
  requirements: z.string().nullable(),
  place: z.string().nullable(),
  recordedOn: z.string(),
  validUntil: z.string(),
  filledOn: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  source: z.string(),
  status: z.string(),
  /** Workers who said 我有意向 on the public page. */
  interested: z.number(),
  canWrite: z.boolean(),
});
export type Hiring = z.infer<typeof HiringSchema>;
export const InterestSchema = z.object({ id: z.number(), name: z.string(), phoneMasked: z.string(), message: z.string().nullable(), createdAt: z.string() });
export type Interest = z.infer<typeof InterestSchema>;
export const HiringDetailSchema = HiringSchema.extend({ interests: z.array(InterestSchema) });
export type HiringDetail = z.infer<typeof HiringDetailSchema>;

/** 月薪 as people write it: 4000–6000 元, 4000 元起, 至 6000 元, 面议. */
export function payText(min: number | null, max: number | null): string {
  if (min != null && max != null) return min === max ? `${min} 元` : `${min}–${max} 元`;
  if (min != null) return `${min} 元起`;
  if (max != null) return `至 ${max} 元`;
  return '面议';
}

/** One column list: list page, detail drawer, Excel export and import template. */
export const HIRING_COLUMNS = defineColumns<Hiring>([
  { key: 'employerName', header: '单位名称', width: 28, value: (r) => r.employerName, import: { required: true, example: '云溪恒达物流有限公司' } },
  { key: 'employerUscc', header: '统一社会信用代码', width: 22, in: { list: false }, value: (r) => r.employerUscc, import: { required: true, note: '18 位，按 GB 32100 校验', example: '91320100MA1XXXXXXX', asText: true } },
  { key: 'post', header: '岗位名称', width: 18, value: (r) => r.post, import: { required: true, example: '仓储管理员' } },
  { key: 'workKind', header: '用工形式', width: 10, value: (r) => r.workKind, codes: WORK_KIND, import: { required: true, example: '全职', codes: WORK_KIND_FIELD.synonymLines() } },
  { key: 'headcount', header: '招聘人数', width: 10, value: (r) => r.headcount, import: { required: true, note: '整数', example: '5' } },
  { key: 'payMin', header: '月薪下限（元）', width: 12, in: { list: false, detail: false }, value: (r) => r.payMin, import: { note: '整数，可不填', example: '4500' } },
  { key: 'payMax', header: '月薪上限（元）', width: 12, in: { list: false, detail: false }, value: (r) => r.payMax, import: { note: '整数，可不填', example: '6000' } },
  { key: 'payText', header: '月薪', width: 16, value: (r) => r.payText },
  { key: 'orgName', header: '录入工会', width: 26, value: (r) => r.orgName },
  { key: 'orgCode', header: '录入工会代码', width: 16, import: { required: true, note: '录入这条信息的工会的组织代码', example: '320102001', asText: true } },
  { key: 'recordedOn', header: '录入日期', width: 12, value: (r) => r.recordedOn, import: { required: true, example: '2026-03-01' } },
  { key: 'validUntil', header: '有效期至', width: 12, value: (r) => r.validUntil, import: { required: true, example: '2026-06-30' } },
  { key: 'status', header: '状态', width: 8, value: (r) => r.status, codes: HIRING_STATUS },
  { key: 'interested', header: '求职意向', width: 8, value: (r) => r.interested },
  { key: 'place', header: '工作地点', width: 20, in: { list: false }, value: (r) => r.place, import: { example: '云溪区锦绣路 8 号' } },
  { key: 'requirements', header: '岗位要求', width: 30, in: { list: false }, value: (r) => r.requirements, import: { example: '高中以上学历，能上夜班' } },
  { key: 'contactName', header: '联系人', width: 10, in: { list: false }, value: (r) => r.contactName, import: { example: '王经理' } },
  { key: 'contactPhone', header: '联系电话', width: 14, in: { list: false }, value: (r) => r.contactPhone, import: { example: '025-80000000', asText: true } },
  { key: 'source', header: '信息来源', width: 10, in: { list: false }, value: (r) => r.source, codes: SOURCE, import: { required: true, example: '工会调查', codes: SOURCE_FIELD.synonymLines() } },
  { key: 'filledOn', header: '招满日期', width: 12, in: { list: false }, value: (r) => r.filledOn },
]);

/** 企业用工信息: a record opens at /employment?open=<id>. */
export const HIRING = defineLedger({ name: 'employment', label: '企业用工信息', path: '/employment', columns: HIRING_COLUMNS });
