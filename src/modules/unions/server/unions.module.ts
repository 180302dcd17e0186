import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { defineServerModule } from '@platform/modules';
import { addDays } from '@platform/periods';
import { ELECTION_LEDGER } from '../shared/union.ledger';
import { unionsModule } from '../shared/unions.module';
import { seedDemoTerms } from './union-demo';
import { unionIndicators } from './union.indicators';
import { electionsDue } from './union.repository';
import { registerTermPaperRoutes } from './term-papers.routes';
import { registerUnionRoutes } from './union.routes';

/** The unions module as the server mounts it; 待办: terms overdue or ending within six months (as the old card). */
export const unionsServer = defineServerModule({
  shared: unionsModule,
  indicators: unionIndicators,
  register: (app, deps) => (registerUnionRoutes(app, deps), registerTermPaperRoutes(app, deps)),
  seedDemo: { load: seedDemoTerms },
  due: [
    {
      permission: OrgPermissions.read.name,
      async list({ db, scope, today }) {
        const rows = await electionsDue(db, scope(), grassrootsKinds(), today, addDays(today, 180), 500);
        return rows.map((r) => ({
          // The union is named in the title; the org shown is the one above it, which sees to the election.
          module: 'unions', kind: 'election', title: `${r.orgName}任期届满`, orgName: r.parentName ?? r.orgName, deadline: r.endsOn,
          overdue: r.status === 'overdue', action: '组织换届选举', href: ELECTION_LEDGER.href(r.orgId),
        }));
      },
    },
  ],
});
