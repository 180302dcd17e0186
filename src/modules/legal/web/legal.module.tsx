import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { LegalPermissions } from '../shared/legal.module';

/** The legal education and legal services module as the web shell mounts it: two ledgers, one menu entry, the worker's page. */
export const legalWeb: WebModule = {
  name: 'legal',
  routes: [
    {
      path: '/legal',
      page: lazy(() => import('./LegalEventsPage').then((m) => ({ default: m.LegalEventsPage }))),
      menu: { label: '普法和法律服务', icon: <SafetyCertificateOutlined />, permission: LegalPermissions.read.name, order: 19.6 },
    },
    { path: '/legal/cases', permission: LegalPermissions.read.name, page: lazy(() => import('./LegalCasesPage').then((m) => ({ default: m.LegalCasesPage }))) },
    {
      path: '/me/legal',
      page: lazy(() => import('./MyLegalPage').then((m) => ({ default: m.MyLegalPage }))),
      menu: { label: '法律帮助', icon: <SafetyCertificateOutlined />, permission: LegalPermissions.self.name, order: 94 },
    },
  ],
};
