import type { PermissionSpec } from '@platform/access/permissions';
import { defineSharedModule } from '@platform/modules/shared';
import { STAFF } from '@modules/accounts/shared/roles';

export const ContractPermissions = {
  read: { name: 'contracts.read', label: '查看集体合同（要约、协商、职代会表决、签订、报送审查、生效公布和履行）' },
  write: { name: 'contracts.write', label: '登记集体合同及其协商、表决、签订、报送、审查和履行情况，上传报送材料' },
  rules: { name: 'contracts.rules', label: '设定集体合同各环节的时限（自然日或工作日）和工作日历（区总工会）' },
} as const satisfies Record<string, PermissionSpec>;

/** The collective contracts module's shared manifest: permissions with their default role grants, audit actions. */
export const contractsModule = defineSharedModule({
  name: 'contracts',
  label: '集体合同',
  permissions: [
    { permission: ContractPermissions.read, roles: STAFF },
    { permission: ContractPermissions.write, roles: STAFF },
    { permission: ContractPermissions.rules, roles: ['district_admin'] },
  ],
  auditActions: {
    'contract.create': '登记集体合同要约',
    'contract.update': '修改集体合同',
    'contract.step': '办理集体合同事项',
    'contract.rules': '设定集体合同时限和工作日历',
  },
});
