import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '@platform/context';
import { sendLedgerXlsx } from '@platform/ledger';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { addDays, chinaToday } from '@platform/periods';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import { ELECTION_LEDGER, ELECTION_STATUS } from '../shared/union.ledger';
import {
  ElectionExportQuerySchema,
  ElectionListQuerySchema,
  ElectionPageSchema,
  ElectionSummarySchema,
  TermInputSchema,
  TermSchema,
} from '../shared/union.schema';
import * as repo from './union.repository';
import { recordTerm, requireGrassroots } from './union.service';
import type { UnionTermRow } from './union.table';

const READ = OrgPermissions.read.name;
const WRITE = OrgPermissions.write.name;
const tags = ['换届'];
const DAY = 86_400_000;

/** A term as recorded, with its end (`termYears` after the election) and whether it is the current one. */
function presentTerm(t: UnionTermRow, current: boolean) {
  const end = new Date(`${t.electedOn}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + t.termYears);
  return { ...t, termYears: t.termYears as 3 | 5, endsOn: end.toISOString().slice(0, 10), current };
}

export function registerUnionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const present = (r: repo.ElectionRow, today: string) => ({
    ...r,
    daysLeft: r.endsOn ? Math.round((Date.parse(`${r.endsOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY) : null,
    statusLabel: ELECTION_STATUS.label(r.status)!,
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/unions/:id/terms',
    permission: READ,
    summary: '基层工会的历届选举（最新一届为当前届期）',
    tags,
    params: IdParamsSchema,
    response: z.array(TermSchema),
    async handler({ params, principal, ip }) {
      await requireGrassroots(deps, { principal, ip }, params.id, READ);
      const terms = await repo.termsOf(db, params.id);
      return terms.map((t, i) => presentTerm(t, i === 0));
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/unions/:id/terms',
    permission: WRITE,
    summary: '登记换届选举结果',
    tags,
    params: IdParamsSchema,
    body: TermInputSchema,
    response: TermSchema,
    async handler({ params, body, principal, ip }) {
      const t = await recordTerm(deps, { principal, ip }, params.id, body);
      const latest = (await repo.termsOf(db, params.id))[0];
      return presentTerm(t, latest?.id === t.id);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/unions/elections',
    permission: READ,
    summary: '换届提醒：即将届满、已逾期、未登记届期的基层工会',
    tags,
    querystring: ElectionListQuerySchema,
    response: ElectionPageSchema,
    async handler({ query, scope }) {
      const today = chinaToday(deps.now());
      const { rows, total } = await repo.listElections(db, scope(), grassrootsKinds(), { status: query.status, q: query.q, today, dueBy: addDays(today, query.within) }, query);
      return { items: rows.map((r) => present(r, today)), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/unions/elections/export.xlsx',
    permission: READ,
    summary: '导出换届提醒（Excel）',
    tags,
    querystring: ElectionExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const today = chinaToday(deps.now());
      const { rows } = await repo.listElections(db, scope(), grassrootsKinds(), { status: query.status, q: query.q, today, dueBy: addDays(today, query.within) }, null);
      return sendLedgerXlsx(reply, { sheet: '换届提醒', fileName: `换届提醒-${today}.xlsx`, columns: ELECTION_LEDGER.columns, rows: rows.map((r) => present(r, today)) });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/unions/elections/summary',
    permission: READ,
    summary: '换届待办数（首页提醒）',
    tags,
    querystring: z.object({ within: z.coerce.number().int().min(1).max(730).default(180) }),
    response: ElectionSummarySchema,
    async handler({ scope, query }) {
      const today = chinaToday(deps.now());
      const r = await repo.electionCounts(db, scope(), grassrootsKinds(), today, addDays(today, query.within));
      return { ...r, within: query.within };
    },
  });
}
