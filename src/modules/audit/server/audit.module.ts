import { defineServerModule } from '@platform/modules';
import { auditModule } from '../shared/audit.module';
import { registerAuditRoutes } from './audit.routes';

/** The audit module as the server mounts it: labels every action the modules declare. */
export const auditServer = defineServerModule({
  shared: auditModule,
  register: (app, deps, ctx) => registerAuditRoutes(app, deps, ctx.auditActions),
});
