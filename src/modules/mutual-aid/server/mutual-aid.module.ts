import { defineServerModule } from '@platform/modules';
import { mutualAidModule } from '../shared/mutual-aid.module';
import { MutualAidPermissions as P } from '../shared/mutual-aid.permissions';
import { seedDemoMutualAid } from './mutual-aid-demo';
import { enrolmentImportSpec } from './mutual-aid.import';
import { mutualAidIndicators } from './mutual-aid.indicators';
import { claimsDue } from './mutual-aid.repository';
import { registerMutualAidRoutes } from './mutual-aid.routes';

/** The mutual-aid module as the server mounts it; 待办: claims to review and approved claims to pay. */
export const mutualAidServer = defineServerModule({
  shared: mutualAidModule,
  indicators: mutualAidIndicators,
  importSpecs: () => [enrolmentImportSpec()],
  register: (app, deps) => registerMutualAidRoutes(app, deps),
  async seedDemo(deps, ctx) {
    await seedDemoMutualAid(deps, ctx);
  },
  due: [
    {
      permission: P.read.name,
      async list({ db, scope }) {
        const rows = await claimsDue(db, scope(), 500);
        return rows.map((r) => ({
          module: 'mutual-aid', kind: r.status, title: `${r.member_name}的理赔（${r.plan_name}）`, orgName: r.org_name, deadline: null,
          overdue: false, action: r.status === 'submitted' ? '审核理赔' : '支付理赔', href: `/mutual-aid?plan=${r.plan_id}&tab=claims&status=${r.status}`,
        }));
      },
    },
  ],
});
