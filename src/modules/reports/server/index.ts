/** Public API of the reports module. */
export { reportsServer } from './reports.module';
