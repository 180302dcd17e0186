import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS, STAFF } from '@modules/accounts/shared/roles';
import { HEALTH_CHECK_AUDIT_ACTIONS, HealthCheckPermissions as P } from './health-check.permissions';

/** The health-checks module's shared manifest: permissions with their default role grants, audit actions. */
export const healthChecksModule = defineSharedModule({
  name: 'health-checks',
  label: '免费体检',
  permissions: [
    { permission: P.read, roles: STAFF },
    { permission: P.write, roles: STAFF },
    { permission: P.manage, roles: ['district_admin', 'district_staff'] },
    { permission: P.results, roles: ADMINS },
    { permission: P.self, roles: ['member'] },
  ],
  auditActions: HEALTH_CHECK_AUDIT_ACTIONS,
});
