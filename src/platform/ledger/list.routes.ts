import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Principal, Scope } from '../access';
import type { AppDeps } from '../context';
import { defineRoute } from '../http';
import { chinaToday } from '../periods';
import { sendLedgerXlsx } from './export';
import type { Ledger } from './ledger';

/** What a ledger's list and export need: where, what the rows are, how they are read and presented. */
export interface LedgerListRoutes<Q extends z.ZodObject, R, T> {
  /** The list URL, e.g. `/api/activities`; the export is `<url>/export.xlsx` with the same filters. */
  url: string;
  ledger: Ledger<T>;
  tags: string[];
  read: string;
  /** The list's query (a `PageQuerySchema` extension); the export takes it without `page` and `pageSize`. */
  query: Q;
  /** The DTO of a row (the list's items). */
  item: z.ZodType;
  /** One page of rows (the query with page and size), or every row (the export: without them). */
  list(query: Omit<z.infer<Q>, 'page' | 'pageSize'> & { page?: number; pageSize?: number }, scope: Scope): Promise<{ rows: R[]; total: number }>;
  present(rows: R[], principal: Principal): T[] | Promise<T[]>;
}

/**
 * A ledger's list (`GET <url>`, paged) and its Excel export (`GET <url>/export.xlsx`, audited, formula-safe): the
 * two routes every ledger has, with the summaries 「<label>台账」 and 「导出<label>（Excel）」.
 */
export function registerLedgerListRoutes<Q extends z.ZodObject, R, T>(app: FastifyInstance, deps: AppDeps, r: LedgerListRoutes<Q, R, T>): void {
  const label = r.ledger.label;
  defineRoute(app, {
    method: 'GET', url: r.url, permission: r.read, summary: `${label}台账`, tags: r.tags, querystring: r.query,
    response: z.object({ items: z.array(r.item), total: z.number(), page: z.number(), pageSize: z.number() }),
    async handler({ query, scope, principal }) {
      const q = query as { page: number; pageSize: number };
      const { rows, total } = await r.list(query as never, scope());
      return { items: (await r.present(rows, principal)) as never, total, page: q.page, pageSize: q.pageSize };
    },
  });
  defineRoute(app, {
    method: 'GET', url: `${r.url}/export.xlsx`, permission: r.read, summary: `导出${label}（Excel）`, tags: r.tags, querystring: r.query.omit({ page: true, pageSize: true } as never),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, principal, reply }) {
      const { rows } = await r.list(query as never, scope());
      return sendLedgerXlsx(reply, { sheet: label, fileName: `${label}-${chinaToday(deps.now())}.xlsx`, columns: r.ledger.columns, rows: await r.present(rows, principal) });
    },
  });
}
