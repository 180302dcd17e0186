import type { WebModule } from '@ui/web-module';
import { standardRoutes } from './routes';

/** The standards module as the web shell mounts it. */
export const standardsWeb: WebModule = { name: 'standards', routes: standardRoutes };
