import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '@platform/config/config';
import type { AppDeps } from '@platform/context';
import type { Database } from '@platform/db';
import { writeAudit } from '@platform/audit';
import { createHttpServer, defineRoute, type AuditSink } from '@platform/http';
import { sessionResolver } from '@modules/accounts/server';
import { findRootOrg } from '@modules/organisations/server';
import { registerDueRoutes } from '@platform/due';
import { IndicatorCatalogue } from '@platform/indicators';
import type { FieldCipher } from '@platform/crypto';
import { ImportRunner, recoverInterruptedImports } from '@platform/imports';
import type { ModuleContext } from '@platform/modules';
import { auditActions, rolePermissions, serverModules } from './modules';

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
  const app = await createHttpServer(config, sessionResolver(deps, rolePermissions), audit);

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

  // Every module's figures, in one catalogue: the dashboard, the catalogue page and the annual report read it.
  const catalogue = new IndicatorCatalogue(serverModules.flatMap((m) => m.indicators ?? []));
  const ctx: ModuleContext = { imports, catalogue, rolePermissions, auditActions };
  for (const m of serverModules) m.register(app, deps, ctx);
  // One 待办 list over every module's due-work providers.
  registerDueRoutes(app, deps, serverModules.filter((m) => m.due?.length).map((m) => ({ module: m.shared.name, label: m.shared.label, providers: m.due! })));
  app.addHook('onClose', async () => imports.idle());

  await app.ready();
  return { app, deps, imports, catalogue };
}
