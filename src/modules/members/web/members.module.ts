import type { WebModule } from '@ui/web-module';
import { memberRoutes } from './routes';

/** The members module as the web shell mounts it. */
export const membersWeb: WebModule = { name: 'members', routes: memberRoutes };
