import { defineServerModule } from '@platform/modules';
import { addDays } from '@platform/periods';
import { legalModule, LegalPermissions } from '../shared/legal.module';
import { seedDemoLegal } from './legal-demo';
import { legalEventImportSpec } from './legal.import';
import { legalIndicators } from './legal.indicators';
import { waitingRequests } from './legal.repository';
import { registerLegalRoutes } from './legal.routes';

/** A worker's online request is answered within this many days (the platform's service promise, not a legal deadline). */
export const REQUEST_ANSWER_DAYS = 3;

/** The legal education and legal services module as the server mounts it; an online request waiting to be accepted is 待办. */
export const legalServer = defineServerModule({
  shared: legalModule,
  indicators: legalIndicators,
  importSpecs: () => [legalEventImportSpec()],
  register: registerLegalRoutes,
  seedDemo: { after: ['members'], load: seedDemoLegal },
  due: [
    {
      permission: LegalPermissions.write.name,
      async list({ db, scope, today }) {
        return (await waitingRequests(db, scope(), 500)).map((r) => {
          const deadline = addDays(r.c.receivedOn, REQUEST_ANSWER_DAYS);
          return { module: 'legal', kind: 'request', title: `网上法律求助 ${r.c.caseNo}（${r.c.employerName}）待受理`, orgName: r.orgName, deadline, overdue: deadline < today, action: '受理', href: `/legal/cases?open=${r.c.id}` };
        });
      },
    },
  ],
});
