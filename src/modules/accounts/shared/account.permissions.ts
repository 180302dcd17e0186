import type { PermissionSpec } from '@platform/access';

export const AccountPermissions = {
  read: { name: 'account.read', label: '查看账号' },
  write: { name: 'account.write', label: '管理账号（新建、分配角色、重置密码、停用）' },
} as const satisfies Record<string, PermissionSpec>;

export const ACCOUNT_AUDIT_ACTIONS = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号锁定',
  'auth.password_change': '修改本人密码',
  'setup.complete': '系统初始化',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.reset_password': '重置密码',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.unlock': '解除锁定',
  'demo.seed': '生成演示数据',
} as const;
