import type { PermissionSpec } from '@platform/access';

export const HardshipPermissions = {
  read: { name: 'hardship.read', label: '查看困难职工档案（家庭收支等敏感信息默认隐藏）' },
  write: { name: 'hardship.write', label: '受理困难职工申请：初审、入户调查、公示、回头看、退出' },
  file: { name: 'hardship.file', label: '困难职工审批建档（区总工会）' },
  sensitive: { name: 'hardship.sensitive', label: '查看困难职工家庭收支、疾病、残疾等敏感信息（每次查看都记入审计）' },
  config: { name: 'hardship.config', label: '设置低保标准和帮扶工作参数' },
  self: { name: 'hardship.self', label: '申请困难帮扶、查看本人档案进度' },
} as const satisfies Record<string, PermissionSpec>;

export const HARDSHIP_AUDIT_ACTIONS = {
  'hardship.apply': '困难帮扶申请',
  'hardship.transition': '困难职工档案办理',
  'hardship.assess': '家庭经济状况核定',
  'hardship.reveal': '查看困难职工敏感信息',
  'hardship.file_upload': '上传困难职工档案材料',
  'hardship.threshold': '设置低保标准',
  'hardship.settings': '设置帮扶工作参数',
  'hardship.aid': '帮扶发放与送温暖活动',
  'hardship.screening': '摸底排查',
} as const;
