import { defineSharedModule } from '@platform/modules/shared';
import { ORG_AUDIT_ACTIONS, OrgPermissions as P } from './org.permissions';

// Role codes spelled out: organisations sit below accounts, so they do not import its role groups.
const STAFF_ROLES = ['district_admin', 'district_staff', 'intermediate_admin', 'grassroots_admin'];

/** The organisations module's shared manifest: permissions with their default role grants, audit actions. */
export const organisationsModule = defineSharedModule({
  name: 'organisations',
  label: '组织管理',
  permissions: [
    { permission: P.read, roles: STAFF_ROLES },
    { permission: P.write, roles: STAFF_ROLES },
  ],
  auditActions: ORG_AUDIT_ACTIONS,
});
