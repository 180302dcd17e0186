import type { WebModule } from '@ui/web-module';
import { hardshipRoutes } from './routes';

/** The hardship module as the web shell mounts it. */
export const hardshipWeb: WebModule = { name: 'hardship', routes: hardshipRoutes };
