import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS } from '@modules/accounts/shared/roles';
import { STANDARD_AUDIT_ACTIONS, StandardPermissions as P } from './standard.permissions';

/** The standards module's shared manifest: permissions with their default role grants, audit actions. */
export const standardsModule = defineSharedModule({
  name: 'standards',
  label: '规范化建设',
  permissions: [
    { permission: P.manage, roles: ['district_admin'] },
    { permission: P.assess, roles: ADMINS },
    { permission: P.review, roles: ['district_admin', 'district_staff', 'intermediate_admin'] },
  ],
  auditActions: STANDARD_AUDIT_ACTIONS,
});
