import { defineServerModule } from '@platform/modules';
import { reportsModule } from '../shared/reports.module';
import { registerIndicatorRoutes } from './indicator.routes';
import { seedDemoReport } from './report-demo';
import { registerReportRoutes } from './report.routes';

/** The reports module: the indicator catalogue and the annual report over every module's figures. */
export const reportsServer = defineServerModule({
  shared: reportsModule,
  register(app, deps, ctx) {
    registerIndicatorRoutes(app, deps, ctx.catalogue);
    registerReportRoutes(app, deps, ctx.catalogue);
  },
  seedDemo: { load: seedDemoReport },
});
