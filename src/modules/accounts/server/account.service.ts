import { scopeFor, type Scope } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { checkPasswordPolicy, generatePassword, hashPassword } from '@platform/auth';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import { findOrgInScope } from '@modules/organisations/server';
import { ORG_KINDS, type OrgKind } from '@modules/organisations/shared/org-kinds';
import { AccountPermissions } from '../shared/account.permissions';
import { assignableRoles, ROLES, type RoleCode } from '../shared/roles';
import { AccountErrors } from './account.errors';
import { auditSnapshot } from './account.presenter';
import * as repo from './account.repository';
import type { AccountWithOrg } from './account.repository';

function writeScope(ctx: ActionContext): Scope {
  return scopeFor(ctx.principal, AccountPermissions.write.name);
}

/** Roles must be ones the actor may give, and fit the tier of the account's organisation. */
function checkRoles(ctx: ActionContext, roles: RoleCode[], orgKind: OrgKind) {
  const allowed = assignableRoles(ctx.principal.roles);
  for (const role of roles) {
    if (!allowed.has(role)) throw AccountErrors.ROLE_NOT_ASSIGNABLE(`您不能分配「${ROLES[role].label}」角色`);
    const tier = ORG_KINDS[orgKind].tier;
    if (ROLES[role].tier !== tier) {
      throw AccountErrors.ROLE_TIER_MISMATCH(`「${ROLES[role].label}」角色只能用于${tierName(ROLES[role].tier)}的账号`);
    }
  }
}

function tierName(tier: string) {
  return tier === 'federation' ? '区总工会' : tier === 'intermediate' ? '街道/产业工会' : '基层工会';
}

/** Loads an account the actor may manage: inside the write scope, not holding a role the actor cannot give. */
async function requireManageable(tx: DbOrTx, ctx: ActionContext, id: number): Promise<AccountWithOrg> {
  const found = await repo.findAccountInScope(tx, writeScope(ctx), id);
  if (!found) throw AccountErrors.NOT_FOUND();
  const allowed = assignableRoles(ctx.principal.roles);
  if (found.roles.some((r) => !allowed.has(r as RoleCode))) throw AccountErrors.MANAGED_BY_HIGHER();
  return found;
}

function audit(tx: DbOrTx, ctx: ActionContext, a: AccountWithOrg, action: string, summary: string, before?: unknown, after?: unknown) {
  return writeAudit(tx, {
    actor: actorOf(ctx),
    action,
    entityType: 'account',
    entityId: a.account.id,
    orgId: a.account.orgId,
    orgPath: a.orgPath,
    summary,
    before,
    after,
  });
}

export async function createAccount(
  deps: AppDeps,
  ctx: ActionContext,
  input: { username: string; displayName: string; orgId: number; roles: RoleCode[]; password?: string | undefined },
): Promise<{ id: number; temporaryPassword: string | null }> {
  const temporaryPassword = input.password ? null : generatePassword();
  const password = input.password ?? temporaryPassword!;
  const weak = checkPasswordPolicy(password, deps.config.password, input.username);
  if (weak) throw AccountErrors.WEAK_PASSWORD(`初始密码：${weak}`);
  const passwordHash = await hashPassword(password, deps.config.passwordHashLogN);
  return deps.db.transaction(async (tx) => {
    const org = await findOrgInScope(tx, writeScope(ctx), input.orgId);
    if (!org) throw AccountErrors.ORG_NOT_FOUND();
    if (org.org.closedOn) throw AccountErrors.ORG_CLOSED();
    checkRoles(ctx, input.roles, org.org.kind as OrgKind);
    if (await repo.usernameTaken(tx, input.username)) throw AccountErrors.USERNAME_TAKEN();
    const roles = [...new Set(input.roles)];
    const account = await repo.insertAccount(
      tx,
      { username: input.username, displayName: input.displayName, orgId: org.org.id, passwordHash, mustChangePassword: true },
      roles,
    );
    await audit(
      tx,
      ctx,
      { account, orgName: org.org.name, orgPath: org.org.path, roles },
      'account.create',
      `在「${org.org.name}」新建账号「${account.username}」（${roles.map((r) => ROLES[r].label).join('、')}）`,
      undefined,
      auditSnapshot(account, roles),
    );
    return { id: account.id, temporaryPassword };
  });
}

export async function updateAccount(
  deps: AppDeps,
  ctx: ActionContext,
  id: number,
  input: { displayName?: string | undefined; roles?: RoleCode[] | undefined },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const found = await requireManageable(tx, ctx, id);
    const roles = input.roles ? [...new Set(input.roles)] : found.roles;
    if (input.roles) {
      if (id === ctx.principal.accountId) throw AccountErrors.SELF_ACTION('不能修改自己的角色，请联系其他管理员');
      const org = await findOrgInScope(tx, writeScope(ctx), found.account.orgId);
      checkRoles(ctx, input.roles, org!.org.kind as OrgKind);
      await repo.replaceRoles(tx, id, roles);
    }
    if (input.displayName) await repo.updateAccount(tx, id, { displayName: input.displayName });
    const after = { ...found.account, displayName: input.displayName ?? found.account.displayName };
    await audit(
      tx,
      ctx,
      found,
      'account.update',
      `修改账号「${found.account.username}」`,
      auditSnapshot(found.account, found.roles),
      auditSnapshot(after, roles),
    );
  });
}

/** Sets a new password (typed, or generated and returned once); the account must change it at next login. */
export async function resetPassword(
  deps: AppDeps,
  ctx: ActionContext,
  id: number,
  password: string | undefined,
): Promise<{ temporaryPassword: string | null }> {
  return deps.db.transaction(async (tx) => {
    const found = await requireManageable(tx, ctx, id);
    if (id === ctx.principal.accountId) throw AccountErrors.SELF_ACTION('请在「修改密码」页面修改自己的密码');
    const temporaryPassword = password ? null : generatePassword();
    const weak = checkPasswordPolicy(password ?? temporaryPassword!, deps.config.password, found.account.username);
    if (weak) throw AccountErrors.WEAK_PASSWORD(`新密码：${weak}`);
    const passwordHash = await hashPassword(password ?? temporaryPassword!, deps.config.passwordHashLogN);
    await repo.updateAccount(tx, id, {
      passwordHash,
      mustChangePassword: true,
      failedAttempts: 0,
      lockedUntil: null,
      passwordChangedAt: deps.now(),
    });
    await repo.deleteSessionsOf(tx, id);
    await audit(tx, ctx, found, 'account.reset_password', `重置账号「${found.account.username}」的密码`);
    return { temporaryPassword };
  });
}

export async function setDisabled(deps: AppDeps, ctx: ActionContext, id: number, disabled: boolean): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const found = await requireManageable(tx, ctx, id);
    if (id === ctx.principal.accountId) throw AccountErrors.SELF_ACTION('不能停用自己的账号');
    if (disabled && found.account.disabledAt) throw AccountErrors.ALREADY_DISABLED();
    if (!disabled && !found.account.disabledAt) throw AccountErrors.NOT_DISABLED();
    if (disabled) {
      await repo.updateAccount(tx, id, { disabledAt: deps.now() });
      await repo.deleteSessionsOf(tx, id);
    } else {
      await repo.updateAccount(tx, id, { disabledAt: null, failedAttempts: 0, lockedUntil: null });
    }
    await audit(
      tx,
      ctx,
      found,
      disabled ? 'account.disable' : 'account.enable',
      `${disabled ? '停用' : '启用'}账号「${found.account.username}」`,
    );
  });
}

export async function unlockAccount(deps: AppDeps, ctx: ActionContext, id: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const found = await requireManageable(tx, ctx, id);
    await repo.updateAccount(tx, id, { failedAttempts: 0, lockedUntil: null });
    await audit(tx, ctx, found, 'account.unlock', `解除账号「${found.account.username}」的登录锁定`);
  });
}
