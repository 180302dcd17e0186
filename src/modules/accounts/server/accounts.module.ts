import { defineServerModule } from '@platform/modules';
import { accountsModule } from '../shared/accounts.module';
import { registerAccountRoutes } from './account.routes';

/** The accounts module as the server mounts it (the session resolver is given the same role permissions). */
export const accountsServer = defineServerModule({
  shared: accountsModule,
  register: (app, deps, ctx) => registerAccountRoutes(app, deps, ctx.rolePermissions),
});
