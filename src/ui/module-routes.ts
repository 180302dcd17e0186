import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

/**
 * A page a module contributes to the shell; `menu` puts it in the left menu for holders of `permission`. The page
 * needs `permission` (or the menu's): without it the shell shows 无权限 instead of a page whose requests all fail.
 */
export interface ModuleRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  permission?: string;
  menu?: { label: string; icon: ReactNode; permission: string; order: number };
}
