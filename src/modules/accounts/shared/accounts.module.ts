import { defineSharedModule } from '@platform/modules/shared';
import { ACCOUNT_AUDIT_ACTIONS, AccountPermissions as P } from './account.permissions';
import { ADMINS, ROLE_CODES, SELF_READ } from './roles';

/** The accounts module's shared manifest: permissions with their default role grants, audit actions. */
export const accountsModule = defineSharedModule({
  name: 'accounts',
  label: '账号管理',
  permissions: [
    { permission: P.read, roles: ADMINS },
    { permission: P.write, roles: ADMINS },
    // Every account may read its own record and change its password.
    { permission: { name: SELF_READ, label: '查看本人信息' }, roles: ROLE_CODES },
  ],
  auditActions: ACCOUNT_AUDIT_ACTIONS,
});
