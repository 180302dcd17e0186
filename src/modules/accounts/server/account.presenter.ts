import { isRoleCode, ROLES } from '../shared/roles';
import type { AccountDto } from '../shared/account.schema';
import type { AccountWithOrg } from './account.repository';

export function accountStatus(a: AccountWithOrg['account'], now: Date): AccountDto['status'] {
  if (a.disabledAt) return 'disabled';
  if (a.lockedUntil && a.lockedUntil > now) return 'locked';
  return 'active';
}

/** Row → DTO; the password hash and counters never leave the server. */
export function presentAccount(a: AccountWithOrg, now: Date): AccountDto {
  return {
    id: a.account.id,
    username: a.account.username,
    displayName: a.account.displayName,
    orgId: a.account.orgId,
    orgName: a.orgName,
    roles: a.roles.map((code) => ({ code, label: isRoleCode(code) ? ROLES[code].label : code })),
    status: accountStatus(a.account, now),
    lockedUntil: a.account.lockedUntil && a.account.lockedUntil > now ? a.account.lockedUntil.toISOString() : null,
    lastLoginAt: a.account.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: a.account.mustChangePassword,
    createdAt: a.account.createdAt.toISOString(),
  };
}

export function auditSnapshot(a: { username: string; displayName: string; orgId: number }, roles: string[]) {
  return { username: a.username, displayName: a.displayName, orgId: a.orgId, roles };
}
