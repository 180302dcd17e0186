import type { PermissionSpec } from '@platform/access/permissions';
import { defineSharedModule } from '@platform/modules/shared';
import { STAFF } from '@modules/accounts/shared/roles';

export const CongressPermissions = {
  read: { name: 'congress.read', label: '查看职代会、职工代表、厂务公开和职工董事监事' },
  write: { name: 'congress.write', label: '登记职代会制度、职工代表、会议、提案、厂务公开和职工董事监事' },
  rules: { name: 'congress.rules', label: '设定职工代表人数和构成比例的标准（区总工会）' },
  self: { name: 'congress.self', label: '查看本单位厂务公开；职工代表本人提交提案、评价答复' },
} as const satisfies Record<string, PermissionSpec>;

/** The democratic management module's shared manifest: permissions with their default role grants, audit actions. */
export const congressesModule = defineSharedModule({
  name: 'congresses',
  label: '职代会和民主管理',
  permissions: [
    { permission: CongressPermissions.read, roles: STAFF },
    { permission: CongressPermissions.write, roles: STAFF },
    { permission: CongressPermissions.rules, roles: ['district_admin'] },
    { permission: CongressPermissions.self, roles: ['member'] },
  ],
  auditActions: {
    'congress.create': '建立职代会制度',
    'congress.update': '修改职代会制度',
    'congress.rules': '设定职代会代表构成标准',
    'congress_delegate.create': '登记职工代表',
    'congress_delegate.leave': '职工代表退出',
    'congress_session.create': '登记职代会会议',
    'congress_proposal.create': '登记职工代表提案',
    'congress_proposal.step': '办理职工代表提案',
    'disclosure.create': '登记厂务公开事项',
    'disclosure.update': '修改厂务公开事项',
    'worker_director.create': '登记职工董事、职工监事',
    'worker_director.update': '职工董事、职工监事述职或离任',
  },
});
