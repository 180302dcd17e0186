import type { PermissionSpec } from '@platform/access';

export const MemberPermissions = {
  read: { name: 'member.read', label: '查看会员' },
  write: { name: 'member.write', label: '维护会员（入会、转会、退会、导入、审核入会申请）' },
  sensitive: { name: 'member.sensitive', label: '查看完整身份证号码和手机号码（每次查看都记入审计）' },
  self: { name: 'member.self', label: '查看本人会籍' },
} as const satisfies Record<string, PermissionSpec>;

export const MEMBER_AUDIT_ACTIONS = {
  'member.create': '登记会员',
  'member.update': '修改会员信息',
  'member.transfer': '会员转会',
  'member.transfer_request': '转会申请（提出、拒绝、撤回）',
  'member.leave': '会员退会',
  'member.transfer_all': '会员整体转会',
  'member.leave_all': '会员整体退会',
  'member.reveal': '查看会员敏感信息',
  'member.duplicate_dismiss': '标记非重复人员',
  'member.application_submit': '网上入会申请',
  'member.application_approve': '批准入会申请',
  'member.application_reject': '驳回入会申请',
  'import.apply': '批量导入',
} as const;
