import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS, STAFF } from '@modules/accounts/shared/roles';
import { HARDSHIP_AUDIT_ACTIONS, HardshipPermissions as P } from './hardship.permissions';

/** The hardship module's shared manifest: permissions with their default role grants, audit actions. */
export const hardshipModule = defineSharedModule({
  name: 'hardship',
  label: '困难帮扶',
  permissions: [
    { permission: P.read, roles: STAFF },
    { permission: P.write, roles: STAFF },
    { permission: P.file, roles: ['district_admin', 'district_staff'] },
    // The union that keeps a hardship case enters and checks its finances (district staff see them masked).
    { permission: P.sensitive, roles: ADMINS },
    { permission: P.config, roles: ['district_admin'] },
    { permission: P.self, roles: ['member'] },
  ],
  auditActions: HARDSHIP_AUDIT_ACTIONS,
});
