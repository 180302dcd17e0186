import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const standardRoutes: ModuleRoute[] = [
  {
    path: '/standards',
    page: lazy(() => import('./pages/StandardsPage').then((m) => ({ default: m.StandardsPage }))),
    menu: { label: '规范化建设', icon: <SafetyCertificateOutlined />, permission: 'org.read', order: 17 },
  },
  { path: '/standards/assessments/:id', permission: 'org.read', page: lazy(() => import('./pages/AssessmentPage').then((m) => ({ default: m.AssessmentPage }))) },
];
