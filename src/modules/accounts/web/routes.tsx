import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const accountRoutes: ModuleRoute[] = [
  {
    path: '/accounts',
    page: lazy(() => import('./pages/AccountsPage').then((m) => ({ default: m.AccountsPage }))),
    menu: { label: '账号管理', icon: <TeamOutlined />, permission: 'account.read', order: 20 },
  },
];
