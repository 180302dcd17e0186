import { z } from 'zod';
import { AUDIT_CATEGORIES, type AuditCategory } from '@platform/audit/actions';
import { PageQuerySchema } from '@platform/http/schemas';

const date = (title: string) => z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).optional().meta({ title });

export const AuditQuerySchema = PageQuerySchema.extend({
  actor: z.string().trim().max(64).optional().meta({ title: '操作人' }),
  orgId: z.coerce.number().int().positive().optional().meta({ title: '组织' }),
  action: z.string().max(64).optional().meta({ title: '操作类型' }),
  entityType: z.string().max(64).optional().meta({ title: '对象类型' }),
  outcome: z.enum(['success', 'failure']).optional().meta({ title: '结果' }),
  category: z.enum(Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]]).optional().meta({ title: '类别' }),
  from: date('开始日期'),
  to: date('结束日期'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export { AUDIT_CATEGORIES };
export const AuditExportQuerySchema = AuditQuerySchema.omit({ page: true, pageSize: true });

export const AuditEventSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorName: z.string(),
  actorIp: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  outcome: z.string(),
});
export type AuditEventDto = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
