import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '@platform/context';
import type { DueProvider } from '@platform/due';
import type { ImportRunner, ImportSpec } from '@platform/imports';
import type { IndicatorCatalogue, IndicatorDefinition } from '@platform/indicators';
import type { RetentionRule } from '@platform/retention';
import type { DemoSeed } from './demo';
import type { SharedModuleManifest } from './shared';

/** What the app hands every module when it registers its routes. */
export interface ModuleContext {
  imports: ImportRunner;
  /** Every module's figures (the reports module serves them). */
  catalogue: IndicatorCatalogue;
  /** Role code → permission names, from the grants the modules declare (accounts serves and applies them). */
  rolePermissions: Readonly<Record<string, readonly string[]>>;
  /** Every audit action with its Chinese label (the audit module shows them). */
  auditActions: Readonly<Record<string, string>>;
}

/**
 * A module as the server sees it: its shared manifest plus its figures, import specs, routes, demo seed step,
 * due work and retention rules. The server walks one list of these (src/server/modules.ts); domain routes stay explicit `defineRoute`
 * calls inside `register`.
 */
export interface ServerModule {
  shared: SharedModuleManifest;
  indicators?: readonly IndicatorDefinition[];
  /** The Excel imports the module offers: the app registers each one's template and upload routes and its spec. */
  importSpecs?: () => ImportSpec[];
  register(app: FastifyInstance, deps: AppDeps, ctx: ModuleContext): void;
  /** Its part of the demo district (`DemoSeedStep`: bulk records in the demo's transaction, then services). */
  seedDemo?: DemoSeed;
  due?: readonly DueProvider[];
  /** Its storage limits on personal information: the server deletes what outlived its purpose (PIPL Art. 19). */
  retention?: readonly RetentionRule[];
}

/** Identity helper that checks a server manifest against the type. */
export function defineServerModule(manifest: ServerModule): ServerModule {
  return manifest;
}
