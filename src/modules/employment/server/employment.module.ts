import { defineServerModule } from '@platform/modules';
import { employmentModule } from '../shared/employment.module';
import { seedDemoHiring } from './employment-demo';
import { fairIndicators } from './fair.indicators';
import { registerFairRoutes } from './fair.routes';
import { hiringImportSpec } from './hiring.import';
import { hiringIndicators } from './hiring.indicators';
import { registerHiringRoutes } from './hiring.routes';
import { interestRetention } from './hiring.service';
import { registerPublicJobRoutes } from './public-jobs.routes';
import { seekerIndicators } from './seeker.indicators';
import { registerSeekerRoutes } from './seeker.routes';

/** The employment-services module as the server mounts it. */
export const employmentServer = defineServerModule({
  shared: employmentModule,
  indicators: [...hiringIndicators, ...fairIndicators, ...seekerIndicators],
  importSpecs: () => [hiringImportSpec()],
  register: (app, deps) => {
    registerHiringRoutes(app, deps);
    registerFairRoutes(app, deps);
    registerSeekerRoutes(app, deps);
    registerPublicJobRoutes(app, deps);
  },
  seedDemo: { after: ['employers'], load: seedDemoHiring },
  retention: [interestRetention],
});
