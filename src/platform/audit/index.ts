export { writeAudit, type AuditActor, type AuditEvent } from './audit';
export { auditEvents } from './audit.table';
