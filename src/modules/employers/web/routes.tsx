import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const employerRoutes: ModuleRoute[] = [
  {
    path: '/employers',
    page: lazy(() => import('./pages/EmployersPage').then((m) => ({ default: m.EmployersPage }))),
    menu: { label: '建会与单位', icon: <ShopOutlined />, permission: 'employer.read', order: 14 },
  },
];
