/** Public web API of the reports module. */
export { reportRoutes } from './routes';
export { Dashboard, reportsWeb } from './reports.module';
