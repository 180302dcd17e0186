import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const auditRoutes: ModuleRoute[] = [
  {
    path: '/audit',
    page: lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage }))),
    menu: { label: '操作日志', icon: <AuditOutlined />, permission: 'audit.read', order: 90 },
  },
];
