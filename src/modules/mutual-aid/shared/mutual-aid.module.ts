import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS, STAFF } from '@modules/accounts/shared/roles';
import { MUTUAL_AID_AUDIT_ACTIONS, MutualAidPermissions as P } from './mutual-aid.permissions';

/** The mutual-aid module's shared manifest: permissions with their default role grants, audit actions. */
export const mutualAidModule = defineSharedModule({
  name: 'mutual-aid',
  label: '大病互助',
  permissions: [
    { permission: P.read, roles: STAFF },
    { permission: P.write, roles: STAFF },
    { permission: P.manage, roles: ['district_admin', 'district_staff'] },
    { permission: P.sensitive, roles: ADMINS },
    { permission: P.self, roles: ['member'] },
  ],
  auditActions: MUTUAL_AID_AUDIT_ACTIONS,
});
