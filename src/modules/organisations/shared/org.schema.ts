import { z } from 'zod';
import { PageQuerySchema } from '@platform/http/schemas';
import { ORG_KIND_VALUES } from './org-kinds';

const date = (title: string) => z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).meta({ title });

export const OrgKindSchema = z.enum(ORG_KIND_VALUES, { message: '请选择有效的组织类型' }).meta({ title: '组织类型' });

const name = z.string().trim().min(2, '组织名称至少 2 个字').max(100, '组织名称不能超过 100 个字').meta({ title: '组织名称' });
const code = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,32}$/, '组织代码只能包含数字、字母和短横线，最长 32 位')
  .meta({ title: '组织代码' });
const divisionCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码应为 6、9 或 12 位数字')
  .meta({ title: '行政区划代码' });
const optionalText = (title: string, max: number) =>
  z.string().trim().max(max, `${title}不能超过 ${max} 个字`).optional().nullable().meta({ title });
const contactPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话应为 11 位手机号或带区号的固定电话')
  .optional()
  .nullable()
  .or(z.literal(''))
  .meta({ title: '联系电话' });

export const CreateOrgSchema = z.object({
  parentId: z.number().int().positive().meta({ title: '上级组织' }),
  name,
  kind: OrgKindSchema,
  code: code.optional().or(z.literal('')),
  divisionCode: divisionCode.optional().nullable().or(z.literal('')),
  openedOn: date('成立日期').optional().nullable(),
  address: optionalText('地址', 200),
  contactName: optionalText('联系人', 50),
  contactPhone,
  remark: optionalText('备注', 500),
  acceptsGigWorkers: z.boolean().optional().meta({ title: '接收新就业形态劳动者入会' }),
});
export type CreateOrgInput = z.infer<typeof CreateOrgSchema>;

export const UpdateOrgSchema = CreateOrgSchema.omit({ parentId: true }).partial().extend({
  code: code.optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgSchema>;

export const MoveOrgSchema = z.object({ parentId: z.number().int().positive().meta({ title: '新的上级组织' }) });

export const CloseOrgSchema = z.object({
  closedOn: date('撤销日期'),
  reason: z.string().trim().min(2, '请填写撤销原因（至少 2 个字）').max(200).meta({ title: '撤销原因' }),
});

export const OrgListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().meta({ title: '关键词' }),
  kind: OrgKindSchema.optional(),
  tier: z.enum(['federation', 'intermediate', 'grassroots']).optional().meta({ title: '层级' }),
  status: z.enum(['open', 'closed', 'all']).default('open').meta({ title: '状态' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type OrgListQuery = z.infer<typeof OrgListQuerySchema>;
export const OrgExportQuerySchema = OrgListQuerySchema.omit({ page: true, pageSize: true });

export const OrgTreeQuerySchema = z.object({
  parentId: z.coerce.number().int().positive().optional().meta({ title: '上级组织' }),
  includeClosed: z.enum(['true', 'false']).default('false'),
});

export const OrgSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  name: z.string(),
  code: z.string(),
  kind: OrgKindSchema,
  kindLabel: z.string(),
  tier: z.string(),
  level: z.number(),
  divisionCode: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked unless the caller may edit this organisation. */
  contactPhone: z.string().nullable(),
  remark: z.string().nullable(),
  acceptsGigWorkers: z.boolean(),
  childCount: z.number(),
  updatedAt: z.string(),
});
export type OrgDto = z.infer<typeof OrgSchema>;

export const OrgPageSchema = z.object({
  items: z.array(OrgSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const OrgTreeNodeSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  kind: OrgKindSchema,
  status: z.enum(['open', 'closed']),
  childCount: z.number(),
});
export type OrgTreeNode = z.infer<typeof OrgTreeNodeSchema>;
