import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '@platform/context';
import { defineRoute } from '@platform/http';
import { chinaToday } from '@platform/periods';
import { compareDue, type DueItem, type DueProvider } from './due';
import { DuePageSchema, DueQuerySchema } from './schema';

/** A module's providers with its name and Chinese label (from its manifest). */
export interface DueSource {
  module: string;
  label: string;
  providers: readonly DueProvider[];
}

/** GET /api/due: one 待办 list over every module's providers the principal holds the permission of, most urgent first. */
export function registerDueRoutes(app: FastifyInstance, deps: AppDeps, sources: readonly DueSource[]): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/due',
    permission: 'authenticated',
    summary: '待办：各业务模块需要处理的记录（已逾期在前，再按期限先后）',
    tags: ['待办'],
    querystring: DueQuerySchema,
    response: DuePageSchema,
    async handler({ principal, scope, query }) {
      const today = chinaToday(deps.now());
      const counts: z.infer<typeof DuePageSchema>['counts'] = [];
      let all: DueItem[] = [];
      for (const s of sources) {
        const held = s.providers.filter((p) => principal.permissions.has(p.permission));
        if (!held.length) continue;
        const items: DueItem[] = [];
        for (const p of held) items.push(...(await p.list({ db: deps.db, principal, today, scope: (perm) => scope(perm ?? p.permission) })));
        counts.push({ module: s.module, label: s.label, count: items.length, overdue: items.filter((i) => i.overdue).length });
        if (!query.module || query.module === s.module) all = all.concat(items);
      }
      all.sort(compareDue);
      const start = (query.page - 1) * query.pageSize;
      return { items: all.slice(start, start + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize, counts };
    },
  });
}
