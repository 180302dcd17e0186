import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS } from '@modules/accounts/shared/roles';
import { AuditPermissions as P } from './audit.permissions';

/** The audit module's shared manifest: permissions with their default role grants, audit actions. */
export const auditModule = defineSharedModule({
  name: 'audit',
  label: '操作日志',
  permissions: [{ permission: P.read, roles: ADMINS }],
  auditActions: {},
});
