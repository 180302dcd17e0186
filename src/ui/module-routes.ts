import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

/** A page a module contributes to the shell; `menu` puts it in the left menu for holders of `permission`. */
export interface ModuleRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  menu?: { label: string; icon: ReactNode; permission: string; order: number };
}
