import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const orgRoutes: ModuleRoute[] = [
  {
    path: '/orgs',
    page: lazy(() => import('./pages/OrgsPage').then((m) => ({ default: m.OrgsPage }))),
    menu: { label: '组织管理', icon: <ApartmentOutlined />, permission: 'org.read', order: 10 },
  },
];
