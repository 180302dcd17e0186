import { defineServerModule } from '@platform/modules';
import { addDays } from '@platform/periods';
import { congressesModule, CongressPermissions } from '../shared/congresses.module';
import { seedDemoCongresses } from './congress-demo';
import { delegateImportSpec, disclosureImportSpec } from './congress.import';
import { congressIndicators } from './congress.indicators';
import { missingDirectors, openProposals } from './congress.repository';
import { registerCongressRoutes } from './congress.routes';

/** A proposal is put on file and answered within this many days of submission (a common 实施办法 term; not national law). */
export const PROPOSAL_ANSWER_DAYS = 30;

/** The democratic management module as the server mounts it; open proposals and missing worker directors are 待办. */
export const congressesServer = defineServerModule({
  shared: congressesModule,
  indicators: congressIndicators,
  importSpecs: () => [delegateImportSpec(), disclosureImportSpec()],
  register: registerCongressRoutes,
  seedDemo: { after: ['members'], load: seedDemoCongresses },
  due: [
    {
      permission: CongressPermissions.write.name,
      async list({ db, scope, today }) {
        const proposals = (await openProposals(db, scope(), 500)).map((r) => {
          const deadline = addDays(r.p.submittedOn, PROPOSAL_ANSWER_DAYS);
          return { module: 'congresses', kind: 'proposal', title: `提案“${r.p.title}”${r.p.status === 'submitted' ? '待立案' : '待答复'}`, orgName: r.orgName, deadline, overdue: deadline < today, action: r.p.status === 'submitted' ? '立案' : '登记答复', href: `/congresses/proposals?open=${r.p.id}` };
        });
        const directors = (await missingDirectors(db, scope(), today, 200)).map((c) => ({ module: 'congresses', kind: 'director', title: `${c.orgName}为国有企业，尚无在任职工董事`, orgName: c.orgName, deadline: null, overdue: false, action: '组织选举职工董事', href: `/congresses?open=${c.id}` }));
        return [...proposals, ...directors];
      },
    },
  ],
});
