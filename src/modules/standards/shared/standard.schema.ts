import { z } from 'zod';
import { AvailableStepSchema } from '@platform/workflow/schema';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';

const text = (title: string, max: number) => z.string().trim().max(max).optional().nullable().meta({ title });

/** One item of a checklist (e.g. 六有 之 “有依法选举的工会主席”) with its points. */
export const ChecklistItemInputSchema = z.object({
  title: z.string().trim().min(2, '请填写检查项目').max(60).meta({ title: '检查项目' }),
  description: text('评分要点', 500),
  maxScore: z.number().int().min(1, '分值应为 1–100 的整数').max(100, '分值应为 1–100 的整数').meta({ title: '分值' }),
  evidenceHint: text('佐证材料要求', 200),
});

/** A grade band: a reviewed total at or above `minScore` earns `label` (the highest band that fits). */
export const GradeBandSchema = z.object({
  label: z.string().trim().min(1, '请填写等级名称').max(12).meta({ title: '等级名称' }),
  minScore: z.number().int().min(0).max(1000).meta({ title: '最低分' }),
});

export const ChecklistInputSchema = z.object({
  name: z.string().trim().min(2, '请填写标准名称').max(40).meta({ title: '标准名称' }),
  description: text('说明', 1000),
  effectiveFrom: DateSchema.meta({ title: '生效日期' }),
  gradeBands: z.array(GradeBandSchema).min(1, '至少设置一个等级（最低一档即为达标线）').max(8).meta({ title: '等级' }),
  items: z.array(ChecklistItemInputSchema).min(1, '至少设置一个检查项目').max(40).meta({ title: '检查项目' }),
});
export type ChecklistInput = z.infer<typeof ChecklistInputSchema>;

export const CHECKLIST_STATUS_LABELS = { draft: '草稿', published: '现行', retired: '已停用' } as const;

export const ChecklistItemSchema = ChecklistItemInputSchema.extend({ id: z.number(), position: z.number() });
export const ChecklistSchema = z.object({
  id: z.number(),
  series: z.string(),
  name: z.string(),
  version: z.number(),
  description: z.string().nullable(),
  effectiveFrom: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  statusLabel: z.string(),
  gradeBands: z.array(GradeBandSchema),
  totalScore: z.number(),
  items: z.array(ChecklistItemSchema),
  publishedAt: z.string().nullable(),
  assessments: z.number(),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

export const ASSESSMENT_STATUS_LABELS = {
  not_started: '未自评',
  draft: '自评中',
  submitted: '待审核',
  returned: '已退回',
  reviewed: '已审核',
} as const;
export type AssessmentStatus = keyof typeof ASSESSMENT_STATUS_LABELS;

const yearSchema = z.coerce.number().int().min(2000, '年度应为 2000 年以后').max(2100).meta({ title: '年度' });

export const StartAssessmentSchema = z.object({
  orgId: z.number().int().positive().meta({ title: '工会' }),
  year: yearSchema,
  series: z.string().min(1).max(40).meta({ title: '检查标准' }),
});

const ScoreSchema = z.object({
  itemId: z.number().int().positive(),
  score: z.number().int('得分应为整数').min(0, '得分不能为负数').nullable().meta({ title: '得分' }),
  note: text('说明', 500),
});
export const SelfScoresSchema = z.object({ scores: z.array(ScoreSchema).max(40) });
export const ReviewSchema = z.object({
  decision: z.enum(['approve', 'return']).meta({ title: '审核结果' }),
  scores: z.array(ScoreSchema).max(40).default([]),
  opinion: text('审核意见', 1000),
});

export const EvidenceSchema = z.object({ id: z.number(), itemId: z.number(), fileId: z.number(), name: z.string(), size: z.number(), createdAt: z.string() });

export const AssessmentSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  year: z.number(),
  series: z.string(),
  checklistId: z.number(),
  checklistName: z.string(),
  checklistVersion: z.number(),
  status: z.enum(['draft', 'submitted', 'returned', 'reviewed']),
  statusLabel: z.string(),
  gradeBands: z.array(GradeBandSchema),
  totalScore: z.number(),
  selfTotal: z.number(),
  selfGrade: z.string(),
  reviewTotal: z.number().nullable(),
  grade: z.string().nullable(),
  passed: z.boolean().nullable(),
  reviewOpinion: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  items: z.array(
    ChecklistItemSchema.extend({
      selfScore: z.number().nullable(),
      selfNote: z.string().nullable(),
      reviewScore: z.number().nullable(),
      reviewNote: z.string().nullable(),
      evidence: z.array(EvidenceSchema),
    }),
  ),
  /** What the caller may do now. */
  canEdit: z.boolean(),
  canReview: z.boolean(),
  /** The steps open to the user (提交 / 审核通过 / 退回); `canEdit` and `canReview` are read from them. */
  steps: z.array(AvailableStepSchema),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const AssessmentListQuerySchema = PageQuerySchema.extend({
  year: yearSchema,
  series: z.string().max(40).optional().meta({ title: '检查标准' }),
  status: z.enum(['all', 'not_started', 'draft', 'submitted', 'returned', 'reviewed']).default('all').meta({ title: '状态' }),
  q: z.string().trim().max(60).optional().meta({ title: '工会名称' }),
});
export const AssessmentExportQuerySchema = AssessmentListQuerySchema.omit({ page: true, pageSize: true });

export const AssessmentRowSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  assessmentId: z.number().nullable(),
  status: z.enum(['not_started', 'draft', 'submitted', 'returned', 'reviewed']),
  statusLabel: z.string(),
  selfTotal: z.number().nullable(),
  reviewTotal: z.number().nullable(),
  grade: z.string().nullable(),
  passed: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export const AssessmentPageSchema = z.object({
  items: z.array(AssessmentRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  series: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});

export const StandardSummarySchema = z.object({
  year: z.number(),
  series: z.string().nullable(),
  seriesName: z.string().nullable(),
  notStarted: z.number(),
  draft: z.number(),
  submitted: z.number(),
  returned: z.number(),
  reviewed: z.number(),
  /** Assessments in the caller's scope waiting for the caller's review (a union never reviews itself). */
  awaitingMyReview: z.number(),
});

export const HONOUR_LEVELS = { district: '区级', city: '市级', province: '省级', national: '全国' } as const;
export const HONOUR_TITLES = ['模范职工之家', '模范职工小家', '先进职工之家', '职工之家', '职工小家'] as const;

export const HonourInputSchema = z.object({
  orgId: z.number().int().positive().meta({ title: '工会' }),
  title: z.string().trim().min(2, '请填写荣誉名称').max(40).meta({ title: '荣誉名称' }),
  level: z.enum(['district', 'city', 'province', 'national'], { message: '请选择荣誉级别' }).meta({ title: '级别' }),
  year: yearSchema,
  awardingBody: z.string().trim().min(2, '请填写授予单位').max(60).meta({ title: '授予单位' }),
  docNo: text('文号', 60),
  remark: text('备注', 500),
});
export const RevokeHonourSchema = z.object({
  revokedOn: DateSchema.meta({ title: '撤销日期' }),
  reason: z.string().trim().min(2, '请填写撤销原因').max(500).meta({ title: '撤销原因' }),
});
export const HonourSchema = HonourInputSchema.extend({
  id: z.number(),
  orgName: z.string(),
  levelLabel: z.string(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export const HonourListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '工会或荣誉名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  level: z.enum(['district', 'city', 'province', 'national']).optional().meta({ title: '级别' }),
});
export const HonourExportQuerySchema = HonourListQuerySchema.omit({ page: true, pageSize: true });
export const HonourPageSchema = z.object({ items: z.array(HonourSchema), total: z.number(), page: z.number(), pageSize: z.number() });

/** The grade a total earns: the highest band whose minimum it reaches, else 不达标. */
export function gradeOf(bands: { label: string; minScore: number }[], total: number): { label: string; passed: boolean } {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  const band = sorted.find((b) => total >= b.minScore);
  return band ? { label: band.label, passed: true } : { label: '不达标', passed: false };
}
