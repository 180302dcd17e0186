import type { PermissionSpec } from '@platform/access';

export const ReportPermissions = {
  read: { name: 'report.read', label: '查看统计指标和报告' },
  write: { name: 'report.write', label: '编写、定稿本单位的述职报告' },
} as const satisfies Record<string, PermissionSpec>;
