import type { WebModule } from '@ui/web-module';
import { unionRoutes } from './routes';

/** The unions module as the web shell mounts it. */
export const unionsWeb: WebModule = { name: 'unions', routes: unionRoutes };
