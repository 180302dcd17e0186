import { defineSharedModule } from '@platform/modules/shared';
import { EMPLOYER_AUDIT_ACTIONS, EmployerPermissions as P } from './employer.permissions';

// Role codes spelled out: employers sit below accounts (accounts' organisations use them), so no import of its role groups.
const STAFF_ROLES = ['district_admin', 'district_staff', 'intermediate_admin', 'grassroots_admin'];

/** The employers module's shared manifest: permissions with their default role grants, audit actions. */
export const employersModule = defineSharedModule({
  name: 'employers',
  label: '建会与单位',
  permissions: [
    { permission: P.read, roles: STAFF_ROLES },
    { permission: P.write, roles: ['district_admin', 'district_staff', 'intermediate_admin'] },
  ],
  auditActions: EMPLOYER_AUDIT_ACTIONS,
});
