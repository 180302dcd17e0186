import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { defineRoute } from '@platform/http';
import { amountHeader, amountNumFmt, type AmountColumn, type IndicatorCatalogue, type IndicatorDefinition } from '@platform/indicators';
import { chinaToday, parsePeriod, samePeriodLastYear, type Period } from '@platform/periods';
import { findOrgInScope, listChildren } from '@modules/organisations/server';
import { ReportPermissions } from '../shared/report.permissions';
import {
  IndicatorScopeQuerySchema,
  BreakdownSchema,
  TrendQuerySchema,
  TrendSchema,
  IndicatorCodeParamsSchema,
  IndicatorDefinitionSchema,
  IndicatorExportQuerySchema,
  IndicatorRecordsQuerySchema,
  IndicatorRecordsSchema,
  IndicatorValuesQuerySchema,
  IndicatorValuesSchema,
  type IndicatorDefinitionDto,
} from '../shared/indicator.schema';
import { ReportErrors } from './report.errors';

const READ = ReportPermissions.read.name;
const tags = ['统计指标'];
export const INDICATOR_EXPORT_LIMIT = 200_000;

const periodDto = (p: Period) => ({ id: p.id, label: p.label, start: p.start, last: p.last });
const amountDto = (a: AmountColumn | null) => (a ? { kind: a.kind, label: amountHeader(a) } : null);

export function presentDefinition(d: IndicatorDefinition, catalogue: IndicatorCatalogue): IndicatorDefinitionDto {
  const part = (code: string) => ({ code, name: catalogue.get(code)!.name });
  return {
    code: d.code,
    name: d.name,
    definition: d.definition,
    unit: d.unit,
    section: d.section,
    kind: d.kind,
    numerator: d.kind === 'rate' ? part(d.numerator) : null,
    denominator: d.kind === 'rate' ? part(d.denominator) : null,
    amount: amountDto(catalogue.amountColumn(d.code)),
  };
}

export function registerIndicatorRoutes(app: FastifyInstance, deps: AppDeps, catalogue: IndicatorCatalogue): void {
  // The organisation and its children are looked up on the primary (a union created a moment ago is found); the
  // figures, drill-downs and exports read `readDb` (the read replica, when there is one).
  const { db, readDb } = deps;

  /** The measured subtree (default: the user's own organisation) and the period (default: this year). */
  async function resolve(principal: Principal, orgId: number | undefined, periodId: string | undefined) {
    const org = await findOrgInScope(db, scopeFor(principal, READ), orgId ?? principal.orgId);
    if (!org) throw ReportErrors.ORG_NOT_FOUND();
    const period = parsePeriod(periodId ?? chinaToday(deps.now()).slice(0, 4))!;
    return { org: org.org, period, ctx: { rootPath: org.org.path, period } };
  }

  function indicator(code: string) {
    const d = catalogue.get(code);
    if (!d) throw ReportErrors.UNKNOWN_INDICATOR();
    return d;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators',
    permission: READ,
    summary: '指标目录：每个指标的名称、口径和单位',
    tags,
    response: z.array(IndicatorDefinitionSchema),
    async handler() {
      return catalogue.list().map((d) => presentDefinition(d, catalogue));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/values',
    permission: READ,
    summary: '指标值：所选范围和统计期的值，以及上年同期值',
    tags,
    querystring: IndicatorValuesQuerySchema,
    response: IndicatorValuesSchema,
    async handler({ query, principal }) {
      const { org, period, ctx } = await resolve(principal, query.orgId, query.period);
      const lastYear = samePeriodLastYear(period);
      const codes = query.codes ? query.codes.split(',').filter(Boolean) : catalogue.list().map((d) => d.code);
      codes.forEach(indicator);
      // Independent read-only queries: on the PostgreSQL server they run side by side on the pool (the embedded
      // database has one connection and runs them in turn).
      const values = await Promise.all(
        codes.map(async (code) => {
          const [now, before] = await Promise.all([catalogue.value(readDb, code, ctx), catalogue.value(readDb, code, { rootPath: ctx.rootPath, period: lastYear })]);
          return { code, value: now.value, numerator: now.numerator ?? null, denominator: now.denominator ?? null, lastYearValue: before.value };
        }),
      );
      return { org: { id: org.id, name: org.name }, period: periodDto(period), lastYearPeriod: periodDto(lastYear), values };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/:code/trend',
    permission: READ,
    summary: '指标的逐年趋势（截至今年）',
    tags,
    params: IndicatorCodeParamsSchema,
    querystring: TrendQuerySchema,
    response: TrendSchema,
    async handler({ params, query, principal }) {
      const d = indicator(params.code);
      const { ctx } = await resolve(principal, query.orgId, undefined);
      const thisYear = Number(chinaToday(deps.now()).slice(0, 4));
      const periods = Array.from({ length: query.years }, (_, i) => parsePeriod(String(thisYear - query.years + 1 + i))!);
      const points = await Promise.all(
        periods.map(async (period) => ({ period: period.id, label: period.label, value: (await catalogue.value(readDb, d.code, { rootPath: ctx.rootPath, period })).value })),
      );
      return { points };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/:code/breakdown',
    permission: READ,
    summary: '指标按下一级组织分解',
    tags,
    params: IndicatorCodeParamsSchema,
    querystring: IndicatorScopeQuerySchema,
    response: BreakdownSchema,
    async handler({ params, query, principal }) {
      const d = indicator(params.code);
      const { org, period } = await resolve(principal, query.orgId, query.period);
      const children = await listChildren(db, scopeFor(principal, READ), org.id, false);
      const items = await Promise.all(
        children.map(async (child) => ({ orgId: child.org.id, orgName: child.org.name, value: (await catalogue.value(readDb, d.code, { rootPath: child.org.path, period })).value })),
      );
      items.sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
      return { period: periodDto(period), items };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/:code/records',
    permission: READ,
    summary: '指标背后的记录（穿透）',
    tags,
    params: IndicatorCodeParamsSchema,
    querystring: IndicatorRecordsQuerySchema,
    response: IndicatorRecordsSchema,
    async handler({ params, query, principal }) {
      const d = indicator(params.code);
      const { org, period, ctx } = await resolve(principal, query.orgId, query.period);
      const { items, total } = await catalogue.records(readDb, d.code, ctx, query, query.part, query.q);
      return {
        indicator: presentDefinition(d, catalogue),
        org: { id: org.id, name: org.name },
        period: periodDto(period),
        part: query.part,
        amount: amountDto(catalogue.amountColumn(d.code, query.part)),
        items,
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/indicators/:code/records/export.xlsx',
    permission: READ,
    summary: '导出指标背后的记录（Excel）',
    tags,
    params: IndicatorCodeParamsSchema,
    querystring: IndicatorExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ params, query, principal, reply }) {
      const d = indicator(params.code);
      const { org, period, ctx } = await resolve(principal, query.orgId, query.period);
      const rows = await catalogue.allRecords(readDb, d.code, ctx, INDICATOR_EXPORT_LIMIT, query.part, query.q);
      const amount = catalogue.amountColumn(d.code, query.part);
      const buffer = await writeXlsx(
        d.name.slice(0, 30),
        [
          { header: '记录', width: 40, value: (r) => r.title },
          { header: '所属组织', width: 36, value: (r) => r.orgName },
          { header: '日期', width: 12, value: (r) => r.occurredOn },
          // The same column the drill-down shows: yuan (two decimals) for money, never fen; hours to one decimal.
          ...(amount ? [{ header: amountHeader(amount), width: 14, numFmt: amountNumFmt(amount), value: (r: (typeof rows)[number]) => r.amount }] : []),
        ],
        rows,
      );
      return sendXlsx(reply, `${d.name}-${org.name}-${period.label}.xlsx`, buffer);
    },
  });
}
