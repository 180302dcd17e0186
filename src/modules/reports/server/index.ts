/** Public API of the reports module. */
export { reportsServer } from './reports.module';
export { reports } from './report.table';
export { insertReport } from './report.repository';
