import { defineServerModule } from '@platform/modules';
import { organisationsModule } from '../shared/org.module';
import { orgIndicators } from './org.indicators';
import { registerOrgRoutes } from './org.routes';

/** The organisations module as the server mounts it. */
export const organisationsServer = defineServerModule({
  shared: organisationsModule,
  indicators: orgIndicators,
  register: (app, deps) => registerOrgRoutes(app, deps),
});
