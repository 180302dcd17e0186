import type { ServerModule } from '@platform/modules';
import { registerImportJobRoutes } from './routes';

/** The import engine's own routes (job status, error files), mounted from the module list like a module. */
export const importJobsServer: ServerModule = {
  shared: { name: 'imports', label: '批量导入', permissions: [], auditActions: {} },
  register: (app, deps, ctx) => registerImportJobRoutes(app, deps, ctx.imports),
};
