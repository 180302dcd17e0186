import type { PermissionSpec } from '@platform/access';

export const EmployerPermissions = {
  read: { name: 'employer.read', label: '查看用人单位与建会空白点' },
  write: { name: 'employer.write', label: '维护用人单位（登记、导入、建会进度、工会覆盖）' },
} as const satisfies Record<string, PermissionSpec>;

export const EMPLOYER_AUDIT_ACTIONS = {
  'employer.create': '登记用人单位',
  'employer.update': '修改用人单位',
  'employer.cover': '设置工会覆盖',
  'employer.uncover': '取消工会覆盖',
  'employer.founding': '更新建会进度',
  'employer.found': '完成建会',
} as const;
