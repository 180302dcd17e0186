import { HeartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const hardshipRoutes: ModuleRoute[] = [
  {
    path: '/hardship',
    page: lazy(() => import('./pages/HardshipPage').then((m) => ({ default: m.HardshipPage }))),
    menu: { label: '困难帮扶', icon: <HeartOutlined />, permission: 'hardship.read', order: 18 },
  },
  { path: '/hardship/cases/:id', permission: 'hardship.read', page: lazy(() => import('./pages/CasePage').then((m) => ({ default: m.CasePage }))) },
  {
    path: '/me/hardship',
    page: lazy(() => import('./pages/MyHardshipPage').then((m) => ({ default: m.MyHardshipPage }))),
    menu: { label: '困难帮扶', icon: <HeartOutlined />, permission: 'hardship.self', order: 91 },
  },
];
