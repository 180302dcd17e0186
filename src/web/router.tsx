import type { ModuleRoute } from '@ui/module-routes';
import { webModules } from './modules';

/** Every module's pages; the menu is built from the ones the user has permission for. */
export const moduleRoutes: ModuleRoute[] = webModules.flatMap((m) => m.routes);
