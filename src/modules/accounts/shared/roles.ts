import type { OrgTier } from '@modules/organisations/shared/org-kinds';

export const SELF_READ = 'self.read';

interface RoleSpec {
  label: string;
  /** The tier of organisation an account with this role must belong to. */
  tier: OrgTier;
  /** `subtree`: the permissions hold over the account's organisation and everything under it; `self`: own record only. */
  scope: 'subtree' | 'self';
  /** Roles an account holding this role may give to others (within its subtree). */
  canAssign: RoleCode[];
}

export type RoleCode = 'district_admin' | 'district_staff' | 'intermediate_admin' | 'grassroots_admin' | 'member';

/** Every staff role (all but 会员): the usual grant of a module's read and write permissions. */
export const STAFF = ['district_admin', 'district_staff', 'intermediate_admin', 'grassroots_admin'] as const satisfies readonly RoleCode[];
/** The administrator roles at every tier (not district staff, not members). */
export const ADMINS = ['district_admin', 'intermediate_admin', 'grassroots_admin'] as const satisfies readonly RoleCode[];

/**
 * The roles of the platform: tier, scope and who may assign them. Which permissions a role holds is declared by
 * the modules (each manifest's grants, composed in src/server/modules.ts) and passed in as `RolePermissions`.
 */
export const ROLES: Record<RoleCode, RoleSpec> = {
  district_admin: {
    label: '区总工会管理员',
    tier: 'federation',
    scope: 'subtree',
    canAssign: ['district_admin', 'district_staff', 'intermediate_admin', 'grassroots_admin', 'member'],
  },
  district_staff: {
    label: '区总工会工作人员',
    tier: 'federation',
    scope: 'subtree',
    canAssign: [],
  },
  intermediate_admin: {
    label: '街道/产业工会管理员',
    tier: 'intermediate',
    scope: 'subtree',
    canAssign: ['intermediate_admin', 'grassroots_admin', 'member'],
  },
  grassroots_admin: {
    label: '基层工会管理员',
    tier: 'grassroots',
    scope: 'subtree',
    canAssign: ['grassroots_admin', 'member'],
  },
  member: {
    label: '会员',
    tier: 'grassroots',
    scope: 'self',
    canAssign: [],
  },
};

export const ROLE_CODES = Object.keys(ROLES) as [RoleCode, ...RoleCode[]];

export function isRoleCode(value: string): value is RoleCode {
  return value in ROLES;
}

/** Role code → the permission names it holds (from the modules' grants). */
export type RolePermissions = Readonly<Record<string, readonly string[]>>;

/** The permissions and whether the account administers a subtree, from its roles. */
export function permissionsOf(roles: string[], grants: RolePermissions): { permissions: Set<string>; subtree: boolean } {
  const permissions = new Set<string>();
  let subtree = false;
  for (const r of roles) {
    if (!isRoleCode(r)) continue;
    grants[r]?.forEach((p) => permissions.add(p));
    if (ROLES[r].scope === 'subtree') subtree = true;
  }
  return { permissions, subtree };
}

export function assignableRoles(roles: string[]): Set<RoleCode> {
  const out = new Set<RoleCode>();
  for (const r of roles) if (isRoleCode(r)) ROLES[r].canAssign.forEach((x) => out.add(x));
  return out;
}
