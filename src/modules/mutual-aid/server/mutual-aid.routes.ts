import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reachesPrincipal, pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { sendStoredFile } from '@platform/files';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { chinaToday } from '@platform/periods';
import { availableSteps } from '@platform/workflow/machine';
import { memberWithUnionByAccount } from '@modules/members/server';
import { CLAIM_MACHINE, type ClaimStatus } from '../shared/claim-machine';
import { MutualAidPermissions } from '../shared/mutual-aid.permissions';
import {
  CLAIM_FILE_KIND_LABELS,
  CLAIM_STATUS_LABELS,
  ClaimDecisionSchema,
  ClaimFileQuerySchema,
  ClaimInputSchema,
  ClaimListQuerySchema,
  ClaimSchema,
  ENROLMENT_STATUS_LABELS,
  EnrolmentInputSchema,
  EnrolmentListQuerySchema,
  EnrolmentSchema,
  PLAN_STATUS_LABELS,
  PlanInputSchema,
  PlanSchema,
  PRODUCT_LABELS,
  MutualAidDueSchema,
  MyMutualAidSchema,
  QuotaProgressSchema,
  QuotasInputSchema,
} from '../shared/mutual-aid.schema';
import { MutualAidErrors } from './mutual-aid.errors';
import * as repo from './mutual-aid.repository';
import * as service from './mutual-aid.service';

const P = MutualAidPermissions;
const tags = ['大病互助'];
const label = <T extends Record<string, string>>(labels: T, key: string) => labels[key as keyof T] ?? key;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function presentEnrolment(r: repo.EnrolmentWithNames) {
  const e = r.e;
  return { id: e.id, planId: e.planId, memberId: e.memberId, memberName: r.memberName, idNumberMasked: r.idNumberMasked, orgName: r.orgName, shares: e.shares, premiumFen: e.premiumFen, paidOn: e.paidOn, status: e.status, statusLabel: label(ENROLMENT_STATUS_LABELS, e.status), withdrawReason: e.withdrawReason, withdrawnOn: e.withdrawnOn };
}

function presentClaim(r: repo.ClaimWithNames, used: Map<number, number>, files: Awaited<ReturnType<typeof repo.filesOfClaims>>, principal: Principal) {
  const c = r.c;
  const limit = r.e.shares * r.plan.benefitPerShareFen;
  const usedByOthers = (used.get(r.e.id) ?? 0) - (c.status === 'approved' || c.status === 'paid' ? (c.approvedFen ?? 0) : 0);
  return {
    id: c.id,
    planId: r.plan.id,
    planName: r.plan.name,
    enrolmentId: r.e.id,
    memberName: r.memberName,
    idNumberMasked: r.idNumberMasked,
    orgName: r.orgName,
    hospital: c.hospital,
    admittedOn: c.admittedOn,
    dischargedOn: c.dischargedOn,
    claimedFen: c.claimedFen,
    approvedFen: c.approvedFen,
    remainingFen: Math.max(0, limit - usedByOthers),
    status: c.status,
    statusLabel: label(CLAIM_STATUS_LABELS, c.status),
    opinion: c.opinion,
    paidOn: c.paidOn,
    diagnosisHidden: true as const,
    files: files.filter((f) => f.claimId === c.id).map((f) => ({ id: f.id, kind: f.kind, kindLabel: label(CLAIM_FILE_KIND_LABELS, f.kind), name: f.name, size: f.size })),
    steps: availableSteps(CLAIM_MACHINE, { status: c.status as ClaimStatus, orgPath: r.orgPath }, principal),
  };
}

export function registerMutualAidRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** A plan the reader takes part in: run by a union in their scope, or by one above their union. */
  async function visiblePlan(principal: Principal, id: number) {
    const plan = await repo.planById(db, id);
    if (!plan || !reachesPrincipal(principal, P.read.name, plan.orgPath)) throw MutualAidErrors.PLAN_NOT_FOUND();
    return plan;
  }
  async function presentPlans(principal: Principal, rows: repo.PlanWithOrg[]) {
    const scope = scopeFor(principal, P.read.name);
    const ids = rows.map((r) => r.p.id);
    const totals = await repo.planTotals(db, scope, ids);
    const quotas = await Promise.all(rows.map((r) => repo.quotasOf(db, r.p.id)));
    return rows.map((r, i) => {
      const p = r.p;
      const e = totals.enrolled.find((x) => x.planId === p.id);
      const c = totals.claims.find((x) => x.planId === p.id);
      // The quota the reader answers for: the whole plan's at the plan's union, else their own union's share.
      const q = quotas[i]!;
      const quota = principal.orgPath === r.orgPath || principal.orgId === p.orgId ? (q.length ? q.reduce((s, x) => s + x.persons, 0) : null) : (q.find((x) => x.orgId === principal.orgId)?.persons ?? null);
      return { id: p.id, year: p.year, name: p.name, product: p.product, productLabel: label(PRODUCT_LABELS, p.product), premiumFen: p.premiumFen, maxShares: p.maxShares, benefitPerShareFen: p.benefitPerShareFen, coverStart: p.coverStart, coverEnd: p.coverEnd, enrolUntil: p.enrolUntil, status: p.status, statusLabel: label(PLAN_STATUS_LABELS, p.status), orgName: r.orgName, enrolled: e?.n ?? 0, premiumTotalFen: e?.premium ?? 0, quota, claims: c?.n ?? 0, paidFen: c?.paid ?? 0 };
    });
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/plans',
    permission: P.read.name,
    summary: '大病互助计划（本级设立的和上级设立、本级参加的），含本范围内的参保和理赔合计',
    tags,
    querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }) }),
    response: z.object({ items: z.array(PlanSchema) }),
    async handler({ principal, scope, query }) {
      return { items: await presentPlans(principal, await repo.listPlans(db, scope(), principal.orgPath, query.year)) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/plans',
    permission: P.manage.name,
    summary: '设立大病互助计划',
    tags,
    body: PlanInputSchema,
    response: PlanSchema,
    async handler({ body, principal, ip }) {
      const id = await service.createPlan(deps, { principal, ip }, body);
      return (await presentPlans(principal, [(await repo.planById(db, id))!]))[0]!;
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/plans/:id/close',
    permission: P.manage.name,
    summary: '互助计划截止参保',
    tags,
    params: IdParamsSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, principal, ip }) {
      await service.closePlan(deps, { principal, ip }, params.id);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/plans/:id/quotas',
    permission: P.read.name,
    summary: '参保任务完成情况：计划所属工会下一级各工会的任务数、已参保人数和完成率（本范围内）',
    tags,
    params: IdParamsSchema,
    response: QuotaProgressSchema,
    async handler({ params, principal, scope }) {
      const plan = await visiblePlan(principal, params.id);
      const quotas = new Map((await repo.quotasOf(db, plan.p.id)).map((q) => [q.orgId, q.persons]));
      const rows = await repo.enrolledByChild(db, plan.p.id, plan.p.orgId);
      const readable = scope();
      // The plan's union sees every union under it; a union below sees its own line.
      return rows
        .filter((r) => pathInScope(readable, r.path))
        .map((r) => {
          const quota = quotas.get(r.org_id) ?? null;
          return { orgId: r.org_id, orgName: r.org_name, quota, enrolled: r.enrolled, percent: quota ? Math.round((r.enrolled / quota) * 1000) / 10 : null };
        });
    },
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/mutual-aid/plans/:id/quotas',
    permission: P.manage.name,
    summary: '分配参保任务（计划所属工会下一级的街道、产业工会）',
    tags,
    params: IdParamsSchema,
    body: QuotasInputSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, body, principal, ip }) {
      await service.setQuotas(deps, { principal, ip }, params.id, body.quotas);
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/plans/:id/enrolments',
    permission: P.read.name,
    summary: '参保名单（本范围内）',
    tags,
    params: IdParamsSchema,
    querystring: EnrolmentListQuerySchema,
    response: z.object({ items: z.array(EnrolmentSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
    async handler({ params, principal, scope, query }) {
      await visiblePlan(principal, params.id);
      const { rows, total } = await repo.listEnrolments(db, scope(), params.id, query);
      return { items: rows.map(presentEnrolment), total, page: query.page, pageSize: query.pageSize };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/plans/:id/enrolments/export',
    permission: P.read.name,
    summary: '导出参保名单（Excel）',
    tags,
    params: IdParamsSchema,
    querystring: EnrolmentListQuerySchema.omit({ page: true, pageSize: true }),
    produces: XLSX,
    async handler({ params, principal, scope, query, reply }) {
      const plan = await visiblePlan(principal, params.id);
      const { rows } = await repo.listEnrolments(db, scope(), params.id, { ...query, page: 1, pageSize: 1 }, 100_000);
      const buffer = await writeXlsx('参保名单', [
        { header: '姓名', width: 10, value: (r) => r.memberName },
        { header: '居民身份证号码', width: 22, value: (r) => r.idNumberMasked },
        { header: '所在工会', width: 30, value: (r) => r.orgName },
        { header: '份数', width: 8, value: (r) => r.shares },
        { header: '互助金（元）', width: 12, value: (r) => r.premiumFen / 100 },
        { header: '缴费日期', width: 12, value: (r) => r.paidOn },
        { header: '状态', width: 10, value: (r) => r.statusLabel },
        { header: '退保日期', width: 12, value: (r) => r.withdrawnOn },
        { header: '退保原因', width: 20, value: (r) => r.withdrawReason },
      ], rows.map(presentEnrolment));
      return sendXlsx(reply, `${plan.p.name}-参保名单-${chinaToday(deps.now())}.xlsx`, buffer);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/plans/:id/enrolments',
    permission: P.write.name,
    summary: '为一名会员办理参保',
    tags,
    params: IdParamsSchema,
    body: EnrolmentInputSchema,
    response: z.object({ id: z.number() }),
    async handler({ params, body, principal, ip }) {
      return { id: await service.enrol(deps, { principal, ip }, params.id, body) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/enrolments/:id/withdraw',
    permission: P.write.name,
    summary: '退保（没有理赔的参保记录）',
    tags,
    params: IdParamsSchema,
    body: z.object({ reason: z.string().trim().min(2, '请填写退保原因').max(200).meta({ title: '退保原因' }) }),
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, body, principal, ip }) {
      await service.withdraw(deps, { principal, ip }, params.id, body.reason);
      return { ok: true as const };
    },
  });

  const claimPage = async (scopeRows: Awaited<ReturnType<typeof repo.listClaims>>, principal: Principal) => {
    const used = await repo.usedByEnrolment(db, [...new Set(scopeRows.rows.map((r) => r.e.id))]);
    const files = await repo.filesOfClaims(db, scopeRows.rows.map((r) => r.c.id));
    return scopeRows.rows.map((r) => presentClaim(r, used, files, principal));
  };
  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/plans/:id/claims',
    permission: P.read.name,
    summary: '理赔记录（本范围内；诊断默认隐藏）',
    tags,
    params: IdParamsSchema,
    querystring: ClaimListQuerySchema,
    response: z.object({ items: z.array(ClaimSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
    async handler({ params, principal, scope, query }) {
      await visiblePlan(principal, params.id);
      const found = await repo.listClaims(db, scope(), params.id, query);
      return { items: await claimPage(found, principal), total: found.total, page: query.page, pageSize: query.pageSize };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/plans/:id/claims/export',
    permission: P.read.name,
    summary: '导出理赔记录（Excel，不含诊断）',
    tags,
    params: IdParamsSchema,
    querystring: ClaimListQuerySchema.omit({ page: true, pageSize: true }),
    produces: XLSX,
    async handler({ params, principal, scope, query, reply }) {
      const plan = await visiblePlan(principal, params.id);
      const items = await claimPage(await repo.listClaims(db, scope(), params.id, { ...query, page: 1, pageSize: 1 }, 50_000), principal);
      const buffer = await writeXlsx('理赔记录', [
        { header: '姓名', width: 10, value: (r) => r.memberName },
        { header: '居民身份证号码', width: 22, value: (r) => r.idNumberMasked },
        { header: '所在工会', width: 30, value: (r) => r.orgName },
        { header: '就诊医院', width: 20, value: (r) => r.hospital },
        { header: '入院（确诊）日期', width: 14, value: (r) => r.admittedOn },
        { header: '出院日期', width: 12, value: (r) => r.dischargedOn },
        { header: '申请金额（元）', width: 14, value: (r) => r.claimedFen / 100 },
        { header: '核准金额（元）', width: 14, value: (r) => (r.approvedFen == null ? null : r.approvedFen / 100) },
        { header: '状态', width: 12, value: (r) => r.statusLabel },
        { header: '审核意见', width: 24, value: (r) => r.opinion },
        { header: '支付日期', width: 12, value: (r) => r.paidOn },
      ], items);
      return sendXlsx(reply, `${plan.p.name}-理赔记录-${chinaToday(deps.now())}.xlsx`, buffer);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/claims',
    permission: P.write.name,
    summary: '提交理赔申请（会员所在工会）',
    tags,
    body: ClaimInputSchema,
    response: z.object({ id: z.number() }),
    async handler({ body, principal, ip }) {
      return { id: await service.submitClaim(deps, { principal, ip }, body) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/claims/:id/decision',
    permission: P.manage.name,
    summary: '理赔审核（核准金额或不予给付）和支付',
    tags,
    params: IdParamsSchema,
    body: ClaimDecisionSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, body, principal, ip }) {
      await service.decideClaim(deps, { principal, ip }, params.id, body);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/claims/:id/diagnosis',
    permission: P.sensitive.name,
    summary: '查看理赔的疾病诊断（每次查看都记入审计）',
    tags,
    params: IdParamsSchema,
    response: z.object({ diagnosis: z.string() }),
    async handler({ params, principal, ip }) {
      return { diagnosis: await service.revealDiagnosis(deps, { principal, ip }, params.id) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/mutual-aid/claims/:id/files',
    permission: P.write.name,
    summary: '上传理赔材料（请求体为文件本身；加密保存）',
    tags,
    params: IdParamsSchema,
    querystring: ClaimFileQuerySchema,
    response: z.object({ id: z.number() }),
    async handler({ params, query, principal, ip, req }) {
      const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return { id: await service.uploadClaimFile(deps, { principal, ip }, params.id, query.kind, query.fileName, file) };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/claim-files/:id',
    permission: P.sensitive.name,
    summary: '下载理赔材料（需敏感信息权限，记入审计）',
    tags,
    params: IdParamsSchema,
    produces: 'application/octet-stream',
    async handler({ params, principal, ip, reply }) {
      return sendStoredFile(reply, await service.readClaimFile(deps, { principal, ip }, params.id));
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/mutual-aid/due',
    permission: P.read.name,
    summary: '大病互助待办：待审核的理赔、已核准待支付的理赔（本范围内）',
    tags,
    response: MutualAidDueSchema,
    async handler({ scope }) {
      return repo.dueCounts(db, scope());
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/me/mutual-aid',
    permission: P.self.name,
    summary: '本人参加的大病互助和理赔进度',
    tags,
    response: MyMutualAidSchema,
    async handler({ principal }) {
      const member = await memberWithUnionByAccount(db, principal.accountId);
      if (!member) return { enrolments: [] };
      const rows = await repo.enrolmentsOfMember(db, member.id);
      const claims = await repo.claimsOfEnrolments(db, rows.map((r) => r.e.id));
      return {
        enrolments: rows.map(({ e, plan }) => {
          const own = claims.filter((c) => c.enrolmentId === e.id);
          const used = own.filter((c) => c.status === 'approved' || c.status === 'paid').reduce((s, c) => s + (c.approvedFen ?? 0), 0);
          return {
            id: e.id,
            planName: plan.name,
            productLabel: label(PRODUCT_LABELS, plan.product),
            coverStart: plan.coverStart,
            coverEnd: plan.coverEnd,
            shares: e.shares,
            premiumFen: e.premiumFen,
            paidOn: e.paidOn,
            status: e.status,
            statusLabel: label(ENROLMENT_STATUS_LABELS, e.status),
            remainingFen: Math.max(0, e.shares * plan.benefitPerShareFen - used),
            claims: own.map((c) => ({ id: c.id, hospital: c.hospital, admittedOn: c.admittedOn, claimedFen: c.claimedFen, approvedFen: c.approvedFen, status: c.status, statusLabel: label(CLAIM_STATUS_LABELS, c.status), opinion: c.opinion, paidOn: c.paidOn })),
          };
        }),
      };
    },
  });

}
