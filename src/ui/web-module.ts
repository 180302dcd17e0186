import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { ModuleRoute } from './module-routes';

/** A figure on the home page: a count read from `totalUrl` (a paged list answering `{ total }`), opening `to`. */
export interface HomeTile {
  title: string;
  icon: ReactNode;
  permission: string;
  totalUrl: () => string;
  to: string;
}

/**
 * A module as the web shell sees it: its pages (routes and menu entries) and what it puts on the home page. The
 * shell walks one list of these (src/web/modules.ts). Due work is not here: the home page's 待办 list reads
 * GET /api/due, which walks the server modules' providers.
 */
export interface WebModule {
  name: string;
  routes: readonly ModuleRoute[];
  homeTiles?: readonly HomeTile[];
  /** A larger home-page section (the dashboard), shown to holders of `permission`. */
  home?: { permission: string; component: LazyExoticComponent<ComponentType> };
}
