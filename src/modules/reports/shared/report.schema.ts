import { z } from 'zod';
import { PageQuerySchema } from '@platform/http/schemas';
import { PeriodIdSchema } from './indicator.schema';

export const ReportSectionSchema = z.object({
  heading: z.string().max(200, '标题不能超过 200 个字').meta({ title: '标题' }),
  paragraphs: z.array(z.string().max(5000, '每段不能超过 5000 个字').meta({ title: '段落' })).max(200),
});

export const CreateReportSchema = z.object({
  orgId: z.number().int().positive().meta({ title: '报告单位' }),
  period: PeriodIdSchema,
  title: z.string().trim().min(2, '报告标题至少 2 个字').max(200).optional().meta({ title: '报告标题' }),
});

export const UpdateReportSchema = z.object({
  title: z.string().trim().min(2, '报告标题至少 2 个字').max(200).optional().meta({ title: '报告标题' }),
  sections: z.array(ReportSectionSchema).min(1, '报告至少要有一节').max(50).optional().meta({ title: '正文' }),
});

export const ReportListQuerySchema = PageQuerySchema.extend({
  status: z.enum(['draft', 'final']).optional().meta({ title: '状态' }),
});

/** One piece of rendered text: plain text, or a figure with its value (or marked missing). */
export const RenderedTokenSchema = z.union([
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('figure'),
    name: z.string(),
    code: z.string().nullable(),
    /** Formatted for print, e.g. 1,234 or 85.5; null when missing. */
    text: z.string().nullable(),
    value: z.number().nullable(),
    unit: z.string().nullable(),
    lastYearValue: z.number().nullable(),
    missing: z.boolean(),
  }),
]);
export type RenderedToken = z.infer<typeof RenderedTokenSchema>;

export const ReportSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'final']),
  sections: z.array(ReportSectionSchema),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  basedOnReportId: z.number().nullable(),
});
export type ReportDto = z.infer<typeof ReportSchema>;

export const RenderedReportSchema = z.object({
  report: ReportSchema,
  lastYearPeriodLabel: z.string(),
  sections: z.array(z.object({ heading: z.array(RenderedTokenSchema), paragraphs: z.array(z.array(RenderedTokenSchema)) })),
  missing: z.array(z.string()),
  /** Why 定稿 is refused now (empty when it may be finalised), so the button can say so before anyone confirms. */
  finaliseBlockers: z.array(z.string()),
  /** Names of the figures in the text that compute to 0: worth a look before 定稿 (a ledger not yet filled?). */
  zeroFigures: z.array(z.string()),
  /** Where the values come from: live ledgers (draft) or the snapshot frozen at finalisation. */
  source: z.enum(['live', 'snapshot']),
});
export type RenderedReport = z.infer<typeof RenderedReportSchema>;

export const ReportPageSchema = z.object({
  items: z.array(ReportSchema.omit({ sections: true })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const REPORT_AUDIT_ACTIONS = {
  'report.create': '新建述职报告',
  'report.update': '修改述职报告',
  'report.finalise': '定稿述职报告',
  'report.copy': '以定稿为基础新建草稿',
} as const;
