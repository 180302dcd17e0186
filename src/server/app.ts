import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '@platform/config/config';
import type { AppDeps } from '@platform/context';
import type { Database } from '@platform/db';
import { writeAudit } from '@platform/audit';
import { createHttpServer, defineRoute, type AuditSink } from '@platform/http';
import { registerAccountRoutes, sessionResolver } from '@modules/accounts/server';
import { registerAuditRoutes } from '@modules/audit/server';
import { findRootOrg, orgIndicators, registerOrgRoutes } from '@modules/organisations/server';
import { registerReportsModule } from '@modules/reports/server';
import { IndicatorCatalogue } from '@platform/indicators';
import type { FieldCipher } from '@platform/crypto';
import { ImportRunner, recoverInterruptedImports, registerImportJobRoutes } from '@platform/imports';
import { employerIndicators, registerEmployerRoutes } from '@modules/employers/server';
import { memberIndicators, registerMemberRoutes, registerMembershipBulkRoutes } from '@modules/members/server';
import { registerUnionRoutes, unionIndicators } from '@modules/unions/server';
import { registerStandardRoutes, standardIndicators } from '@modules/standards/server';
import { mutualAidIndicators, registerMutualAidRoutes } from '@modules/mutual-aid/server';
import { healthCheckIndicators, registerHealthCheckRoutes } from '@modules/health-checks/server';
import { hardshipIndicators, registerAidRoutes, registerHardshipRoutes, registerScreeningRoutes } from '@modules/hardship/server';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Field encryption (key loaded outside the database by the caller). */
  cipher: FieldCipher;
  /** Replaceable clock for tests. */
  now?: () => Date;
  /** Start the workers imports use ahead of the first upload (the server does; tests need not). */
  warmWorkers?: boolean;
}

/** Builds the whole platform: the HTTP server with every module's routes mounted. */
export async function buildApp({ config, database, cipher, now, warmWorkers }: BuildOptions): Promise<{ app: FastifyInstance; deps: AppDeps; imports: ImportRunner; catalogue: IndicatorCatalogue }> {
  const deps: AppDeps = { db: database.db, config, cipher, now: now ?? (() => new Date()) };
  // An import cut off by a restart wrote nothing (it applies in one transaction); say so on its job.
  await recoverInterruptedImports(deps.db);
  const imports = new ImportRunner(deps, { warm: warmWorkers ?? false });
  // Exports and refused access are audited by the platform; an anonymous request's row belongs to the district.
  let root: { id: number; path: string } | undefined;
  const audit: AuditSink = async (event) => {
    if (!event.orgPath) root ??= (await findRootOrg(deps.db)) ?? undefined;
    await writeAudit(deps.db, event.orgPath || !root ? event : { ...event, orgId: root.id, orgPath: root.path });
  };
  const app = await createHttpServer(config, sessionResolver(deps), audit);

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
  registerImportJobRoutes(app, deps, imports);
  registerEmployerRoutes(app, deps, imports);
  registerUnionRoutes(app, deps);
  registerMemberRoutes(app, deps, imports);
  registerMembershipBulkRoutes(app, deps);
  registerStandardRoutes(app, deps);
  registerHardshipRoutes(app, deps);
  registerAidRoutes(app, deps);
  registerScreeningRoutes(app, deps);
  registerMutualAidRoutes(app, deps, imports);
  registerHealthCheckRoutes(app, deps);
  // Every module's figures, in one catalogue: the dashboard, the catalogue page and the annual report read it.
  const catalogue = new IndicatorCatalogue([...orgIndicators, ...memberIndicators, ...employerIndicators, ...unionIndicators, ...standardIndicators, ...hardshipIndicators, ...mutualAidIndicators, ...healthCheckIndicators]);
  registerReportsModule(app, deps, catalogue);
  app.addHook('onClose', async () => imports.idle());

  await app.ready();
  return { app, deps, imports, catalogue };
}
