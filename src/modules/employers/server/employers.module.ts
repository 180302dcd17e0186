import { defineServerModule } from '@platform/modules';
import { employersModule } from '../shared/employers.module';
import { seedDemoEmployers } from './employer-demo';
import { employerImportSpec } from './employer.import';
import { employerIndicators } from './employer.indicators';
import { registerEmployerRoutes } from './employer.routes';

/** The employers module as the server mounts it. */
export const employersServer = defineServerModule({
  shared: employersModule,
  indicators: employerIndicators,
  importSpecs: () => [employerImportSpec()],
  register: (app, deps) => registerEmployerRoutes(app, deps),
  seedDemo: { load: seedDemoEmployers },
});
