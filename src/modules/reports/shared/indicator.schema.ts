import { z } from 'zod';
import { PageQuerySchema } from '@platform/http/schemas';
import { AMOUNT_KINDS } from '@platform/indicators/columns';
import { parsePeriod } from '@platform/periods/period';

export const PeriodIdSchema = z
  .string()
  .trim()
  .refine((v) => parsePeriod(v) !== null, { message: '统计期格式应为 2024、2024Q1、202401 或 2024-01-01..2024-06-30' })
  .meta({ title: '统计期' });

export const IndicatorScopeQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional().meta({ title: '统计范围' }),
  period: PeriodIdSchema.optional(),
});

export const IndicatorValuesQuerySchema = IndicatorScopeQuerySchema.extend({
  codes: z.string().max(4000).optional().meta({ title: '指标' }),
});

/** The drill-down's search box: a part of the record's name or of its organisation's. */
const RecordSearchSchema = z.string().trim().max(60).optional().meta({ title: '搜索记录或组织' });

export const IndicatorRecordsQuerySchema = PageQuerySchema.extend(IndicatorScopeQuerySchema.shape).extend({
  part: z.enum(['numerator', 'denominator']).default('numerator').meta({ title: '分子或分母' }),
  q: RecordSearchSchema,
});
export const IndicatorExportQuerySchema = IndicatorScopeQuerySchema.extend({
  part: z.enum(['numerator', 'denominator']).default('numerator').meta({ title: '分子或分母' }),
  q: RecordSearchSchema,
});

export const IndicatorCodeParamsSchema = z.object({ code: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, '指标代码格式不对').meta({ title: '指标代码' }) });

/** The amount column of a figure's records: money is in yuan (two decimals) wherever it is shown. */
export const AmountColumnSchema = z.object({ kind: z.enum(AMOUNT_KINDS), label: z.string() });
export type AmountColumnDto = z.infer<typeof AmountColumnSchema>;

export const IndicatorDefinitionSchema = z.object({
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.string(),
  section: z.string(),
  kind: z.enum(['count', 'sum', 'rate']),
  numerator: z.object({ code: z.string(), name: z.string() }).nullable(),
  denominator: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The amount column of its records (for a rate: of the numerator's); null when they carry none. */
  amount: AmountColumnSchema.nullable(),
});
export type IndicatorDefinitionDto = z.infer<typeof IndicatorDefinitionSchema>;

export const PeriodSchema = z.object({ id: z.string(), label: z.string(), start: z.string(), last: z.string() });

export const IndicatorValueSchema = z.object({
  code: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The same period one year earlier, for 比上年. */
  lastYearValue: z.number().nullable(),
});
export type IndicatorValueDto = z.infer<typeof IndicatorValueSchema>;

export const IndicatorValuesSchema = z.object({
  org: z.object({ id: z.number(), name: z.string() }),
  period: PeriodSchema,
  lastYearPeriod: PeriodSchema,
  values: z.array(IndicatorValueSchema),
});

export const IndicatorRecordSchema = z.object({
  id: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  occurredOn: z.string().nullable(),
  /** As the records' amount column says: yuan for money (e.g. 5000 for 5,000 元), never fen. */
  amount: z.number().nullable(),
  /** The ledger record behind the row (when the figure declares its ledger): its web path opens the record. */
  ref: z.object({ ledger: z.string(), id: z.string(), href: z.string() }).nullable(),
});
export type IndicatorRecordDto = z.infer<typeof IndicatorRecordSchema>;

export const IndicatorRecordsSchema = z.object({
  indicator: IndicatorDefinitionSchema,
  org: z.object({ id: z.number(), name: z.string() }),
  period: PeriodSchema,
  part: z.enum(['numerator', 'denominator']),
  /** The amount column of these records (the chosen part's, for a rate). */
  amount: AmountColumnSchema.nullable(),
  items: z.array(IndicatorRecordSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const TrendQuerySchema = IndicatorScopeQuerySchema.omit({ period: true }).extend({
  years: z.coerce.number().int().min(2).max(15).default(5).meta({ title: '年数' }),
});
export const TrendSchema = z.object({ points: z.array(z.object({ period: z.string(), label: z.string(), value: z.number().nullable() })) });

export const BreakdownSchema = z.object({
  period: PeriodSchema,
  items: z.array(z.object({ orgId: z.number(), orgName: z.string(), value: z.number().nullable() })),
});
