import { InsuranceOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const mutualAidRoutes: ModuleRoute[] = [
  {
    path: '/mutual-aid',
    page: lazy(() => import('./pages/MutualAidPage').then((m) => ({ default: m.MutualAidPage }))),
    menu: { label: '大病互助', icon: <InsuranceOutlined />, permission: 'mutualaid.read', order: 19 },
  },
  {
    path: '/me/mutual-aid',
    page: lazy(() => import('./pages/MyMutualAidPage').then((m) => ({ default: m.MyMutualAidPage }))),
    menu: { label: '大病互助', icon: <InsuranceOutlined />, permission: 'mutualaid.self', order: 92 },
  },
];
