import { and, asc, count, eq, gt, ilike, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { escapeLike, principalsChanged, scopeCondition, type Scope } from '@platform/access';
import { statement, type DbOrTx } from '@platform/db';
import { organisations } from '@modules/organisations/server';
import type { AccountListQuery } from '../shared/account.schema';
import { accountRoles, accounts, sessions, type AccountRow } from './account.table';

export interface AccountWithOrg {
  account: AccountRow;
  orgName: string;
  orgPath: string;
  roles: string[];
}

/** The account fields a principal is made of (what the session lookup reads). */
export type PrincipalSource = Omit<AccountWithOrg, 'account'> & {
  account: Pick<AccountRow, 'id' | 'username' | 'displayName' | 'orgId' | 'mustChangePassword' | 'disabledAt'>;
};

/** What the session lookup reads of the session itself. */
export interface SessionState {
  id: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

const columns = { account: accounts, orgName: organisations.name, orgPath: organisations.path };

async function withRoles(db: DbOrTx, rows: { account: AccountRow; orgName: string; orgPath: string }[]): Promise<AccountWithOrg[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .select()
    .from(accountRoles)
    .where(inArray(accountRoles.accountId, rows.map((r) => r.account.id)))
    .orderBy(asc(accountRoles.role));
  const byAccount = new Map<number, string[]>();
  for (const r of roleRows) byAccount.set(r.accountId, [...(byAccount.get(r.accountId) ?? []), r.role]);
  return rows.map((r) => ({ ...r, roles: byAccount.get(r.account.id) ?? [] }));
}

/** An account whose organisation lies inside the scope; null otherwise (callers answer 404). */
export async function findAccountInScope(db: DbOrTx, scope: Scope, id: number): Promise<AccountWithOrg | null> {
  const rows = await db
    .select(columns)
    .from(accounts)
    .innerJoin(organisations, eq(organisations.id, accounts.orgId))
    .where(and(eq(accounts.id, id), scopeCondition(organisations.path, scope)))
    .limit(1);
  return (await withRoles(db, rows))[0] ?? null;
}

/** Unscoped lookups for authentication only (login, session loading, own profile). */
export async function findAccountForAuth(db: DbOrTx, by: { id: number } | { username: string }): Promise<AccountWithOrg | null> {
  const where = 'id' in by ? eq(accounts.id, by.id) : eq(accounts.username, by.username);
  const rows = await db.select(columns).from(accounts).innerJoin(organisations, eq(organisations.id, accounts.orgId)).where(where).limit(1);
  return (await withRoles(db, rows))[0] ?? null;
}

function listWhere(scope: Scope, q: Omit<AccountListQuery, 'page' | 'pageSize'>, underPath: string | null, now: Date): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scopeCondition(organisations.path, scope)];
  if (underPath) conditions.push(sql`${organisations.path} like ${escapeLike(underPath) + '%'}`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conditions.push(or(ilike(accounts.username, like), ilike(accounts.displayName, like), ilike(organisations.name, like)));
  }
  if (q.role) {
    conditions.push(sql`exists (select 1 from ${accountRoles} r where r.account_id = ${accounts.id} and r.role = ${q.role})`);
  }
  if (q.status === 'disabled') conditions.push(isNotNull(accounts.disabledAt));
  if (q.status === 'locked') conditions.push(and(isNull(accounts.disabledAt), gt(accounts.lockedUntil, now)));
  if (q.status === 'active')
    {conditions.push(and(isNull(accounts.disabledAt), or(isNull(accounts.lockedUntil), lt(accounts.lockedUntil, now))));}
  return and(...conditions);
}

export async function listAccounts(
  db: DbOrTx,
  scope: Scope,
  q: AccountListQuery,
  underPath: string | null,
  now: Date,
): Promise<{ rows: AccountWithOrg[]; total: number }> {
  const where = listWhere(scope, q, underPath, now);
  const [totalRow] = await db
    .select({ n: count() })
    .from(accounts)
    .innerJoin(organisations, eq(organisations.id, accounts.orgId))
    .where(where);
  const rows = await db
    .select(columns)
    .from(accounts)
    .innerJoin(organisations, eq(organisations.id, accounts.orgId))
    .where(where)
    .orderBy(asc(organisations.path), asc(accounts.username))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows: await withRoles(db, rows), total: totalRow?.n ?? 0 };
}

export async function listAccountsForExport(
  db: DbOrTx,
  scope: Scope,
  q: Omit<AccountListQuery, 'page' | 'pageSize'>,
  underPath: string | null,
  now: Date,
  limit: number,
): Promise<AccountWithOrg[]> {
  const rows = await db
    .select(columns)
    .from(accounts)
    .innerJoin(organisations, eq(organisations.id, accounts.orgId))
    .where(listWhere(scope, q, underPath, now))
    .orderBy(asc(organisations.path), asc(accounts.username))
    .limit(limit);
  return withRoles(db, rows);
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const rows = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).limit(1);
  return rows.length > 0;
}

export async function countAccounts(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return row?.n ?? 0;
}

export async function insertAccount(db: DbOrTx, values: typeof accounts.$inferInsert, roles: string[]): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  await db.insert(accountRoles).values(roles.map((role) => ({ accountId: row!.id, role })));
  return row!;
}

/** The account columns a principal is made of (the session lookup's; migration 0030's trigger watches the same). */
const PRINCIPAL_COLUMNS = ['username', 'displayName', 'orgId', 'mustChangePassword', 'disabledAt'] as const;

export async function updateAccount(db: DbOrTx, id: number, values: Partial<typeof accounts.$inferInsert>): Promise<void> {
  if (PRINCIPAL_COLUMNS.some((c) => c in values)) principalsChanged();
  await db.update(accounts).set({ ...values, updatedAt: new Date() }).where(eq(accounts.id, id));
}

export async function replaceRoles(db: DbOrTx, id: number, roles: string[]): Promise<void> {
  principalsChanged();
  await db.delete(accountRoles).where(eq(accountRoles.accountId, id));
  await db.insert(accountRoles).values(roles.map((role) => ({ accountId: id, role })));
}

/** Counts one more failed login; returns the new count. A single statement, so parallel failures all count. */
export async function incrementFailures(db: DbOrTx, id: number): Promise<number> {
  const [row] = await db
    .update(accounts)
    .set({ failedAttempts: sql`${accounts.failedAttempts} + 1` })
    .where(eq(accounts.id, id))
    .returning({ n: accounts.failedAttempts });
  return row?.n ?? 0;
}

// Sessions

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: DbOrTx, id: string) {
  const rows = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return rows[0] ?? null;
}

/**
 * The session with its account, organisation and roles in ONE round trip: this runs on every authenticated
 * request, so it is the platform's hottest query — prepared once, and on PostgreSQL planned once per connection
 * (a primary-key lookup; decision record 0027).
 */
export async function findSessionWithAccount(db: DbOrTx, id: string) {
  const query = statement(
    db,
    'accounts.session',
    (name) =>
      db
        .select({
          session: { id: sessions.id, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt },
          // What a principal is made of: never the password hash or the lockout counters.
          account: {
            id: accounts.id,
            username: accounts.username,
            displayName: accounts.displayName,
            orgId: accounts.orgId,
            mustChangePassword: accounts.mustChangePassword,
            disabledAt: accounts.disabledAt,
          },
          orgName: organisations.name,
          orgPath: organisations.path,
          roles: sql<string[]>`coalesce((select array_agg(r.role order by r.role) from ${accountRoles} r where r.account_id = ${accounts.id}), '{}')`,
        })
        .from(sessions)
        .innerJoin(accounts, eq(accounts.id, sessions.accountId))
        .innerJoin(organisations, eq(organisations.id, accounts.orgId))
        .where(eq(sessions.id, sql.placeholder('id')))
        .limit(1)
        .prepare(name!),
    true,
  );
  const rows = await query.execute({ id });
  return rows[0] ?? null;
}

export async function touchSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  principalsChanged();
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of an account (disable, password reset), or every other one (own password change). */
export async function deleteSessionsOf(db: DbOrTx, accountId: number, exceptId?: string): Promise<void> {
  principalsChanged();
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), exceptId ? ne(sessions.id, exceptId) : undefined));
}

/** Serialises concurrent first-run setup requests (transaction-scoped advisory lock). */
export async function lockForSetup(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(4242)`);
}
