import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { escapeLike, principalsChanged, scopeCondition, type Scope } from '@platform/access';
import { queryRows, reserveSerialIds, type DbOrTx } from '@platform/db';
import { substringMatch } from '@platform/db/search';
import { ORG_KINDS, type OrgTier } from '../shared/org-kinds';
import type { OrgListQuery } from '../shared/org.schema';
import { OrgErrors } from './org.errors';
import { organisations, type OrgRow } from './org.table';

const parent = alias(organisations, 'parent');

const childCount = sql<number>`(select count(*)::int from ${organisations} c where c.parent_id = ${organisations.id} and c.closed_on is null)`;

const listColumns = {
  org: organisations,
  parentName: parent.name,
  childCount,
};

export type OrgListRow = { org: OrgRow; parentName: string | null; childCount: number };

function kindsOfTier(tier: OrgTier): string[] {
  return Object.entries(ORG_KINDS)
    .filter(([, v]) => v.tier === tier)
    .map(([k]) => k);
}

/** Finds an organisation inside the scope; null when it does not exist or lies outside (callers answer 404). */
export async function findOrgInScope(db: DbOrTx, scope: Scope, id: number): Promise<OrgListRow | null> {
  const rows = await db
    .select(listColumns)
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(and(eq(organisations.id, id), scopeCondition(organisations.path, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped lookup for platform internals (session loading, setup). Never use it to answer a user request. */
export async function findOrgUnscoped(db: DbOrTx, id: number): Promise<OrgRow | null> {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findRootOrg(db: DbOrTx): Promise<OrgRow | null> {
  const rows = await db.select().from(organisations).where(isNull(organisations.parentId)).orderBy(asc(organisations.id)).limit(1);
  return rows[0] ?? null;
}

export async function countOrgs(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row?.n ?? 0;
}

function listWhere(scope: Scope, q: Omit<OrgListQuery, 'page' | 'pageSize'>, underPath: string | null): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scopeCondition(organisations.path, scope)];
  if (underPath) conditions.push(sql`${organisations.path} like ${escapeLike(underPath) + '%'}`);
  // Served by organisations_search_idx (decision record 0020).
  if (q.q) conditions.push(substringMatch([organisations.name, organisations.code], q.q));
  if (q.kind) conditions.push(eq(organisations.kind, q.kind));
  if (q.tier) conditions.push(inArray(organisations.kind, kindsOfTier(q.tier)));
  if (q.status === 'open') conditions.push(isNull(organisations.closedOn));
  if (q.status === 'closed') conditions.push(isNotNull(organisations.closedOn));
  return and(...conditions);
}

export async function listOrgs(
  db: DbOrTx,
  scope: Scope,
  q: OrgListQuery,
  underPath: string | null,
): Promise<{ rows: OrgListRow[]; total: number }> {
  const where = listWhere(scope, q, underPath);
  const [totalRow] = await db.select({ n: count() }).from(organisations).where(where);
  const rows = await db
    .select(listColumns)
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(where)
    .orderBy(asc(organisations.level), asc(organisations.code))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows, total: totalRow?.n ?? 0 };
}

/** All matching rows in tree order, for the Excel export. */
export async function listOrgsForExport(
  db: DbOrTx,
  scope: Scope,
  q: Omit<OrgListQuery, 'page' | 'pageSize'>,
  underPath: string | null,
  limit: number,
): Promise<OrgListRow[]> {
  return db
    .select(listColumns)
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(listWhere(scope, q, underPath))
    .orderBy(asc(organisations.path))
    .limit(limit);
}

/**
 * Children of `parentId` inside the scope; with no parent, the roots of the scope (the nodes whose own
 * path is one of the scope paths).
 */
export async function listChildren(
  db: DbOrTx,
  scope: Scope,
  parentId: number | null,
  includeClosed: boolean,
): Promise<OrgListRow[]> {
  const conditions: (SQL | undefined)[] = [scopeCondition(organisations.path, scope)];
  if (parentId === null) {
    if (scope.paths.length === 0) return [];
    conditions.push(inArray(organisations.path, [...scope.paths]));
  } else conditions.push(eq(organisations.parentId, parentId));
  if (!includeClosed) conditions.push(isNull(organisations.closedOn));
  return db
    .select(listColumns)
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(and(...conditions))
    .orderBy(asc(organisations.code))
    .limit(2000);
}

export async function codeTaken(db: DbOrTx, code: string, exceptId?: number): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.code, code), exceptId ? ne(organisations.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}

/** True when an open sibling under the same parent already has this name. */
export async function siblingNameTaken(db: DbOrTx, parentId: number, name: string, exceptId?: number): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.parentId, parentId),
        eq(organisations.name, name),
        isNull(organisations.closedOn),
        exceptId ? ne(organisations.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The next free child code: the parent's code followed by a 3-digit sequence. */
export async function nextChildCode(db: DbOrTx, parentCode: string): Promise<string> {
  const rows = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(sql`${organisations.code} like ${escapeLike(parentCode) + '%'} and length(${organisations.code}) = ${parentCode.length + 3}`);
  const used = new Set(rows.map((r) => r.code));
  for (let i = 1; i < 100000; i++) {
    const candidate = parentCode + String(i).padStart(3, '0');
    if (!used.has(candidate)) return candidate;
  }
  throw new Error('no free child code');
}

export async function countOpenChildren(db: DbOrTx, id: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(and(eq(organisations.parentId, id), isNull(organisations.closedOn)));
  return row?.n ?? 0;
}

/**
 * Memberships of a union still in force on `on` (not ended, or ended after it). Reads the members module's
 * `memberships` table by name: the organisations module sits below members and may not import it.
 */
export async function countMembershipsOpenOn(db: DbOrTx, id: number, on: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from memberships where org_id = ${id} and (left_on is null or left_on > ${on}::date)`,
  );
  return Number(row?.n ?? 0);
}

export type NewOrg = Omit<typeof organisations.$inferInsert, 'id' | 'path' | 'level'>;

/** Inserts a node under `parentPath` (null for the root), computing its path from the new id. */
export async function insertOrg(db: DbOrTx, values: NewOrg, parentPath: string | null, parentLevel: number): Promise<OrgRow> {
  const [next] = await queryRows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('organisations', 'id'))::int as id`);
  const id = next!.id;
  const [row] = await db
    .insert(organisations)
    .values({ ...values, id, path: `${parentPath ?? '/'}${id}/`, level: parentLevel + 1 })
    .returning();
  return row!;
}

/** Bulk insert of pre-built nodes (demo data, imports): ids and paths are assigned by the caller. */
export async function insertOrgsBulk(db: DbOrTx, rows: (typeof organisations.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(organisations).values(rows.slice(i, i + 500));
  await db.execute(sql`select setval(pg_get_serial_sequence('organisations', 'id'), (select coalesce(max(id), 1) from organisations))`);
}

export const reserveOrgIds = (db: DbOrTx, n: number) => reserveSerialIds(db, 'organisations', n);

export async function updateOrg(db: DbOrTx, id: number, values: Partial<typeof organisations.$inferInsert>): Promise<OrgRow> {
  if ('path' in values) principalsChanged(); // a principal holds its union's path
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  return row!;
}

/** Re-roots a whole subtree: every path under `oldPath` now starts with `newPath`. */
export async function moveSubtree(db: DbOrTx, id: number, newParentId: number, oldPath: string, newPath: string, levelDelta: number) {
  principalsChanged(); // a principal holds its union's path
  await db.execute(sql`
    update ${organisations}
       set path = ${newPath} || substr(path, ${oldPath.length + 1}),
           level = level + ${levelDelta},
           updated_at = now()
     where path like ${escapeLike(oldPath) + '%'}`);
  await db.update(organisations).set({ parentId: newParentId }).where(eq(organisations.id, id));
}

/**
 * The materialised path of the organisation a list is narrowed to (`?underId=`), checked against the reader's
 * scope; null when the list is not narrowed. Throws the 404 of an unknown or out-of-scope organisation.
 */
export async function subtreePathInScope(db: DbOrTx, scope: Scope, underId: number | undefined): Promise<string | null> {
  if (!underId) return null;
  const under = await findOrgInScope(db, scope, underId);
  if (!under) throw OrgErrors.NOT_FOUND();
  return under.org.path;
}

/**
 * Open unions by code, each marked whether it lies in the scope: an import names the union that keeps a row by
 * its code and is told apart "no such union" from "not yours".
 */
export async function unionsByCode(db: DbOrTx, scope: Scope, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: organisations.id, code: organisations.code, inScope: sql<boolean>`${scopeCondition(organisations.path, scope)}` })
    .from(organisations)
    .where(and(inArray(organisations.code, codes), sql`${organisations.closedOn} is null`));
}
