import type { WebModule } from '@ui/web-module';
import { mutualAidRoutes } from './routes';

/** The mutual-aid module as the web shell mounts it. */
export const mutualAidWeb: WebModule = { name: 'mutual-aid', routes: mutualAidRoutes };
