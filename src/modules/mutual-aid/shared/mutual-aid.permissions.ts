import type { PermissionSpec } from '@platform/access';

export const MutualAidPermissions = {
  read: { name: 'mutualaid.read', label: '查看职工大病互助计划、参保名单和理赔' },
  write: { name: 'mutualaid.write', label: '为本单位会员办理参保（含 Excel 批量参保）和提交理赔申请' },
  manage: { name: 'mutualaid.manage', label: '设立互助计划、分配参保任务，审核和支付理赔（区总工会）' },
  sensitive: { name: 'mutualaid.sensitive', label: '查看理赔的疾病诊断（每次查看都记入审计）' },
  self: { name: 'mutualaid.self', label: '查看本人参保和理赔进度' },
} as const satisfies Record<string, PermissionSpec>;

export const MUTUAL_AID_AUDIT_ACTIONS = {
  'mutualaid.plan': '大病互助计划',
  'mutualaid.enrol': '大病互助参保',
  'mutualaid.claim': '大病互助理赔',
  'mutualaid.reveal': '查看理赔诊断',
} as const;
