import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { CongressPermissions } from '../shared/congresses.module';

/** Democratic management as the web shell mounts it: three ledgers under one menu entry, the worker's page. */
export const congressesWeb: WebModule = {
  name: 'congresses',
  routes: [
    {
      path: '/congresses',
      page: lazy(() => import('./CongressesPage').then((m) => ({ default: m.CongressesPage }))),
      menu: { label: '职代会和民主管理', icon: <TeamOutlined />, permission: CongressPermissions.read.name, order: 19.7 },
    },
    { path: '/congresses/proposals', permission: CongressPermissions.read.name, page: lazy(() => import('./ProposalsPage').then((m) => ({ default: m.ProposalsPage }))) },
    { path: '/congresses/disclosures', permission: CongressPermissions.read.name, page: lazy(() => import('./DisclosuresPage').then((m) => ({ default: m.DisclosuresPage }))) },
    {
      path: '/me/congress',
      page: lazy(() => import('./MyCongressPage').then((m) => ({ default: m.MyCongressPage }))),
      menu: { label: '厂务公开和提案', icon: <TeamOutlined />, permission: CongressPermissions.self.name, order: 95 },
    },
  ],
};
