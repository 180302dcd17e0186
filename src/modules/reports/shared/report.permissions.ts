import type { PermissionSpec } from '@platform/access';

export const ReportPermissions = {
  read: { name: 'report.read', label: '查看统计指标和报告' },
} as const satisfies Record<string, PermissionSpec>;
