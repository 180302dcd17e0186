import type { PermissionSpec } from '@platform/access';

export const StandardPermissions = {
  manage: { name: 'standard.manage', label: '维护规范化建设检查标准（六有、六好等）' },
  assess: { name: 'standard.assess', label: '填报规范化建设自评、上传佐证材料' },
  review: { name: 'standard.review', label: '审核下级工会的规范化建设自评' },
} as const satisfies Record<string, PermissionSpec>;

export const STANDARD_AUDIT_ACTIONS = {
  'standard.checklist': '维护检查标准',
  'standard.publish': '发布检查标准',
  'standard.self': '填报规范化建设自评',
  'standard.evidence': '上传或删除佐证材料',
  'standard.submit': '提交规范化建设自评',
  'standard.review': '审核规范化建设自评',
  'standard.honour': '登记或撤销荣誉',
} as const;
