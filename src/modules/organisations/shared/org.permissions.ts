import type { PermissionSpec } from '@platform/access';

export const OrgPermissions = {
  read: { name: 'org.read', label: '查看组织' },
  write: { name: 'org.write', label: '维护组织（新建、编辑、迁移、撤销）' },
} as const satisfies Record<string, PermissionSpec>;

/** Audit actions this module writes, with their Chinese labels. */
export const ORG_AUDIT_ACTIONS = {
  'org.create': '新建组织',
  'org.update': '修改组织',
  'org.move': '迁移组织',
  'org.close': '撤销组织',
  'org.reopen': '恢复组织',
} as const;
