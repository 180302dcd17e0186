import { defineServerModule } from '@platform/modules';
import { activitiesModule } from '../shared/activities.module';
import { seedDemoActivities } from './activities-demo';
import { activityImportSpec } from './activity.import';
import { activityIndicators } from './activity.indicators';
import { registerActivityRoutes } from './activity.routes';

/** The activities-and-volunteering module as the server mounts it. */
export const activitiesServer = defineServerModule({
  shared: activitiesModule,
  indicators: activityIndicators,
  importSpecs: () => [activityImportSpec()],
  register: registerActivityRoutes,
  seedDemo: { after: ['members'], load: seedDemoActivities },
});
