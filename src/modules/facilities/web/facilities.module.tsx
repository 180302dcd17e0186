import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { FacilityPermissions } from '../shared/facilities.module';

const READ = FacilityPermissions.read.name;

/** The worker-facilities module as the web shell mounts it: the register and the standards, one menu entry. */
export const facilitiesWeb: WebModule = {
  name: 'facilities',
  routes: [
    {
      path: '/facilities',
      page: lazy(() => import('./FacilitiesPage').then((m) => ({ default: m.FacilitiesPage }))),
      menu: { label: '服务阵地', icon: <ShopOutlined />, permission: READ, order: 19.8 },
    },
    { path: '/facilities/standards', permission: READ, page: lazy(() => import('./StandardsPage').then((m) => ({ default: m.StandardsPage }))) },
  ],
};
