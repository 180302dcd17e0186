import { z } from 'zod';
import { PageQuerySchema } from '@platform/http/schemas';

/** GET /api/due: the query, one item and the page (web-safe: the home page's 待办 list reads the same types). */
export const DueQuerySchema = PageQuerySchema.extend({
  module: z.string().trim().max(64).optional().meta({ title: '业务模块' }),
});

/** One piece of due work (待办). */
export const DueItemSchema = z.object({
  /** The module that owns the record (manifest `name`). */
  module: z.string(),
  /** What kind of work, stable within the module (`application`, `review`). */
  kind: z.string(),
  /** The record, in Chinese (a case number and name, an application, a programme). */
  title: z.string(),
  orgName: z.string(),
  /** `YYYY-MM-DD`, or null when the work has no deadline. */
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  /** Chinese verb phrase: what to do (审核入会申请). */
  action: z.string(),
  /** Web path that opens the record. */
  href: z.string(),
});

export const DuePageSchema = z.object({
  items: z.array(DueItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Every module the principal sees due work of, with counts over all its items (the filter does not narrow these). */
  counts: z.array(z.object({ module: z.string(), label: z.string(), count: z.number(), overdue: z.number() })),
});

