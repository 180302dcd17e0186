/** Public API of the audit module (the audit page; writing audit rows is `@platform/audit`). */
export { auditServer } from './audit.module';
