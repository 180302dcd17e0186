import type { PermissionSpec } from '@platform/access/permissions';
import { defineSharedModule } from '@platform/modules/shared';
import { ADMINS, STAFF } from '@modules/accounts/shared/roles';

export const LegalPermissions = {
  read: { name: 'legal.read', label: '查看普法活动和法律服务案件（职工姓名、电话和案情脱敏显示）' },
  write: { name: 'legal.write', label: '登记普法活动，受理、办理和办结法律服务案件' },
  sensitive: { name: 'legal.sensitive', label: '查看法律服务案件的职工姓名、电话、案情和办理记录（每次查看都记入审计）' },
  self: { name: 'legal.self', label: '本人申请法律帮助、查看本人的求助办理情况' },
} as const satisfies Record<string, PermissionSpec>;

/** The legal education and legal services module's shared manifest: permissions with their default role grants, audit actions. */
export const legalModule = defineSharedModule({
  name: 'legal',
  label: '普法和法律服务',
  permissions: [
    { permission: LegalPermissions.read, roles: STAFF },
    { permission: LegalPermissions.write, roles: STAFF },
    { permission: LegalPermissions.sensitive, roles: ADMINS },
    { permission: LegalPermissions.self, roles: ['member'] },
  ],
  auditActions: {
    'legal_event.create': '登记普法活动',
    'legal_event.update': '修改普法活动',
    'legal_case.create': '登记法律服务案件',
    'legal_case.request': '职工网上申请法律帮助',
    'legal_case.step': '办理法律服务案件',
    'legal_case.reveal': '查看法律服务案件的个人信息和案情',
  },
});
