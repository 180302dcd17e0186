import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS, STAFF } from '@modules/accounts/shared/roles';
import { ReportPermissions as P } from './report.permissions';
import { REPORT_AUDIT_ACTIONS } from './report.schema';

/** The reports module's shared manifest: permissions with their default role grants, audit actions. */
export const reportsModule = defineSharedModule({
  name: 'reports',
  label: '统计与报告',
  permissions: [
    { permission: P.read, roles: STAFF },
    { permission: P.write, roles: ADMINS },
  ],
  auditActions: REPORT_AUDIT_ACTIONS,
});
