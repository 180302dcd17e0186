import type { PermissionSpec } from '@platform/access';

export const AuditPermissions = {
  read: { name: 'audit.read', label: '查看和导出操作日志' },
} as const satisfies Record<string, PermissionSpec>;
