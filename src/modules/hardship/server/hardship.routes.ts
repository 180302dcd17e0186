import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { sendStoredFile } from '@platform/files';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { chinaToday } from '@platform/periods';
import { availableSteps } from '@platform/workflow/machine';
import { CASE_MACHINE, CASE_STATUS_LABELS, CASE_STEPS, EXIT_REASON_LABELS, type CaseStatus } from '../shared/case-machine';
import { CATEGORY_LABELS, CAUSE_LABELS, type HardshipCategory, type HardshipCause } from '../shared/category';
import {
  ApplyInputSchema,
  ASSESSMENT_KIND_LABELS,
  CaseDetailSchema,
  CaseListQuerySchema,
  CasePageSchema,
  ConsentSchema,
  DueSchema,
  FILE_KIND_LABELS,
  FinancesSchema,
  NoticeSchema,
  SettingsInputSchema,
  StepInputSchema,
  ThresholdInputSchema,
  type CaseFileKind,
} from '../shared/hardship.schema';
import { HardshipPermissions } from '../shared/hardship.permissions';
import { HardshipErrors } from './hardship.errors';
import * as repo from './hardship.repository';
import * as aidRepo from './aid.repository';
import { presentAid } from './aid.presenter';
import { AidSchema } from '../shared/aid.schema';
import * as service from './hardship.service';

const P = HardshipPermissions;
const tags = ['困难职工帮扶'];
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const EVENT_LABELS: Record<string, string> = { apply: '提交申请', consent: '登记公示同意', upload: '上传材料', ...Object.fromEntries(Object.entries(CASE_STEPS).map(([k, v]) => [k, v.label])) };
const categoryLabel = (c: string | null) => (c ? (CATEGORY_LABELS[c as HardshipCategory] ?? c) : null);
const FileKindSchema = z.enum(Object.keys(FILE_KIND_LABELS) as [CaseFileKind, ...CaseFileKind[]]).meta({ title: '材料类别' });

function presentListItem(r: repo.CaseWithNames) {
  const c = r.c;
  return {
    id: c.id,
    caseNo: c.caseNo,
    memberId: c.memberId,
    memberName: r.memberName,
    idNumberMasked: r.idNumberMasked,
    orgId: c.orgId,
    orgName: r.orgName,
    status: c.status as CaseStatus,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
    category: c.category,
    categoryLabel: categoryLabel(c.category),
    primaryCause: c.primaryCause,
    primaryCauseLabel: CAUSE_LABELS[c.primaryCause as HardshipCause] ?? c.primaryCause,
    noticeEndsOn: c.noticeEndsOn,
    visitDueOn: c.visitDueOn,
    filedOn: c.filedOn,
    nextReviewOn: c.nextReviewOn,
    exitReasonLabel: c.exitReason ? EXIT_REASON_LABELS[c.exitReason as keyof typeof EXIT_REASON_LABELS] : null,
    watchUntil: c.watchUntil,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The case as a union user sees it: everything but finances and visit notes (those open through /finances). */
async function presentDetail(deps: AppDeps, principal: Principal, r: repo.CaseWithNames, stepsFor: 'union' | 'self') {
  const [assessments, events, files] = await Promise.all([repo.assessmentsOf(deps.db, r.c.id), repo.eventsOf(deps.db, r.c.id), repo.filesOf(deps.db, r.c.id)]);
  const steps = availableSteps(CASE_MACHINE, service.caseRecord(r, files), principal, stepsFor === 'self');
  return {
    ...presentListItem(r),
    channel: r.c.channel,
    secondaryCauseLabels: r.c.secondaryCauses.map((c) => CAUSE_LABELS[c as HardshipCause] ?? c),
    place: r.c.place,
    noticeConsentAt: iso(r.c.noticeConsentAt),
    noticeConsentCovers: r.c.noticeConsentCovers,
    noticeStartsOn: r.c.noticeStartsOn,
    exitedOn: r.c.exitedOn,
    nextWatchVisitOn: r.c.nextWatchVisitOn,
    relapses: r.c.relapses,
    assessments: assessments.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: ASSESSMENT_KIND_LABELS[a.kind as keyof typeof ASSESSMENT_KIND_LABELS] ?? a.kind,
      assessedOn: a.assessedOn,
      householdSize: a.householdSize,
      minimumLivingFen: a.minimumLivingFen,
      category: a.category,
      categoryLabel: categoryLabel(a.category)!,
      current: a.supersededAt === null,
    })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actionLabel: EVENT_LABELS[e.action] ?? e.action,
      fromStatusLabel: e.fromStatus ? CASE_STATUS_LABELS[e.fromStatus as CaseStatus] : null,
      toStatusLabel: CASE_STATUS_LABELS[e.toStatus as CaseStatus],
      actorName: e.actorName,
      actorOrgName: e.actorOrgName,
      opinion: e.opinion,
      detail: e.detail,
      note: null,
      noteHidden: e.noteEnc !== null,
      at: e.at.toISOString(),
    })),
    files: files.map((f) => ({ id: f.id, kind: f.kind, kindLabel: FILE_KIND_LABELS[f.kind as CaseFileKind] ?? f.kind, name: f.name, size: f.size, createdAt: f.createdAt.toISOString() })),
    // `action` and `opinion` repeat `code` and `needsOpinion` for clients written before the workflow kit.
    steps: steps.map((s) => ({ ...s, action: s.code, opinion: s.needsOpinion })),
    canRevealFinances: stepsFor === 'union' && pathInScope(scopeFor(principal, P.sensitive.name), r.orgPath),
  };
}

export function registerHardshipRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const detail = async (principal: Principal, id: number) => presentDetail(deps, principal, await service.caseInScope(db, { principal, ip: '' }, id), 'union');

  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/cases',
    permission: P.read.name,
    summary: '困难职工档案列表（按姓名、档案编号、状态、类别、到期事项筛选）',
    tags,
    querystring: CaseListQuerySchema,
    response: CasePageSchema,
    async handler({ query, scope }) {
      const { rows, total } = await repo.listCases(db, scope(), query, chinaToday(deps.now()));
      return { items: rows.map(presentListItem), total, page: query.page, pageSize: query.pageSize };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/cases/export',
    permission: P.read.name,
    summary: '导出困难职工档案列表（Excel；不含家庭收支，身份证号码已隐去）',
    tags,
    querystring: CaseListQuerySchema.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const { rows } = await repo.listCases(db, scope(), { ...query, page: 1, pageSize: 1 }, chinaToday(deps.now()), 50_000);
      const items = rows.map(presentListItem);
      const buffer = await writeXlsx('困难职工档案', [
        { header: '档案编号', width: 16, value: (r) => r.caseNo },
        { header: '姓名', width: 10, value: (r) => r.memberName },
        { header: '居民身份证号码', width: 22, value: (r) => r.idNumberMasked },
        { header: '所在工会', width: 30, value: (r) => r.orgName },
        { header: '状态', width: 12, value: (r) => r.statusLabel },
        { header: '困难类别', width: 18, value: (r) => r.categoryLabel },
        { header: '主要致困原因', width: 12, value: (r) => r.primaryCauseLabel },
        { header: '建档日期', width: 12, value: (r) => r.filedOn },
        { header: '下次回头看', width: 12, value: (r) => r.nextReviewOn },
        { header: '退出原因', width: 24, value: (r) => r.exitReasonLabel },
      ], items);
      return sendXlsx(reply, `困难职工档案-${chinaToday(deps.now())}.xlsx`, buffer);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/due',
    permission: P.read.name,
    summary: '帮扶待办：待初审、待入户、公示将结束、待建档、回头看到期、防返困回访到期',
    tags,
    response: DueSchema,
    async handler({ scope }) {
      return repo.dueCounts(db, scope(), chinaToday(deps.now()));
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/cases',
    permission: P.write.name,
    summary: '工会登记会员的困难帮扶申请（含家庭收支，系统计算困难类别）',
    tags,
    body: ApplyInputSchema,
    response: CaseDetailSchema,
    async handler({ body, principal, ip }) {
      const id = await service.apply(deps, { principal, ip }, body, false);
      return detail(principal, id);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/cases/:id',
    permission: P.read.name,
    summary: '困难职工档案详情（办理记录、核定历史、材料；家庭收支默认隐藏）',
    tags,
    params: IdParamsSchema,
    response: CaseDetailSchema,
    async handler({ params, principal }) {
      return detail(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/cases/:id/steps',
    permission: P.read.name,
    summary: '办理一步：初审、入户调查、公示、异议、建档、退回、不予建档、回头看、退出、回访、返困',
    tags,
    params: IdParamsSchema,
    body: StepInputSchema,
    response: CaseDetailSchema,
    async handler({ params, body, principal, ip }) {
      await service.takeStep(deps, { principal, ip }, params.id, body);
      return detail(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/cases/:id/consent',
    permission: P.write.name,
    summary: '登记申请人同意公示的内容',
    tags,
    params: IdParamsSchema,
    body: ConsentSchema,
    response: CaseDetailSchema,
    async handler({ params, body, principal, ip }) {
      await service.recordConsent(deps, { principal, ip }, params.id, body.covers, false);
      return detail(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/cases/:id/files',
    permission: P.write.name,
    summary: '上传档案材料（请求体为文件本身；加密保存）',
    tags,
    params: IdParamsSchema,
    querystring: z.object({ kind: FileKindSchema, fileName: z.string().min(1).max(200).meta({ title: '文件名' }) }),
    response: CaseDetailSchema,
    async handler({ params, query, principal, ip, req }) {
      const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      await service.uploadFile(deps, { principal, ip }, params.id, query.kind, query.fileName, file, false);
      return detail(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/files/:id',
    permission: P.sensitive.name,
    summary: '下载档案材料（需敏感信息权限，记入审计）',
    tags,
    params: IdParamsSchema,
    produces: 'application/octet-stream',
    async handler({ params, principal, ip, reply }) {
      return sendStoredFile(reply, await service.readFile(deps, { principal, ip }, params.id));
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/cases/:id/finances',
    permission: P.sensitive.name,
    summary: '查看家庭收支、家庭成员健康状况和入户调查情况（每次查看都记入审计）',
    tags,
    params: IdParamsSchema,
    response: z.object({ assessments: z.array(z.object({ id: z.number(), finances: FinancesSchema })), notes: z.array(z.object({ eventId: z.number(), note: z.string() })) }),
    async handler({ params, principal, ip }) {
      return service.revealFinances(deps, { principal, ip }, params.id);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/cases/:id/notice',
    permission: P.read.name,
    summary: '建档公示内容（只含申请人同意公示的项目，身份证号码隐去）',
    tags,
    params: IdParamsSchema,
    response: NoticeSchema,
    async handler({ params, principal }) {
      const found = await service.caseInScope(db, { principal, ip: '' }, params.id);
      if (!found.c.noticeConsentAt) throw HardshipErrors.CONSENT_REQUIRED();
      return service.noticeOf(found, categoryLabel(found.c.category));
    },
  });

  // ------------------------------------------------------------------ member side
  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/my',
    permission: P.self.name,
    summary: '本人的困难帮扶申请、档案进度和收到的帮扶',
    tags,
    response: z.object({ isMember: z.boolean(), cases: z.array(CaseDetailSchema), aid: z.array(AidSchema) }),
    async handler({ principal }) {
      const member = await repo.memberByAccount(db, principal.accountId);
      if (!member) return { isMember: false, cases: [], aid: [] };
      const rows = await repo.casesOfMember(db, member.id);
      const aid = await aidRepo.aidOfMember(db, member.id);
      return { isMember: true, cases: await Promise.all(rows.map((r) => presentDetail(deps, principal, r, 'self'))), aid: aid.map((r) => presentAid(r)) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/my/cases',
    permission: P.self.name,
    summary: '会员网上申请困难帮扶',
    tags,
    body: ApplyInputSchema.omit({ memberId: true }),
    response: z.object({ id: z.number() }),
    async handler({ body, principal, ip }) {
      return { id: await service.apply(deps, { principal, ip }, body, true) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/my/cases/:id/files',
    permission: P.self.name,
    summary: '会员上传申请材料（请求体为文件本身；加密保存）',
    tags,
    params: IdParamsSchema,
    querystring: z.object({ kind: FileKindSchema, fileName: z.string().min(1).max(200).meta({ title: '文件名' }) }),
    response: z.object({ id: z.number() }),
    async handler({ params, query, principal, ip, req }) {
      const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return { id: await service.uploadFile(deps, { principal, ip }, params.id, query.kind, query.fileName, file, true) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/my/cases/:id/consent',
    permission: P.self.name,
    summary: '会员同意公示（选择同意公示的内容）',
    tags,
    params: IdParamsSchema,
    body: ConsentSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, body, principal, ip }) {
      await service.recordConsent(deps, { principal, ip }, params.id, body.covers, true);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/my/cases/:id/withdraw',
    permission: P.self.name,
    summary: '会员撤回尚未初审的申请',
    tags,
    params: IdParamsSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, principal, ip }) {
      await service.withdrawOwn(deps, { principal, ip }, params.id);
      return { ok: true as const };
    },
  });

  // ------------------------------------------------------------------ parameters
  defineRoute(app, {
    method: 'GET',
    url: '/api/hardship/settings',
    permission: P.read.name,
    summary: '帮扶工作参数和各地低保标准',
    tags,
    response: z.object({
      settings: SettingsInputSchema,
      thresholds: z.array(z.object({ id: z.number(), place: z.string(), year: z.number(), minimumLivingFen: z.number(), source: z.string().nullable() })),
    }),
    async handler() {
      const s = await repo.settings(db);
      const thresholds = await repo.listThresholds(db);
      return {
        settings: { reviewIntervalMonths: s.reviewIntervalMonths, exitMonths: s.exitMonths, watchMonths: s.watchMonths, watchVisitMonths: s.watchVisitMonths, exitIncomePercent: s.exitIncomePercent, relapseIncomePercent: s.relapseIncomePercent, noticeDays: s.noticeDays, visitDueDays: s.visitDueDays },
        thresholds: thresholds.map((t) => ({ id: t.id, place: t.place, year: t.year, minimumLivingFen: t.minimumLivingFen, source: t.source })),
      };
    },
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/hardship/settings',
    permission: P.config.name,
    summary: '修改帮扶工作参数（回头看间隔、脱困月数、脱困线与返困线、监测期、公示天数等）',
    tags,
    body: SettingsInputSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ body, principal, ip }) {
      await service.updateSettings(deps, { principal, ip }, body);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/hardship/thresholds',
    permission: P.config.name,
    summary: '设置某地某年的低保标准（分/人/月）',
    tags,
    body: ThresholdInputSchema,
    response: z.object({ id: z.number() }),
    async handler({ body, principal, ip }) {
      const row = await service.saveThreshold(deps, { principal, ip }, body);
      return { id: row.id };
    },
  });
}
