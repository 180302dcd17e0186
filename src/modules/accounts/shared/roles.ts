import { AuditPermissions } from '@modules/audit/shared/audit.permissions';
import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import type { OrgTier } from '@modules/organisations/shared/org-kinds';
import { ReportPermissions } from '@modules/reports/shared/report.permissions';
import { AccountPermissions } from './account.permissions';
import { EmployerPermissions } from '@modules/employers/shared/employer.permissions';
import { MemberPermissions } from '@modules/members/shared/member.permissions';
import { StandardPermissions } from '@modules/standards/shared/standard.permissions';
import { HardshipPermissions } from '@modules/hardship/shared/hardship.permissions';
import { MutualAidPermissions } from '@modules/mutual-aid/shared/mutual-aid.permissions';
import { HealthCheckPermissions } from '@modules/health-checks/shared/health-check.permissions';

export const SELF_READ = 'self.read';

interface RoleSpec {
  label: string;
  /** The tier of organisation an account with this role must belong to. */
  tier: OrgTier;
  /** `subtree`: the permissions hold over the account's organisation and everything under it; `self`: own record only. */
  scope: 'subtree' | 'self';
  permissions: string[];
  /** Roles an account holding this role may give to others (within its subtree). */
  canAssign: RoleCode[];
}

export type RoleCode = 'district_admin' | 'district_staff' | 'intermediate_admin' | 'grassroots_admin' | 'member';

const adminPermissions = [
  OrgPermissions.read.name,
  OrgPermissions.write.name,
  AccountPermissions.read.name,
  AccountPermissions.write.name,
  AuditPermissions.read.name,
  ReportPermissions.read.name,
  ReportPermissions.write.name,
  MemberPermissions.read.name,
  MemberPermissions.write.name,
  MemberPermissions.sensitive.name,
  EmployerPermissions.read.name,
  StandardPermissions.assess.name,
  HardshipPermissions.read.name,
  HardshipPermissions.write.name,
  MutualAidPermissions.read.name,
  MutualAidPermissions.write.name,
  MutualAidPermissions.sensitive.name,
  HealthCheckPermissions.read.name,
  HealthCheckPermissions.write.name,
  HealthCheckPermissions.results.name,
  SELF_READ,
];

/** The roles of the platform. Permissions are the union over an account's roles. */
export const ROLES: Record<RoleCode, RoleSpec> = {
  district_admin: {
    label: '区总工会管理员',
    tier: 'federation',
    scope: 'subtree',
    permissions: [
      ...adminPermissions,
      EmployerPermissions.write.name,
      StandardPermissions.manage.name,
      StandardPermissions.review.name,
      HardshipPermissions.file.name,
      HardshipPermissions.sensitive.name,
      HardshipPermissions.config.name,
      MutualAidPermissions.manage.name,
      HealthCheckPermissions.manage.name,
    ],
    canAssign: ['district_admin', 'district_staff', 'intermediate_admin', 'grassroots_admin', 'member'],
  },
  district_staff: {
    label: '区总工会工作人员',
    tier: 'federation',
    scope: 'subtree',
    permissions: [
      OrgPermissions.read.name,
      OrgPermissions.write.name,
      ReportPermissions.read.name,
      MemberPermissions.read.name,
      MemberPermissions.write.name,
      EmployerPermissions.read.name,
      EmployerPermissions.write.name,
      StandardPermissions.review.name,
      HardshipPermissions.read.name,
      HardshipPermissions.write.name,
      HardshipPermissions.file.name,
      MutualAidPermissions.read.name,
      MutualAidPermissions.write.name,
      MutualAidPermissions.manage.name,
      HealthCheckPermissions.read.name,
      HealthCheckPermissions.write.name,
      HealthCheckPermissions.manage.name,
      SELF_READ,
    ],
    canAssign: [],
  },
  intermediate_admin: {
    label: '街道/产业工会管理员',
    tier: 'intermediate',
    scope: 'subtree',
    permissions: [...adminPermissions, EmployerPermissions.write.name, StandardPermissions.review.name, HardshipPermissions.sensitive.name],
    canAssign: ['intermediate_admin', 'grassroots_admin', 'member'],
  },
  grassroots_admin: {
    label: '基层工会管理员',
    tier: 'grassroots',
    scope: 'subtree',
    // The union that keeps a hardship case enters and checks its finances (district staff see them masked).
    permissions: [...adminPermissions, HardshipPermissions.sensitive.name],
    canAssign: ['grassroots_admin', 'member'],
  },
  member: {
    label: '会员',
    tier: 'grassroots',
    scope: 'self',
    permissions: [SELF_READ, MemberPermissions.self.name, HardshipPermissions.self.name, HealthCheckPermissions.self.name, MutualAidPermissions.self.name],
    canAssign: [],
  },
};

export const ROLE_CODES = Object.keys(ROLES) as [RoleCode, ...RoleCode[]];

export function isRoleCode(value: string): value is RoleCode {
  return value in ROLES;
}

/** The permissions and whether the account administers a subtree, from its roles. */
export function permissionsOf(roles: string[]): { permissions: Set<string>; subtree: boolean } {
  const permissions = new Set<string>();
  let subtree = false;
  for (const r of roles) {
    if (!isRoleCode(r)) continue;
    ROLES[r].permissions.forEach((p) => permissions.add(p));
    if (ROLES[r].scope === 'subtree') subtree = true;
  }
  return { permissions, subtree };
}

export function assignableRoles(roles: string[]): Set<RoleCode> {
  const out = new Set<RoleCode>();
  for (const r of roles) if (isRoleCode(r)) ROLES[r].canAssign.forEach((x) => out.add(x));
  return out;
}
