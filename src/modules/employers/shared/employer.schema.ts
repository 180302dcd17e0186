import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { INDUSTRY_VALUES, OWNERSHIP_VALUES } from './employer-codes';

const optional = (title: string, max: number) => z.string().trim().max(max, `${title}不能超过 ${max} 个字`).optional().nullable().meta({ title });
const count = (title: string) => z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(0, `${title}不能为负数`).max(1_000_000).meta({ title });

export const EmployerFieldsSchema = z.object({
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(100).meta({ title: '单位名称' }),
  uscc: z.string().trim().min(1, '请填写统一社会信用代码').max(24).meta({ title: '统一社会信用代码' }),
  orgId: z.number().int().positive().meta({ title: '所属街道（乡镇）工会' }),
  divisionCode: z.string().trim().regex(/^(\d{6}(\d{3}(\d{3})?)?)?$/, '行政区划代码应为 6、9 或 12 位数字').optional().nullable().meta({ title: '行政区划代码' }),
  industry: z.enum(INDUSTRY_VALUES, { message: '请选择国民经济行业门类' }).optional().nullable().meta({ title: '行业门类' }),
  ownership: z.enum(OWNERSHIP_VALUES, { message: '请选择单位类别' }).optional().nullable().meta({ title: '单位类别' }),
  employees: count('职工人数'),
  womenEmployees: count('女职工人数').optional().nullable(),
  smallMicro: z.boolean().optional().meta({ title: '小微企业' }),
  contactName: optional('联系人', 30),
  contactPhone: optional('联系电话', 20),
  address: optional('地址', 200),
  remark: optional('备注', 500),
});
export type EmployerFields = z.infer<typeof EmployerFieldsSchema>;
export const UpdateEmployerSchema = EmployerFieldsSchema.partial();

export const EmployerListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '单位名称或统一社会信用代码' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
  coverage: z.enum(['covered', 'uncovered', 'gap', 'all']).optional().meta({ title: '建会情况' }),
  coveredBy: z.coerce.number().int().positive().optional().meta({ title: '覆盖工会' }),
  industry: z.enum(INDUSTRY_VALUES).optional().meta({ title: '行业门类' }),
});
export type EmployerListQuery = z.infer<typeof EmployerListQuerySchema>;
export const EmployerExportQuerySchema = EmployerListQuerySchema.omit({ page: true, pageSize: true });

export const EmployerSchema = z.object({
  id: z.number(),
  name: z.string(),
  uscc: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  divisionCode: z.string().nullable(),
  industry: z.string().nullable(),
  industryLabel: z.string().nullable(),
  ownership: z.string().nullable(),
  ownershipLabel: z.string().nullable(),
  employees: z.number(),
  womenEmployees: z.number().nullable(),
  smallMicro: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  remark: z.string().nullable(),
  unionId: z.number().nullable(),
  unionName: z.string().nullable(),
  coveredSince: z.string().nullable(),
  isGap: z.boolean(),
  foundingStage: z.string(),
  foundingStageLabel: z.string(),
  foundingStartedOn: z.string().nullable(),
  foundingNote: z.string().nullable(),
  canWrite: z.boolean(),
});
export type Employer = z.infer<typeof EmployerSchema>;

export const EmployerPageSchema = z.object({ items: z.array(EmployerSchema), total: z.number(), page: z.number(), pageSize: z.number() });

export const CoverSchema = z.object({
  orgId: z.number().int().positive().meta({ title: '基层工会' }),
  since: DateSchema.meta({ title: '覆盖起始日期' }),
});

export const FoundingSchema = z.object({
  stage: z.enum(['none', 'visiting', 'preparing'], { message: '请选择建会进度' }).meta({ title: '建会进度' }),
  note: optional('进展说明', 500),
});

export const FoundSchema = z.object({
  unionName: z.string().trim().min(2).max(100).meta({ title: '工会名称' }),
  kind: z.enum(['enterprise', 'joint'], { message: '请选择工会类型' }).meta({ title: '工会类型' }),
  openedOn: DateSchema.meta({ title: '成立日期' }),
});

const GapRowSchema = z.object({ orgId: z.number(), orgName: z.string(), employers25: z.number(), covered: z.number(), gaps: z.number(), foundingRate: z.number().nullable() });
export type GapRow = z.infer<typeof GapRowSchema>;
export const GapSummarySchema = z.array(GapRowSchema);
