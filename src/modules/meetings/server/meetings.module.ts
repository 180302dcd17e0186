import { defineServerModule } from '@platform/modules';
import { MeetingPermissions, meetingsModule } from '../shared/meetings.module';
import { meetingIndicators } from './meeting.indicators';
import { openDecisions } from './meeting.repository';
import { registerMeetingRoutes } from './meeting.routes';
import { seedDemoMeetings } from './meetings-demo';

/** The meetings module as the server mounts it; a decision not yet carried out is 待办 until its deadline and after. */
export const meetingsServer = defineServerModule({
  shared: meetingsModule,
  indicators: meetingIndicators,
  register: registerMeetingRoutes,
  seedDemo: { load: seedDemoMeetings },
  due: [
    {
      permission: MeetingPermissions.read.name,
      async list({ db, scope, today }) {
        const rows = await openDecisions(db, scope(), 500);
        return rows.map((r) => ({ module: 'meetings', kind: 'decision', title: `${r.meetingTitle}：${r.content}`, orgName: r.orgName, deadline: r.dueOn, overdue: r.dueOn < today, action: '落实会议决定', href: `/meetings?open=${r.meetingId}` }));
      },
    },
  ],
});
