import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reachesPrincipal, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { DateSchema } from '@platform/http/schemas';
import { chinaToday } from '@platform/periods';
import { availableSteps } from '@platform/workflow/machine';
import { ineligibility } from '../shared/eligibility';
import { HealthCheckPermissions } from '../shared/health-check.permissions';
import { SIGNUP_MACHINE, type SignupStatus } from '../shared/signup-machine';
import {
  GROUP_LABELS,
  HealthCheckDueSchema,
  MyHealthChecksSchema,
  ProgrammeInputSchema,
  ProgrammeSchema,
  ResultsInputSchema,
  ResultsSchema,
  SelfSignupInputSchema,
  SIGNUP_STATUS_LABELS,
  SignupInputSchema,
  SignupListQuerySchema,
  SignupSchema,
  type HealthGroup,
} from '../shared/health-check.schema';
import { PROGRAMME_STATUS, ProgrammeListQuerySchema } from '../shared/programme.ledger';
import { HealthCheckErrors } from './health-check.errors';
import * as repo from './health-check.repository';
import * as service from './health-check.service';

const P = HealthCheckPermissions;
const tags = ['免费体检'];
const label = <T extends Record<string, string>>(labels: T, key: string) => labels[key as keyof T] ?? key;
const OK = z.object({ ok: z.literal(true) });
const GROUP_ORDER = Object.keys(GROUP_LABELS);
/** A programme's places by group, in the catalogue's order (jsonb keeps its own key order). */
const placesOf = (quotas: Record<string, number>) => Object.entries(quotas).sort(([a], [b]) => GROUP_ORDER.indexOf(a) - GROUP_ORDER.indexOf(b));

/** A sign-up, with the steps open to the principal (as the worker themself with `asSelf`; none without a principal). */
function presentSignup(r: repo.SignupWithNames, principal?: Principal, asSelf = false) {
  const s = r.s;
  const steps = principal ? availableSteps(SIGNUP_MACHINE, { status: s.status as SignupStatus, orgPath: r.orgPath }, principal, asSelf) : [];
  return { steps, id: s.id, programmeId: s.programmeId, programmeName: r.programmeName, memberName: r.memberName, idNumberMasked: r.idNumberMasked, orgName: r.orgName, group: s.group, groupLabel: label(GROUP_LABELS, s.group), slotOn: s.slotOn, status: s.status, statusLabel: label(SIGNUP_STATUS_LABELS, s.status), doneOn: s.doneOn, hasResults: !!s.resultsEnc, reportDeliveredOn: s.reportDeliveredOn };
}

export function registerHealthCheckRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function visible(principal: Principal, id: number) {
    const p = await repo.programmeById(db, id);
    if (!p || !reachesPrincipal(principal, P.read.name, p.orgPath)) throw HealthCheckErrors.PROGRAMME_NOT_FOUND();
    return p;
  }
  async function present(principal: Principal, rows: repo.ProgrammeWithOrg[]) {
    const counts = await repo.groupCounts(db, scopeFor(principal, P.read.name), rows.map((r) => r.p.id));
    return rows.map((r) => {
      const p = r.p;
      const groups = placesOf(p.quotas).map(([group, places]) => {
        const c = counts.find((x) => x.programmeId === p.id && x.group === group);
        return { group, groupLabel: label(GROUP_LABELS, group), places, signedUp: c?.signedUp ?? 0, done: c?.done ?? 0 };
      });
      const sum = (k: 'places' | 'signedUp' | 'done') => groups.reduce((s, g) => s + g[k], 0);
      return { id: p.id, year: p.year, name: p.name, provider: p.provider, package: p.package, startsOn: p.startsOn, endsOn: p.endsOn, budgetFen: p.budgetFen, status: p.status, statusLabel: PROGRAMME_STATUS.label(p.status)!, orgName: r.orgName, groups, places: sum('places'), signedUp: sum('signedUp'), done: sum('done') };
    });
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/health-checks',
    permission: P.read.name,
    summary: '免费体检项目（本级设立的和上级设立、本级参加的），含各类人群名额和本范围内的报名、体检人数',
    tags,
    querystring: ProgrammeListQuerySchema,
    response: z.object({ items: z.array(ProgrammeSchema) }),
    async handler({ principal, scope, query }) {
      return { items: await present(principal, await repo.listProgrammes(db, scope(), principal.orgPath, query)) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/health-checks',
    permission: P.manage.name,
    summary: '设立免费体检项目',
    tags,
    body: ProgrammeInputSchema,
    response: ProgrammeSchema,
    async handler({ body, principal, ip }) {
      const id = await service.createProgramme(deps, { principal, ip }, body);
      return (await present(principal, [(await repo.programmeById(db, id))!]))[0]!;
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/health-checks/:id/close',
    permission: P.manage.name,
    summary: '体检项目结束报名',
    tags,
    params: IdParamsSchema,
    response: OK,
    async handler({ params, principal, ip }) {
      await service.closeProgramme(deps, { principal, ip }, params.id);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/health-checks/:id/signups',
    permission: P.read.name,
    summary: '报名名单（本范围内；体检结果不在名单中）',
    tags,
    params: IdParamsSchema,
    querystring: SignupListQuerySchema,
    response: z.object({ items: z.array(SignupSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
    async handler({ params, principal, scope, query }) {
      await visible(principal, params.id);
      const { rows, total } = await repo.listSignups(db, scope(), params.id, query, undefined, chinaToday(deps.now()));
      return { items: rows.map((r) => presentSignup(r, principal)), total, page: query.page, pageSize: query.pageSize };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/health-checks/:id/signups/export',
    permission: P.read.name,
    summary: '导出报名名单（Excel，不含体检结果）',
    tags,
    params: IdParamsSchema,
    querystring: SignupListQuerySchema.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ params, principal, scope, query, reply }) {
      const p = await visible(principal, params.id);
      const { rows } = await repo.listSignups(db, scope(), params.id, { ...query, page: 1, pageSize: 1 }, 100_000, chinaToday(deps.now()));
      const buffer = await writeXlsx('报名名单', [
        { header: '姓名', width: 10, value: (r) => r.memberName },
        { header: '居民身份证号码', width: 22, value: (r) => r.idNumberMasked },
        { header: '所在工会', width: 30, value: (r) => r.orgName },
        { header: '人群', width: 16, value: (r) => r.groupLabel },
        { header: '预约日期', width: 12, value: (r) => r.slotOn },
        { header: '状态', width: 10, value: (r) => r.statusLabel },
        { header: '体检日期', width: 12, value: (r) => r.doneOn },
        { header: '结果已登记', width: 10, value: (r) => (r.hasResults ? '是' : '否') },
        { header: '报告送达日期', width: 12, value: (r) => r.reportDeliveredOn },
      ], rows.map((r) => presentSignup(r)));
      return sendXlsx(reply, `${p.p.name}-报名名单-${chinaToday(deps.now())}.xlsx`, buffer);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/health-checks/:id/signups',
    permission: P.write.name,
    summary: '为一名职工报名（按人群名额和报名条件）',
    tags,
    params: IdParamsSchema,
    body: SignupInputSchema,
    response: z.object({ id: z.number() }),
    async handler({ params, body, principal, ip }) {
      return { id: await service.signUp(deps, { principal, ip }, params.id, body) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/health-checks/signups/:id/cancel',
    permission: P.write.name,
    summary: '取消报名',
    tags,
    params: IdParamsSchema,
    response: OK,
    async handler({ params, principal, ip }) {
      await service.cancelSignup(deps, { principal, ip }, params.id, 'union');
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/health-checks/signups/:id/done',
    permission: P.write.name,
    summary: '登记体检完成',
    tags,
    params: IdParamsSchema,
    body: z.object({ doneOn: DateSchema.meta({ title: '体检日期' }) }),
    response: OK,
    async handler({ params, body, principal, ip }) {
      await service.markDone(deps, { principal, ip }, params.id, body.doneOn);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/health-checks/signups/:id/results',
    permission: P.results.name,
    summary: '登记体检结果（加密保存）',
    tags,
    params: IdParamsSchema,
    body: ResultsInputSchema,
    response: OK,
    async handler({ params, body, principal, ip }) {
      await service.recordResults(deps, { principal, ip }, params.id, body);
      return { ok: true as const };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/health-checks/signups/:id/results/view',
    permission: P.results.name,
    summary: '查看体检结果（每次查看都记入审计）',
    tags,
    params: IdParamsSchema,
    response: ResultsSchema,
    async handler({ params, principal, ip }) {
      return service.revealResults(deps, { principal, ip }, params.id);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/health-checks/due',
    permission: P.read.name,
    summary: '体检待办：已体检待登记结果、过了预约日期仍未体检（本范围内，按项目）',
    tags,
    response: HealthCheckDueSchema,
    async handler({ scope }) {
      return repo.duePerProgramme(db, scope(), chinaToday(deps.now()));
    },
  });

  // The worker's own side (phone): open programmes of their union, sign up, cancel, own results.
  defineRoute(app, {
    method: 'GET',
    url: '/api/me/health-checks',
    permission: P.self.name,
    summary: '本人可报名的免费体检和本人的报名、体检结果',
    tags,
    response: MyHealthChecksSchema,
    async handler({ principal, ip }) {
      const member = await service.selfMember(db, { principal, ip });
      const programmes = (await repo.listProgrammes(db, scopeFor(principal, '-'), member.orgPath, { status: 'open' })).filter((p) => member.orgPath.startsWith(p.orgPath));
      const taken = await repo.groupCounts(db, null, programmes.map((p) => p.p.id));
      const mine = await repo.signupsOfMember(db, member.id);
      return {
        open: programmes.map((r) => ({
          id: r.p.id,
          name: r.p.name,
          provider: r.p.provider,
          package: r.p.package,
          startsOn: r.p.startsOn,
          endsOn: r.p.endsOn,
          groups: placesOf(r.p.quotas).map(([group, places]) => {
            const why = ineligibility(group as HealthGroup, { sex: member.sex, workerKind: member.workerKind, migrantWorker: member.migrantWorker });
            const used = taken.find((t) => t.programmeId === r.p.id && t.group === group)?.signedUp ?? 0;
            return { group, groupLabel: label(GROUP_LABELS, group), left: Math.max(0, places - used), eligible: !why, reason: why };
          }),
        })),
        signups: mine.map((s) => ({ ...presentSignup(s, principal, true), results: s.s.resultsEnc ? service.decryptResults(deps, s.s.id, s.s.resultsEnc) : null })),
      };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/me/health-checks/:id/signups',
    permission: P.self.name,
    summary: '本人报名免费体检',
    tags,
    params: IdParamsSchema,
    body: SelfSignupInputSchema,
    response: z.object({ id: z.number() }),
    async handler({ params, body, principal, ip }) {
      return { id: await service.signUpSelf(deps, { principal, ip }, params.id, body) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/me/health-checks/signups/:id/cancel',
    permission: P.self.name,
    summary: '本人取消报名',
    tags,
    params: IdParamsSchema,
    response: OK,
    async handler({ params, principal, ip }) {
      await service.cancelSignup(deps, { principal, ip }, params.id, 'self');
      return { ok: true as const };
    },
  });
}
