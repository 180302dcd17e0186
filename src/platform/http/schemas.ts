import { z } from 'zod';

/** `?page=1&pageSize=20` on every list. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
});

export const IdParamsSchema = z.object({ id: z.coerce.number().int().positive().meta({ title: '编号' }) });

/** A calendar date `YYYY-MM-DD`. */
export const DateSchema = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
