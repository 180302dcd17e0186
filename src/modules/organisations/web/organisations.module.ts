import type { WebModule } from '@ui/web-module';
import { orgRoutes } from './routes';

/** The organisations module as the web shell mounts it. */
export const organisationsWeb: WebModule = { name: 'organisations', routes: orgRoutes };
