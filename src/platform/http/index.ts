export { createHttpServer, SESSION_COOKIE, CSRF_HEADER, webRoot, type SessionResolver, type RouteInfo, type AuditSink } from './server';
export { defineRoute, authorize, type HandlerContext, type RouteSpec } from './route';
export { fieldLabel, validationError, type FieldError } from './validation';
export { PageQuerySchema, IdParamsSchema, DateSchema } from './schemas';
export { sendDownload, recordExport, type ExportRecord } from './download';
