import type { FastifyRequest } from 'fastify';
import { onPrincipalsChanged, type Principal } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { checkPasswordPolicy, hashPassword, hashToken, newToken, verifyPassword } from '@platform/auth';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { Database, DbOrTx } from '@platform/db';
import type { SessionResolver } from '@platform/http';
import { findRootOrg, countOrgs, insertOrg } from '@modules/organisations/server';
import { permissionsOf, type RolePermissions } from '../shared/roles';
import { AccountErrors } from './account.errors';
import * as repo from './account.repository';
import type { PrincipalSource, SessionState } from './account.repository';
import { PrincipalCache } from './principal-cache';

// A session's last activity is written at most this often; the idle timeout can end a session early by at most
// this much, so it stays a few seconds (and well under the idle limit itself, however short that is set).
const TOUCH_INTERVAL_MS = 5_000;

export function principalOf(a: PrincipalSource, session: { id: string; csrfToken: string }, grants: RolePermissions): Principal {
  const { permissions, subtree } = permissionsOf(a.roles, grants);
  return {
    accountId: a.account.id,
    username: a.account.username,
    displayName: a.account.displayName,
    orgId: a.account.orgId,
    orgPath: a.orgPath,
    roles: a.roles,
    permissions,
    scopePaths: subtree ? [a.orgPath] : [],
    sessionId: session.id,
    csrfToken: session.csrfToken,
    mustChangePassword: a.account.mustChangePassword,
  };
}

/**
 * How long a principal read for a session is kept in memory (decision record 0028). Changes reach the cache by
 * notice at once; the lifetime bounds how far a session's last activity written by another process can be behind
 * here (so it stays a small part of the idle limit, however short that is set).
 */
const PRINCIPAL_CACHE_MS = 10_000;

/**
 * Loads the principal behind a session cookie, enforcing the idle timeout and absolute lifetime
 * (等保 8.1.4.1 b). Disabled accounts have no sessions (they are deleted on disable) but are checked too.
 * A session read a moment ago is not read again (`PrincipalCache`): the cache follows the database's
 * `principals_changed` notices and this process's own changes, and keeps nothing while it cannot follow them.
 */
export async function sessionResolver(
  deps: AppDeps,
  grants: RolePermissions,
  database: Pick<Database, 'listen'>,
): Promise<{ resolve: SessionResolver; stop(): Promise<void> }> {
  const cache = new PrincipalCache<PrincipalSource & { session: SessionState }>(Math.min(PRINCIPAL_CACHE_MS, (deps.config.session.idleMinutes * 60_000) / 12), () =>
    deps.now().getTime(),
  );
  const stopLocal = onPrincipalsChanged(() => cache.forgetAndHold());
  const stopNotices = await database.listen(
    'principals_changed',
    () => cache.forget(),
    (following) => cache.setFollowing(following),
  );
  const resolve: SessionResolver = async (token) => {
    const id = hashToken(token);
    let found = cache.get(id);
    if (!found) {
      const generation = cache.begin();
      const read = await repo.findSessionWithAccount(deps.db, id);
      if (!read) return 'expired';
      cache.put(id, read, generation);
      found = read;
    }
    const { session, ...account } = found;
    const now = deps.now();
    const idleMs = deps.config.session.idleMinutes * 60_000;
    if (now.getTime() - session.lastSeenAt.getTime() > idleMs || now >= session.expiresAt) {
      cache.delete(id);
      await repo.deleteSession(deps.db, id);
      return 'expired';
    }
    if (account.account.disabledAt) return 'expired';
    if (now.getTime() - session.lastSeenAt.getTime() >= Math.min(TOUCH_INTERVAL_MS, idleMs / 12)) {
      await repo.touchSession(deps.db, id, now);
      session.lastSeenAt = now;
    }
    return principalOf(account, session, grants);
  };
  return {
    resolve,
    stop: async () => {
      stopLocal();
      await stopNotices();
    },
  };
}

async function startSession(deps: AppDeps, tx: DbOrTx, accountId: number, req: FastifyRequest): Promise<string> {
  const token = newToken();
  const now = deps.now();
  await repo.insertSession(tx, {
    id: hashToken(token),
    accountId,
    csrfToken: newToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.session.maxHours * 3_600_000),
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300),
  });
  return token;
}

let dummyHash: Promise<string> | null = null;

/**
 * Password login with per-account lockout. Unknown user, wrong password and a locked account give the same
 * answer and take the same time (a dummy hash is verified), so usernames cannot be probed.
 */
export async function login(
  deps: AppDeps,
  input: { username: string; password: string },
  req: FastifyRequest,
): Promise<{ token: string }> {
  const { db, config } = deps;
  const now = deps.now();
  const found = await repo.findAccountForAuth(db, { username: input.username });
  const failure = async (accountId: number | null, orgId: number | null, orgPath: string | null, summary: string) => {
    const root = orgPath ? null : await findRootOrg(db);
    await writeAudit(db, {
      actor: { accountId, name: input.username, ip: req.ip },
      action: 'auth.login',
      entityType: 'account',
      entityId: accountId,
      orgId: orgId ?? root?.id ?? null,
      orgPath: orgPath ?? root?.path ?? null,
      summary,
      outcome: 'failure',
    });
  };
  // Unknown user, wrong password and a locked account give one answer (same code, same words, same work), so a
  // lockout cannot tell a prober which usernames exist; the audit trail records which it was.
  const refused = () =>
    AccountErrors.INVALID_CREDENTIALS(
      `用户名或密码错误；连续输错 ${config.login.maxFailures} 次后账号将锁定 ${config.login.lockMinutes} 分钟，请稍后再试或联系管理员`,
    );
  const dummyVerify = async () => {
    dummyHash ??= hashPassword('not-a-real-password', config.passwordHashLogN);
    await verifyPassword(input.password, await dummyHash);
  };
  if (!found) {
    await dummyVerify();
    await failure(null, null, null, `登录失败：用户名「${input.username}」不存在`);
    throw refused();
  }
  const { account } = found;
  if (account.lockedUntil && account.lockedUntil > now) {
    await dummyVerify();
    await failure(account.id, account.orgId, found.orgPath, '登录失败：账号处于锁定期');
    throw refused();
  }
  if (!(await verifyPassword(input.password, account.passwordHash))) {
    const failures = await repo.incrementFailures(db, account.id);
    if (failures >= config.login.maxFailures) {
      const lockedUntil = new Date(now.getTime() + config.login.lockMinutes * 60_000);
      await db.transaction(async (tx) => {
        await repo.updateAccount(tx, account.id, { lockedUntil, failedAttempts: 0 });
        await writeAudit(tx, {
          actor: { accountId: account.id, name: account.username, ip: req.ip },
          action: 'auth.lockout',
          entityType: 'account',
          entityId: account.id,
          orgId: account.orgId,
          orgPath: found.orgPath,
          summary: `连续 ${failures} 次密码错误，账号「${account.username}」锁定 ${config.login.lockMinutes} 分钟`,
          outcome: 'failure',
        });
      });
      throw refused();
    }
    await failure(account.id, account.orgId, found.orgPath, `登录失败：密码错误（第 ${failures} 次）`);
    throw refused();
  }
  if (account.disabledAt) {
    await failure(account.id, account.orgId, found.orgPath, '登录失败：账号已停用');
    throw AccountErrors.DISABLED();
  }
  return db.transaction(async (tx) => {
    await repo.updateAccount(tx, account.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now });
    const token = await startSession(deps, tx, account.id, req);
    await writeAudit(tx, {
      actor: { accountId: account.id, name: `${account.displayName}（${account.username}）`, ip: req.ip },
      action: 'auth.login',
      entityType: 'account',
      entityId: account.id,
      orgId: account.orgId,
      orgPath: found.orgPath,
      summary: '登录成功',
    });
    return { token };
  });
}

export async function logout(deps: AppDeps, ctx: ActionContext): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, ctx.principal.sessionId);
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'auth.logout',
      entityType: 'account',
      entityId: ctx.principal.accountId,
      orgId: ctx.principal.orgId,
      orgPath: ctx.principal.orgPath,
      summary: '退出登录',
    });
  });
}

/** Changes one's own password; other sessions of the account end. */
export async function changeOwnPassword(
  deps: AppDeps,
  ctx: ActionContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const found = await repo.findAccountForAuth(deps.db, { id: ctx.principal.accountId });
  if (!found) throw AccountErrors.NOT_FOUND();
  if (!(await verifyPassword(input.currentPassword, found.account.passwordHash))) throw AccountErrors.WRONG_CURRENT_PASSWORD();
  if (input.currentPassword === input.newPassword) throw AccountErrors.SAME_PASSWORD();
  const weak = checkPasswordPolicy(input.newPassword, deps.config.password, found.account.username);
  if (weak) throw AccountErrors.WEAK_PASSWORD(`新密码：${weak}`);
  const passwordHash = await hashPassword(input.newPassword, deps.config.passwordHashLogN);
  await deps.db.transaction(async (tx) => {
    await repo.updateAccount(tx, found.account.id, { passwordHash, mustChangePassword: false, passwordChangedAt: deps.now() });
    await repo.deleteSessionsOf(tx, found.account.id, ctx.principal.sessionId);
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'auth.password_change',
      entityType: 'account',
      entityId: found.account.id,
      orgId: found.account.orgId,
      orgPath: found.orgPath,
      summary: '修改本人密码',
    });
  });
}

export async function needsSetup(deps: AppDeps): Promise<boolean> {
  return (await countOrgs(deps.db)) === 0;
}

/**
 * First run: creates the district federation (the root of the tree) and its first administrator, and
 * signs that administrator in. Refused once any organisation exists.
 */
export async function completeSetup(
  deps: AppDeps,
  input: { federationName: string; divisionCode: string; adminUsername: string; adminDisplayName: string; adminPassword: string },
  req: FastifyRequest,
): Promise<{ token: string }> {
  const weak = checkPasswordPolicy(input.adminPassword, deps.config.password, input.adminUsername);
  if (weak) throw AccountErrors.WEAK_PASSWORD(`管理员密码：${weak}`);
  const passwordHash = await hashPassword(input.adminPassword, deps.config.passwordHashLogN);
  return deps.db.transaction(async (tx) => {
    // Serialise concurrent first-run requests on PostgreSQL; a no-op cost on PGlite (one connection).
    await repo.lockForSetup(tx);
    if ((await countOrgs(tx)) > 0) throw AccountErrors.SETUP_DONE();
    const org = await insertOrg(
      tx,
      { parentId: null, name: input.federationName, code: input.divisionCode, kind: 'federation', divisionCode: input.divisionCode },
      null,
      0,
    );
    const account = await repo.insertAccount(
      tx,
      { username: input.adminUsername, displayName: input.adminDisplayName, orgId: org.id, passwordHash },
      ['district_admin'],
    );
    await writeAudit(tx, {
      actor: { accountId: account.id, name: `${account.displayName}（${account.username}）`, ip: req.ip },
      action: 'setup.complete',
      entityType: 'organisation',
      entityId: org.id,
      orgId: org.id,
      orgPath: org.path,
      summary: `系统初始化：创建「${org.name}」和管理员账号「${account.username}」`,
      after: { federationName: org.name, divisionCode: input.divisionCode, adminUsername: account.username },
    });
    const token = await startSession(deps, tx, account.id, req);
    return { token };
  });
}
