import { defineServerModule } from '@platform/modules';
import { hardshipModule } from '../shared/hardship.module';
import { HardshipPermissions as P } from '../shared/hardship.permissions';
import { registerAidRoutes } from './aid.routes';
import { seedDemoHardship } from './hardship-demo';
import { hardshipIndicators } from './hardship.indicators';
import { dueCases } from './hardship.repository';
import { registerHardshipRoutes } from './hardship.routes';
import { registerScreeningRoutes } from './screening.routes';

/** What to do with a case in each kind of due work (the lines of the old home card). */
const ACTIONS = {
  applied: '初审帮扶申请',
  visit: '入户调查',
  notice: '公示结束后报审批',
  pending_filing: '审批建档',
  review: '回头看（复核）',
  watch: '防返困回访',
} as const;

/** The hardship module as the server mounts it: cases, aid, screenings; 待办 per case with its deadline. */
export const hardshipServer = defineServerModule({
  shared: hardshipModule,
  indicators: hardshipIndicators,
  register(app, deps) {
    registerHardshipRoutes(app, deps);
    registerAidRoutes(app, deps);
    registerScreeningRoutes(app, deps);
  },
  async seedDemo(deps, ctx) {
    await seedDemoHardship(deps, { district: ctx.district });
  },
  due: [
    {
      permission: P.read.name,
      async list({ db, scope, today }) {
        const rows = await dueCases(db, scope(), today, 500);
        return rows.map((r) => ({
          module: 'hardship', kind: r.kind, title: `${r.caseNo} ${r.name}`, orgName: r.orgName, deadline: r.date,
          overdue: !!r.date && r.date < today, action: ACTIONS[r.kind], href: `/hardship/cases/${r.id}`,
        }));
      },
    },
  ],
});
