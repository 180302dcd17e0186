import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const unionRoutes: ModuleRoute[] = [
  {
    path: '/elections',
    page: lazy(() => import('./pages/ElectionsPage').then((m) => ({ default: m.ElectionsPage }))),
    menu: { label: '换届提醒', icon: <CalendarOutlined />, permission: 'org.read', order: 16 },
  },
];
