export * from './engine';
export { readSheetRows, cellText, normaliseHeader, parseImportDate } from './reader';
export type { RowCheckModule } from './sheet.worker';
export { importJobs } from './import.table';
export { findJob, listJobs } from './import.repository';
export { SealedValue, type CopyValue, type StageValue, type ImportTarget } from './targets';
export { registerImportSpecRoutes, registerImportJobRoutes, ImportJobSchema, type ImportJob } from './routes';
export { codedField, yesNoField, normaliseCodeText, YES_NO_ENTRIES, type CodedField, type CodeEntry } from './codes';
export { decodeText, detectUploadFormat, parseCsv, type UploadFormat } from './csv';
