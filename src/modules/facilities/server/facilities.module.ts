import { defineServerModule } from '@platform/modules';
import { facilitiesModule, FacilityPermissions } from '../shared/facilities.module';
import { seedDemoFacilities } from './facilities-demo';
import { facilityImportSpec } from './facility.import';
import { facilityIndicators } from './facility.indicators';
import { listFacilities } from './facility.repository';
import { registerFacilityRoutes } from './facility.routes';
import { registerPublicFacilityRoutes } from './public-facilities.routes';

/** The worker-facilities module as the server mounts it: the register, its inspections, the public finder, 待办. */
export const facilitiesServer = defineServerModule({
  shared: facilitiesModule,
  indicators: facilityIndicators,
  importSpecs: () => [facilityImportSpec()],
  register: (app, deps) => {
    registerFacilityRoutes(app, deps);
    registerPublicFacilityRoutes(app, deps);
  },
  seedDemo: { load: seedDemoFacilities },
  due: [
    {
      permission: FacilityPermissions.read.name,
      async list({ db, scope, today }) {
        const { rows } = await listFacilities(db, scope(), today, { status: 'due', page: 1, pageSize: 500 }, null);
        const ACTION: Record<string, string> = { declared: '验收申报的阵地', accepted: '挂牌上图', rectifying: '整改复查', operating: '年度复验' };
        return rows.map((r) => ({
          module: 'facilities', kind: r.facility.status, title: r.facility.name, orgName: r.orgName, deadline: r.dueOn,
          overdue: !!r.dueOn && r.dueOn < today, action: ACTION[r.facility.status] ?? '办理', href: `/facilities?open=${r.facility.id}`,
        }));
      },
    },
  ],
});
