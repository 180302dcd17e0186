import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { loadFile, sendStoredFile } from '@platform/files';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { chinaToday } from '@platform/periods';
import { availableSteps } from '@platform/workflow/machine';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import {
  ASSESSMENT_STATUS_LABELS,
  AssessmentExportQuerySchema,
  AssessmentListQuerySchema,
  AssessmentPageSchema,
  AssessmentSchema,
  CHECKLIST_STATUS_LABELS,
  ChecklistInputSchema,
  ChecklistSchema,
  EvidenceSchema,
  gradeOf,
  HONOUR_LEVELS,
  HonourExportQuerySchema,
  HonourInputSchema,
  HonourListQuerySchema,
  HonourPageSchema,
  ReviewSchema,
  RevokeHonourSchema,
  SelfScoresSchema,
  StandardSummarySchema,
  StartAssessmentSchema,
} from '../shared/standard.schema';
import { ASSESSMENT_MACHINE, type AssessmentState } from '../shared/assessment-machine';
import { StandardPermissions } from '../shared/standard.permissions';
import { StandardErrors } from './standard.errors';
import * as repo from './standard.repository';
import * as service from './standard.service';

const READ = OrgPermissions.read.name;
const WRITE = OrgPermissions.write.name;
const MANAGE = StandardPermissions.manage.name;
const ASSESS = StandardPermissions.assess.name;
const REVIEW = StandardPermissions.review.name;
const tags = ['规范化建设'];
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

const presentItem = (i: repo.ChecklistWithItems['items'][number]) => ({
  id: i.id,
  position: i.position,
  title: i.title,
  description: i.description,
  maxScore: i.maxScore,
  evidenceHint: i.evidenceHint,
});

function presentChecklist(c: repo.ChecklistWithItems) {
  return {
    id: c.id,
    series: c.series,
    name: c.name,
    version: c.version,
    description: c.description,
    effectiveFrom: c.effectiveFrom,
    status: c.status as 'draft' | 'published' | 'retired',
    statusLabel: CHECKLIST_STATUS_LABELS[c.status as keyof typeof CHECKLIST_STATUS_LABELS],
    gradeBands: [...c.gradeBands].sort((a, b) => b.minScore - a.minScore),
    totalScore: c.items.reduce((n, i) => n + i.maxScore, 0),
    items: c.items.map(presentItem),
    publishedAt: iso(c.publishedAt),
    assessments: c.assessments,
  };
}

async function presentAssessment(deps: AppDeps, principal: Principal, a: repo.AssessmentDetailRow) {
  const c = (await repo.checklistById(deps.db, a.checklist_id))!;
  const scores = await repo.scoresOf(deps.db, a.id);
  const evidence = await repo.evidenceOf(deps.db, a.id);
  const totalScore = c.items.reduce((n, i) => n + i.maxScore, 0);
  // The review steps are never open to a union that filled the assessment in (the service refuses them too).
  const steps = availableSteps(ASSESSMENT_MACHINE, { status: a.status as AssessmentState, orgPath: a.org_path }, principal).filter((s) => s.code === 'submit' || !service.filledBy(principal, a));
  return {
    id: a.id,
    orgId: a.org_id,
    orgName: a.org_name,
    parentName: a.parent_name,
    year: a.year,
    series: a.series,
    checklistId: c.id,
    checklistName: c.name,
    checklistVersion: c.version,
    status: a.status,
    statusLabel: ASSESSMENT_STATUS_LABELS[a.status],
    gradeBands: [...c.gradeBands].sort((x, y) => y.minScore - x.minScore),
    totalScore,
    selfTotal: a.self_total,
    selfGrade: gradeOf(c.gradeBands, a.self_total).label,
    reviewTotal: a.review_total,
    grade: a.grade,
    passed: a.passed,
    reviewOpinion: a.review_opinion,
    submittedAt: iso(a.submitted_at),
    reviewedAt: iso(a.reviewed_at),
    reviewerName: a.reviewer_name,
    items: c.items.map((i) => {
      const s = scores.find((x) => x.itemId === i.id);
      return {
        ...presentItem(i),
        selfScore: s?.selfScore ?? null,
        selfNote: s?.selfNote ?? null,
        reviewScore: s?.reviewScore ?? null,
        reviewNote: s?.reviewNote ?? null,
        evidence: evidence.filter((e) => e.itemId === i.id).map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
      };
    }),
    canEdit: steps.some((s) => s.code === 'submit'),
    canReview: steps.some((s) => s.code === 'approve'),
    steps,
  };
}

export function registerStandardRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const thisYear = () => Number(chinaToday(deps.now()).slice(0, 4));

  // ------------------------------------------------------------ checklists
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/checklists',
    permission: READ,
    summary: '规范化建设检查标准（各版本）',
    tags,
    response: z.array(ChecklistSchema),
    async handler() {
      return (await repo.allChecklists(db)).map(presentChecklist);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/checklists/:id',
    permission: READ,
    summary: '检查标准详情',
    tags,
    params: IdParamsSchema,
    response: ChecklistSchema,
    async handler({ params }) {
      const c = await repo.checklistById(db, params.id);
      if (!c) throw StandardErrors.CHECKLIST_NOT_FOUND();
      return presentChecklist(c);
    },
  });
  const reloadChecklist = async (id: number) => presentChecklist((await repo.checklistById(db, id))!);
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/checklists',
    permission: MANAGE,
    summary: '新建检查标准（草稿）',
    tags,
    body: ChecklistInputSchema,
    response: ChecklistSchema,
    async handler({ body, principal, ip }) {
      return reloadChecklist(await service.createChecklist(deps, { principal, ip }, body));
    },
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/standards/checklists/:id',
    permission: MANAGE,
    summary: '修改检查标准草稿（已发布的版本不能修改）',
    tags,
    params: IdParamsSchema,
    body: ChecklistInputSchema,
    response: ChecklistSchema,
    async handler({ params, body, principal, ip }) {
      await service.updateChecklist(deps, { principal, ip }, params.id, body);
      return reloadChecklist(params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/checklists/:id/versions',
    permission: MANAGE,
    summary: '以该标准为底稿新建下一版本（草稿）',
    tags,
    params: IdParamsSchema,
    response: ChecklistSchema,
    async handler({ params, principal, ip }) {
      return reloadChecklist(await service.newVersion(deps, { principal, ip }, params.id));
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/checklists/:id/publish',
    permission: MANAGE,
    summary: '发布检查标准草稿（上一版停用，已有自评仍按原版本）',
    tags,
    params: IdParamsSchema,
    response: ChecklistSchema,
    async handler({ params, principal, ip }) {
      await service.publishChecklist(deps, { principal, ip }, params.id);
      return reloadChecklist(params.id);
    },
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/standards/checklists/:id',
    permission: MANAGE,
    summary: '删除检查标准草稿',
    tags,
    params: IdParamsSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, principal, ip }) {
      await service.deleteDraftChecklist(deps, { principal, ip }, params.id);
      return { ok: true as const };
    },
  });

  // ------------------------------------------------------------ assessments
  const seriesOf = async (series?: string) => series ?? (await repo.defaultSeries(db))?.series ?? null;
  const presentRow = (r: repo.AssessmentListRow) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    parentName: r.parent_name,
    assessmentId: r.assessment_id,
    status: r.status,
    statusLabel: ASSESSMENT_STATUS_LABELS[r.status],
    selfTotal: r.self_total,
    reviewTotal: r.review_total,
    grade: r.grade,
    passed: r.passed,
    submittedAt: iso(r.submitted_at),
    reviewedAt: iso(r.reviewed_at),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/assessments',
    permission: READ,
    summary: '规范化建设自评进度：管辖范围内每个基层工会本年度的自评、审核与等级',
    tags,
    querystring: AssessmentListQuerySchema,
    response: AssessmentPageSchema,
    async handler({ query, scope }) {
      const series = await seriesOf(query.series);
      if (!series) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, series: null, counts: {} };
      const { rows, total, counts } = await repo.listProgress(db, scope(), grassrootsKinds(), { ...query, series }, query);
      return { items: rows.map(presentRow), total, page: query.page, pageSize: query.pageSize, series, counts };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/assessments/export.xlsx',
    permission: READ,
    summary: '导出规范化建设自评进度（Excel）',
    tags,
    querystring: AssessmentExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const series = await seriesOf(query.series);
      const rows = series ? (await repo.listProgress(db, scope(), grassrootsKinds(), { ...query, series }, null)).rows.map(presentRow) : [];
      const name = series ? ((await repo.latestPublished(db, series))?.name ?? '规范化建设') : '规范化建设';
      const buffer = await writeXlsx(`${query.year}年${name}`, [
        { header: '工会名称', width: 32, value: (r) => r.orgName },
        { header: '上级工会', width: 24, value: (r) => r.parentName },
        { header: '状态', width: 10, value: (r) => r.statusLabel },
        { header: '自评得分', width: 10, value: (r) => r.selfTotal },
        { header: '审核得分', width: 10, value: (r) => r.reviewTotal },
        { header: '等级', width: 10, value: (r) => r.grade },
        { header: '是否达标', width: 10, value: (r) => (r.passed == null ? '' : r.passed ? '达标' : '不达标') },
        { header: '提交时间', width: 20, value: (r) => r.submittedAt?.slice(0, 10) },
        { header: '审核时间', width: 20, value: (r) => r.reviewedAt?.slice(0, 10) },
      ], rows);
      return sendXlsx(reply, `规范化建设-${query.year}-${name}.xlsx`, buffer);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/summary',
    permission: READ,
    summary: '本年度规范化建设自评待办（首页提醒）',
    tags,
    response: StandardSummarySchema,
    async handler({ scope, principal }) {
      const year = thisYear();
      const d = await repo.defaultSeries(db);
      const empty = { year, series: null, seriesName: null, notStarted: 0, draft: 0, submitted: 0, returned: 0, reviewed: 0, awaitingMyReview: 0 };
      if (!d) return empty;
      const { counts } = await repo.listProgress(db, scope(), grassrootsKinds(), { year, series: d.series, status: 'all' }, { page: 1, pageSize: 1 });
      const awaitingMyReview = principal.permissions.has(REVIEW) ? await repo.awaitingReview(db, scope(REVIEW), principal.orgId, year, d.series) : 0;
      return {
        year,
        series: d.series,
        seriesName: d.name,
        notStarted: counts.not_started ?? 0,
        draft: counts.draft ?? 0,
        submitted: counts.submitted ?? 0,
        returned: counts.returned ?? 0,
        reviewed: counts.reviewed ?? 0,
        awaitingMyReview,
      };
    },
  });
  const reload = async (principal: Principal, id: number) => presentAssessment(deps, principal, (await repo.assessmentById(db, id))!);
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/assessments',
    permission: ASSESS,
    summary: '开始本年度自评（按该标准的现行版本；已开始则返回原记录）',
    tags,
    body: StartAssessmentSchema,
    response: AssessmentSchema,
    async handler({ body, principal, ip }) {
      return reload(principal, await service.startAssessment(deps, { principal, ip }, body));
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/assessments/:id',
    permission: READ,
    summary: '自评详情：各项得分、佐证材料、审核意见',
    tags,
    params: IdParamsSchema,
    response: AssessmentSchema,
    async handler({ params, principal }) {
      return presentAssessment(deps, principal, await service.requireAssessment(db, principal, params.id, READ));
    },
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/standards/assessments/:id/self',
    permission: ASSESS,
    summary: '保存自评得分与说明',
    tags,
    params: IdParamsSchema,
    body: SelfScoresSchema,
    response: AssessmentSchema,
    async handler({ params, body, principal, ip }) {
      await service.saveSelfScores(deps, { principal, ip }, params.id, body.scores);
      return reload(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/assessments/:id/items/:itemId/evidence',
    permission: ASSESS,
    summary: '上传佐证材料（请求体为文件本身：PDF、JPG、PNG、Word、Excel）',
    tags,
    params: z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() }),
    querystring: z.object({ fileName: z.string().min(1).max(200).meta({ title: '文件名' }) }),
    response: EvidenceSchema,
    async handler({ params, query, principal, ip, req }) {
      const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return service.addEvidence(deps, { principal, ip }, params.id, params.itemId, query.fileName, file);
    },
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/standards/evidence/:id',
    permission: ASSESS,
    summary: '删除佐证材料（提交前）',
    tags,
    params: IdParamsSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, principal, ip }) {
      await service.removeEvidence(deps, { principal, ip }, params.id);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/evidence/:id/file',
    permission: READ,
    summary: '下载佐证材料',
    tags,
    params: IdParamsSchema,
    produces: 'application/octet-stream',
    async handler({ params, principal, reply }) {
      const ev = await repo.evidenceById(db, params.id);
      if (!ev) throw StandardErrors.EVIDENCE_NOT_FOUND();
      await service.requireAssessment(db, principal, ev.assessmentId, READ).catch(() => {
        throw StandardErrors.EVIDENCE_NOT_FOUND();
      });
      const file = await loadFile(db, ev.fileId);
      if (!file) throw StandardErrors.EVIDENCE_NOT_FOUND();
      return sendStoredFile(reply, file);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/assessments/:id/submit',
    permission: ASSESS,
    summary: '提交自评，交上级工会审核',
    tags,
    params: IdParamsSchema,
    response: AssessmentSchema,
    async handler({ params, principal, ip }) {
      await service.submitAssessment(deps, { principal, ip }, params.id);
      return reload(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/assessments/:id/review',
    permission: REVIEW,
    summary: '上级工会审核：评定各项得分后通过，或写明意见退回',
    tags,
    params: IdParamsSchema,
    body: ReviewSchema,
    response: AssessmentSchema,
    async handler({ params, body, principal, ip }) {
      await service.reviewAssessment(deps, { principal, ip }, params.id, body);
      return reload(principal, params.id);
    },
  });

  // ------------------------------------------------------------ honours
  const presentHonour = (r: Awaited<ReturnType<typeof repo.listHonours>>['rows'][number]) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    level: r.level as keyof typeof HONOUR_LEVELS,
    levelLabel: HONOUR_LEVELS[r.level as keyof typeof HONOUR_LEVELS] ?? r.level,
    year: r.year,
    awardingBody: r.awarding_body,
    docNo: r.doc_no,
    remark: r.remark,
    revokedOn: r.revoked_on,
    revokeReason: r.revoke_reason,
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/honours',
    permission: READ,
    summary: '工会获得的荣誉（模范职工之家、职工小家等）',
    tags,
    querystring: HonourListQuerySchema,
    response: HonourPageSchema,
    async handler({ query, scope }) {
      const { rows, total } = await repo.listHonours(db, scope(), query, query);
      return { items: rows.map(presentHonour), total, page: query.page, pageSize: query.pageSize };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/standards/honours/export.xlsx',
    permission: READ,
    summary: '导出荣誉（Excel）',
    tags,
    querystring: HonourExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const rows = (await repo.listHonours(db, scope(), query, null)).rows.map(presentHonour);
      const buffer = await writeXlsx('工会荣誉', [
        { header: '工会名称', width: 32, value: (r) => r.orgName },
        { header: '荣誉名称', width: 18, value: (r) => r.title },
        { header: '级别', width: 8, value: (r) => r.levelLabel },
        { header: '年度', width: 8, value: (r) => r.year },
        { header: '授予单位', width: 24, value: (r) => r.awardingBody },
        { header: '文号', width: 20, value: (r) => r.docNo },
        { header: '撤销日期', width: 12, value: (r) => r.revokedOn },
        { header: '撤销原因', width: 24, value: (r) => r.revokeReason },
        { header: '备注', width: 24, value: (r) => r.remark },
      ], rows);
      return sendXlsx(reply, `工会荣誉-${chinaToday(deps.now())}.xlsx`, buffer);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/honours',
    permission: WRITE,
    summary: '登记工会获得的荣誉',
    tags,
    body: HonourInputSchema,
    response: z.object({ id: z.number() }),
    async handler({ body, principal, ip }) {
      return { id: await service.addHonour(deps, { principal, ip }, body) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/standards/honours/:id/revoke',
    permission: WRITE,
    summary: '撤销荣誉（动态复查未通过等），写明日期与原因',
    tags,
    params: IdParamsSchema,
    body: RevokeHonourSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, body, principal, ip }) {
      await service.revokeHonour(deps, { principal, ip }, params.id, body);
      return { ok: true as const };
    },
  });
}
