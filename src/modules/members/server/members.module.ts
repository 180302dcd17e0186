import { defineServerModule } from '@platform/modules';
import { membersModule } from '../shared/members.module';
import { MemberPermissions as P } from '../shared/member.permissions';
import { seedDemoMembers } from './member-demo';
import { memberImportSpec } from './member.import';
import { memberIndicators } from './member.indicators';
import { incomingTransfersDue, pendingApplicationsDue } from './member.repository';
import { registerMemberRoutes } from './member.routes';
import { registerMembershipBulkRoutes } from './membership-bulk.routes';

const LIMIT = 500;

/** The members module as the server mounts it; its 待办 are the counts of the old home card, item by item. */
export const membersServer = defineServerModule({
  shared: membersModule,
  indicators: memberIndicators,
  importSpecs: () => [memberImportSpec()],
  register(app, deps) {
    registerMemberRoutes(app, deps);
    registerMembershipBulkRoutes(app, deps);
  },
  seedDemo: { after: ['employers', 'unions'], load: seedDemoMembers },
  due: [
    {
      permission: P.read.name,
      async list({ db, scope, today }) {
        const apps = await pendingApplicationsDue(db, scope(), LIMIT);
        // Transfers are received by those who may write members (as the old count did).
        const transfers = await incomingTransfersDue(db, scope(P.write.name), LIMIT);
        return [
          ...apps.map((a) => ({
            module: 'members', kind: 'application', title: `${a.name}的入会申请`, orgName: a.org_name, deadline: a.due_on,
            overdue: !!a.due_on && a.due_on < today, action: '审核入会申请', href: '/member-applications',
          })),
          ...transfers.map((x) => ({
            module: 'members', kind: 'transfer', title: `${x.member_name}的转会申请`, orgName: x.org_name, deadline: null,
            overdue: false, action: '接收转会', href: '/members/transfers',
          })),
        ];
      },
    },
  ],
});
