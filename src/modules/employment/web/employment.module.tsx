import { SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { EmploymentPermissions } from '../shared/employment.module';

const READ = EmploymentPermissions.read.name;

/** The employment-services module as the web shell mounts it: the hiring ledger and the fairs, one menu entry. */
export const employmentWeb: WebModule = {
  name: 'employment',
  routes: [
    {
      path: '/employment',
      page: lazy(() => import('./HiringPage').then((m) => ({ default: m.HiringPage }))),
      menu: { label: '就业服务', icon: <SolutionOutlined />, permission: READ, order: 19.7 },
    },
    { path: '/employment/fairs', permission: READ, page: lazy(() => import('./FairsPage').then((m) => ({ default: m.FairsPage }))) },
    { path: '/employment/seekers', permission: READ, page: lazy(() => import('./SeekersPage').then((m) => ({ default: m.SeekersPage }))) },
  ],
};
