import { defineServerModule } from '@platform/modules';
import { healthChecksModule } from '../shared/health-checks.module';
import { HealthCheckPermissions as P } from '../shared/health-check.permissions';
import { seedDemoHealthChecks } from './health-check-demo';
import { healthCheckIndicators } from './health-check.indicators';
import { dueProgrammes } from './health-check.repository';
import { registerHealthCheckRoutes } from './health-check.routes';

/** The health-checks module as the server mounts it; 待办 per programme: results to record, bookings past their date. */
export const healthChecksServer = defineServerModule({
  shared: healthChecksModule,
  indicators: healthCheckIndicators,
  register: (app, deps) => registerHealthCheckRoutes(app, deps),
  async seedDemo(deps, ctx) {
    await seedDemoHealthChecks(deps, { district: ctx.district });
  },
  due: [
    {
      permission: P.read.name,
      async list({ db, scope, today }) {
        const rows = await dueProgrammes(db, scope(), today);
        const href = (id: number, due: string) => `/health-checks?programme=${id}&due=${due}`;
        return rows.flatMap((r) => [
          ...(r.overdue
            ? [{ module: 'health-checks', kind: 'overdue', title: `${r.name}：${r.overdue} 人过了预约日期未体检`, orgName: r.org_name, deadline: r.first_slot, overdue: true, action: '跟进未体检的预约', href: href(r.programme_id, 'overdue') }]
            : []),
          ...(r.results
            ? [{ module: 'health-checks', kind: 'results', title: `${r.name}：${r.results} 人已体检待登记结果`, orgName: r.org_name, deadline: null, overdue: false, action: '登记体检结果', href: href(r.programme_id, 'results') }]
            : []),
        ]);
      },
    },
  ],
});
