import { MedicineBoxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const healthCheckRoutes: ModuleRoute[] = [
  {
    path: '/health-checks',
    page: lazy(() => import('./pages/HealthChecksPage').then((m) => ({ default: m.HealthChecksPage }))),
    menu: { label: '免费体检', icon: <MedicineBoxOutlined />, permission: 'healthcheck.read', order: 19.5 },
  },
  {
    path: '/me/health-checks',
    page: lazy(() => import('./pages/MyHealthChecksPage').then((m) => ({ default: m.MyHealthChecksPage }))),
    menu: { label: '免费体检', icon: <MedicineBoxOutlined />, permission: 'healthcheck.self', order: 93 },
  },
];
