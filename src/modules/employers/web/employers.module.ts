import type { WebModule } from '@ui/web-module';
import { employerRoutes } from './routes';

/** The employers module as the web shell mounts it. */
export const employersWeb: WebModule = { name: 'employers', routes: employerRoutes };
