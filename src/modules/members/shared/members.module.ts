import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS, STAFF } from '@modules/accounts/shared/roles';
import { MEMBER_AUDIT_ACTIONS, MemberPermissions as P } from './member.permissions';

/** The members module's shared manifest: permissions with their default role grants, audit actions. */
export const membersModule = defineSharedModule({
  name: 'members',
  label: '会员管理',
  permissions: [
    { permission: P.read, roles: STAFF },
    { permission: P.write, roles: STAFF },
    { permission: P.sensitive, roles: ADMINS },
    { permission: P.self, roles: ['member'] },
  ],
  auditActions: MEMBER_AUDIT_ACTIONS,
});
