import type { PermissionSpec } from '@platform/access';

export const HealthCheckPermissions = {
  read: { name: 'healthcheck.read', label: '查看免费体检项目和报名名单' },
  write: { name: 'healthcheck.write', label: '为本单位职工报名免费体检、登记体检完成' },
  manage: { name: 'healthcheck.manage', label: '设立免费体检项目、分配各类人群名额（区总工会）' },
  results: { name: 'healthcheck.results', label: '登记和查看体检结果（健康信息，每次查看都记入审计）' },
  self: { name: 'healthcheck.self', label: '本人报名免费体检、查看本人体检结果' },
} as const satisfies Record<string, PermissionSpec>;

export const HEALTH_CHECK_AUDIT_ACTIONS = {
  'healthcheck.programme': '免费体检项目',
  'healthcheck.signup': '免费体检报名',
  'healthcheck.result': '登记体检结果',
  'healthcheck.reveal': '查看体检结果',
} as const;
