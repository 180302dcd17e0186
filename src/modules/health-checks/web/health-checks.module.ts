import type { WebModule } from '@ui/web-module';
import { healthCheckRoutes } from './routes';

/** The health-checks module as the web shell mounts it. */
export const healthChecksWeb: WebModule = { name: 'health-checks', routes: healthCheckRoutes };
