import type { PermissionSpec } from '@platform/access/permissions';
import { defineSharedModule } from '@platform/modules/shared';
import { STAFF } from '@modules/accounts/shared/roles';

export const EmploymentPermissions = {
  read: { name: 'employment.read', label: '查看就业服务台账（企业用工信息、招聘会、就业援助）' },
  write: { name: 'employment.write', label: '录入、修改和导入企业用工信息，登记招聘会及参会单位，登记就业援助服务' },
} as const satisfies Record<string, PermissionSpec>;

/** The employment-services module's shared manifest: permissions with their default role grants, audit actions. */
export const employmentModule = defineSharedModule({
  name: 'employment',
  label: '就业服务',
  permissions: [
    { permission: EmploymentPermissions.read, roles: STAFF },
    { permission: EmploymentPermissions.write, roles: STAFF },
  ],
  auditActions: {
    'hiring.create': '录入企业用工信息',
    'hiring.update': '修改企业用工信息',
    'hiring.fill': '企业用工信息标记为已招满',
    'hiring.interest': '公开页登记求职意向',
    'hiring.interest_reveal': '查看求职意向人员的手机号码',
    'hiring.interest_purge': '求职意向保存期限届满自动删除',
    'job_fair.create': '登记招聘会',
    'job_fair.update': '修改招聘会',
    'job_fair.enterprise_add': '招聘会新增参会单位',
    'job_fair.enterprise_remove': '招聘会移除参会单位',
    'seeker_service.create': '登记就业援助服务',
    'seeker_service.update': '修改就业援助服务',
  },
});
