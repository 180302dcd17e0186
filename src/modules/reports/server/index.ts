import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '@platform/context';
import type { IndicatorCatalogue } from '@platform/indicators';
import { registerIndicatorRoutes } from './indicator.routes';
import { registerReportRoutes } from './report.routes';

/** Mounts the indicator catalogue and the annual report over the catalogue every module registered into. */
export function registerReportsModule(app: FastifyInstance, deps: AppDeps, catalogue: IndicatorCatalogue): void {
  registerIndicatorRoutes(app, deps, catalogue);
  registerReportRoutes(app, deps, catalogue);
}
export { insertReport } from './report.repository';
