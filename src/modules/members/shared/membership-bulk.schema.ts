import { z } from 'zod';
import { DateSchema } from '@platform/http/schemas';
import { BULK_LEAVE_REASONS } from './member-codes';

const remark = z.string().trim().max(200, '备注不能超过 200 个字').optional().nullable().meta({ title: '备注' });

/** Which union's open memberships: the one about to be closed. */
export const OpenMembershipsQuerySchema = z.object({ orgId: z.coerce.number().int().positive().meta({ title: '工会' }) });

/** How many memberships of a union are still open, and the latest joining date among them (the earliest date they can all move or end). */
export const OpenMembershipsSchema = z.object({ orgId: z.number(), open: z.number(), latestJoinedOn: z.string().nullable() });

/** Moves every open membership of one union to another (before closing the first). */
export const TransferAllSchema = z.object({
  fromOrgId: z.number().int().positive().meta({ title: '转出工会' }),
  toOrgId: z.number().int().positive().meta({ title: '转入工会' }),
  transferredOn: DateSchema.meta({ title: '转会日期' }),
  remark,
});
export type TransferAllInput = z.infer<typeof TransferAllSchema>;

/** Ends every open membership of one union with one reason (before closing it). */
export const EndAllSchema = z.object({
  orgId: z.number().int().positive().meta({ title: '工会' }),
  leftOn: DateSchema.meta({ title: '退会日期' }),
  reason: z.enum(BULK_LEAVE_REASONS, { message: '请选择退会原因' }).meta({ title: '退会原因' }),
  remark,
});
export type EndAllInput = z.infer<typeof EndAllSchema>;

export const BulkMembershipResultSchema = z.object({ count: z.number() });
