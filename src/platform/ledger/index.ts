/** The ledger kit (server side): column list, codes, scoped paged list query, audited formula-safe export, record attachments. */
export { defineCodes, type CodeLabels, type Codes } from './codes';
export { defineColumns, columnsIn, importColumns, importTextColumns, shownCell, type LedgerCell, type LedgerColumn } from './columns';
export { blanksAsNull } from './fields';
export { defineLedger, OPEN_PARAM, type Ledger, type LedgerRef } from './ledger';
export { sendLedgerXlsx, xlsxColumns } from './export';
export { ledgerWhere, ledgerPage, ledgerRawPage, type LedgerFilter } from './ledger.repository';
export { defineAttachments, missingKinds, attachmentUploadQuery, AttachmentSchema, AttachmentListSchema, AttachmentParamsSchema, type Attachment, type AttachmentList, type AttachmentSpec } from './attachments';
export {
  AttachmentErrors,
  deleteAttachment,
  listAttachments,
  missingAttachments,
  refuseMissingAttachments,
  sendAttachment,
  uploadAttachment,
  type AttachmentRecord,
  type FindAttachmentRecord,
} from './attachments.service';
export { ledgerAttachments } from './attachments.table';
export { registerAttachmentRoutes, type AttachmentRoutes } from './attachments.routes';
export { registerLedgerListRoutes, type LedgerListRoutes } from './list.routes';
