export * from './engine';
export { readSheetRows, cellText, normaliseHeader, parseImportDate } from './reader';
export { importJobs, importRows } from './import.table';
export { failInterruptedJobs, findJob, listJobs } from './import.repository';
export { registerImportSpecRoutes, registerImportJobRoutes, ImportJobSchema, type ImportJob } from './routes';
