export { writeAudit, type AuditActor, type AuditEvent } from './audit';
export { auditEvents } from './audit.table';
export { PLATFORM_AUDIT_ACTIONS, AUDIT_CATEGORIES, type AuditCategory } from './actions';
