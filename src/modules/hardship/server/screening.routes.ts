import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reachesPrincipal, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { chinaToday } from '@platform/periods';
import { HardshipPermissions } from '../shared/hardship.permissions';
import { CheckInputSchema, SCREENING_POPULATION_LABELS, ScreeningInputSchema, ScreeningProgressSchema, ScreeningSchema } from '../shared/screening.schema';
import * as screenings from './screening.repository';
import { finishScreening, recordCheck, ScreeningErrors, startScreening } from './screening.service';

const P = HardshipPermissions;
const tags = ['摸底排查'];
type Row = Awaited<ReturnType<typeof screenings.listScreenings>>[number];

export function registerScreeningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const present = async (principal: Principal, rows: Row[]) => {
    const totals = await screenings.checkTotals(db, scopeFor(principal, P.read.name), rows.map((r) => r.s.id));
    const today = chinaToday(deps.now());
    return rows.map((r) => {
      const t = totals.find((x) => x.campaignId === r.s.id);
      return { id: r.s.id, name: r.s.name, orgName: r.orgName, deadline: r.s.deadline, scopeNote: r.s.scopeNote, population: r.s.population, populationLabel: SCREENING_POPULATION_LABELS[r.s.population as keyof typeof SCREENING_POPULATION_LABELS] ?? r.s.population, status: r.s.status, checked: t?.checked ?? 0, newCases: t?.newCases ?? 0, overdue: r.s.status === 'open' && r.s.deadline < today };
    });
  };

  defineRoute(app, {
    method: 'GET',
    url: '/api/screenings',
    permission: P.read.name,
    summary: '摸底排查活动（本级及下级发起的，和上级发起、本级参与的），含本范围内的排查进度',
    tags,
    response: z.object({ items: z.array(ScreeningSchema) }),
    async handler({ principal, scope }) {
      return { items: await present(principal, await screenings.listScreenings(db, scope(), principal.orgPath)) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/screenings',
    permission: P.write.name,
    summary: '发起摸底排查（范围为本级工会及全部下级）',
    tags,
    body: ScreeningInputSchema,
    response: ScreeningSchema,
    async handler({ body, principal, ip }) {
      const id = await startScreening(deps, { principal, ip }, body);
      const row = await screenings.screeningById(db, id);
      return (await present(principal, [row!]))[0]!;
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/screenings/:id/progress',
    permission: P.read.name,
    summary: '排查进度：本范围内各基层工会的会员数、已排查数和结果',
    tags,
    params: IdParamsSchema,
    response: ScreeningProgressSchema,
    async handler({ params, principal, scope }) {
      const row = await screenings.screeningById(db, params.id);
      // Visible to the unions under the one that started it, and to that union's own subtree.
      if (!row || !reachesPrincipal(principal, P.read.name, row.orgPath)) throw ScreeningErrors.NOT_FOUND();
      const unions = await screenings.progressByUnion(db, scope(), row.s.id, row.orgPath, row.s.population);
      return { screening: (await present(principal, [row]))[0]!, unions };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/screenings/:id/checks',
    permission: P.write.name,
    summary: '登记一名会员的排查结果（发现困难、无困难、在档家庭已更新）',
    tags,
    params: IdParamsSchema,
    body: CheckInputSchema,
    response: z.object({ id: z.number() }),
    async handler({ params, body, principal, ip }) {
      return { id: await recordCheck(deps, { principal, ip }, params.id, body) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/screenings/:id/close',
    permission: P.write.name,
    summary: '结束摸底排查（发起的工会）',
    tags,
    params: IdParamsSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, principal, ip }) {
      await finishScreening(deps, { principal, ip }, params.id);
      return { ok: true as const };
    },
  });
}
