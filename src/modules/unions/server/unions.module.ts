import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { defineServerModule } from '@platform/modules';
import { addDays } from '@platform/periods';
import { ELECTION_LEDGER } from '../shared/union.ledger';
import { unionsModule } from '../shared/unions.module';
import { seedDemoTerms } from './union-demo';
import { unionIndicators } from './union.indicators';
import { electionsDue } from './union.repository';
import { registerUnionRoutes } from './union.routes';

/** The unions module as the server mounts it; 待办: terms overdue or ending within six months (as the old card). */
export const unionsServer = defineServerModule({
  shared: unionsModule,
  indicators: unionIndicators,
  register: (app, deps) => registerUnionRoutes(app, deps),
  seedDemo: { load: seedDemoTerms },
  due: [
    {
      permission: OrgPermissions.read.name,
      async list({ db, scope, today }) {
        const rows = await electionsDue(db, scope(), grassrootsKinds(), today, addDays(today, 180), 500);
        return rows.map((r) => ({
          // The union is named in the title; the org shown is the one above it, which sees to the election.
          module: 'unions', kind: 'election', title: `${r.org_name}任期届满`, orgName: r.parent_name ?? r.org_name, deadline: r.ends_on,
          overdue: r.status === 'overdue', action: '组织换届选举', href: ELECTION_LEDGER.href(r.org_id),
        }));
      },
    },
  ],
});
