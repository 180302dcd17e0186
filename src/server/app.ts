import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '@platform/config/config';
import type { AppDeps } from '@platform/context';
import type { Database } from '@platform/db';
import { createHttpServer, defineRoute } from '@platform/http';
import { registerAccountRoutes, sessionResolver } from '@modules/accounts/server';
import { registerAuditRoutes } from '@modules/audit/server';
import { orgIndicators, registerOrgRoutes } from '@modules/organisations/server';
import { registerReportsModule } from '@modules/reports/server';
import { IndicatorCatalogue } from '@platform/indicators';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Replaceable clock for tests. */
  now?: () => Date;
}

/** Builds the whole platform: the HTTP server with every module's routes mounted. */
export async function buildApp({ config, database, now }: BuildOptions): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const deps: AppDeps = { db: database.db, dbKind: database.kind, config, now: now ?? (() => new Date()) };
  const app = await createHttpServer(config, sessionResolver(deps));

  defineRoute(app, {
    method: 'GET',
    url: '/api/health',
    permission: 'public',
    summary: '健康检查',
    tags: ['系统'],
    response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
    async handler() {
      return { status: 'ok' as const, database: database.kind, version: config.version };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/openapi.json',
    permission: 'public',
    summary: 'OpenAPI 3 接口文档',
    tags: ['系统'],
    async handler() {
      return app.swagger();
    },
  });

  registerOrgRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerAuditRoutes(app, deps);
  // Every module's figures, in one catalogue: the dashboard, the catalogue page and the annual report read it.
  registerReportsModule(app, deps, new IndicatorCatalogue([...orgIndicators]));

  await app.ready();
  return { app, deps };
}
