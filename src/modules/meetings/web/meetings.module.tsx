import { ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { MeetingPermissions } from '../shared/meetings.module';

/** The meetings module as the web shell mounts it: one ledger, one menu entry. */
export const meetingsWeb: WebModule = {
  name: 'meetings',
  routes: [
    {
      path: '/meetings',
      page: lazy(() => import('./MeetingsPage').then((m) => ({ default: m.MeetingsPage }))),
      menu: { label: '会议记录', icon: <ScheduleOutlined />, permission: MeetingPermissions.read.name, order: 19.95 },
    },
  ],
};
