import { IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const memberRoutes: ModuleRoute[] = [
  {
    path: '/members',
    page: lazy(() => import('./pages/MembersPage').then((m) => ({ default: m.MembersPage }))),
    menu: { label: '会员管理', icon: <IdcardOutlined />, permission: 'member.read', order: 12 },
  },
  { path: '/member-applications', permission: 'member.read', page: lazy(() => import('./pages/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage }))) },
  { path: '/members/transfers', permission: 'member.read', page: lazy(() => import('./pages/TransfersPage').then((m) => ({ default: m.TransfersPage }))) },
  { path: '/members/duplicates', permission: 'member.write', page: lazy(() => import('./pages/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage }))) },
  {
    path: '/me/member',
    page: lazy(() => import('./pages/MyMembershipPage').then((m) => ({ default: m.MyMembershipPage }))),
    menu: { label: '我的会籍', icon: <UserOutlined />, permission: 'member.self', order: 90 },
  },
];

/** The public joining page, mounted outside the signed-in shell. */
export const JoinPage = lazy(() => import('./pages/JoinPage').then((m) => ({ default: m.JoinPage })));
