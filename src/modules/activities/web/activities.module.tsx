import { FlagOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { ActivityPermissions } from '../shared/activities.module';

/** The activities-and-volunteering module as the web shell mounts it: one ledger, one menu entry. */
export const activitiesWeb: WebModule = {
  name: 'activities',
  routes: [
    {
      path: '/activities',
      page: lazy(() => import('./ActivitiesPage').then((m) => ({ default: m.ActivitiesPage }))),
      menu: { label: '活动与志愿服务', icon: <FlagOutlined />, permission: ActivityPermissions.read.name, order: 19.9 },
    },
  ],
};
