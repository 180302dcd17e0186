import { and, asc, count as countRows, desc, eq, fillPlaceholders, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { prefixUpperBound } from '@platform/db/search';
import { Bindings, queryRows, reserveSerialIds, statement, totalOf, type Db, type DbOrTx } from '@platform/db';
import { organisations } from '@modules/organisations/server';
import type { MemberListQuery } from '../shared/member.schema';
import {
  duplicateDismissals,
  members,
  membershipApplications,
  memberships,
  membershipTransfers,
  type ApplicationRecord,
  type MembershipTransferRecord,
  type MemberRecord,
  type MembershipRecord,
} from './member.table';

export type NewMember = typeof members.$inferInsert;

/** What a member list shows of a member: no sealed values, no audit columns. */
export type MemberListFields = Pick<
  MemberRecord,
  'id' | 'name' | 'sex' | 'birthDate' | 'idNumberMasked' | 'phoneMasked' | 'ethnicity' | 'education' | 'politicalStatus' | 'occupation' | 'workerKind' | 'gigKind' | 'migrantWorker' | 'employerUscc' | 'employerName' | 'remark'
>;

export interface MemberListRow {
  member: MemberListFields;
  membership: Pick<MembershipRecord, 'id' | 'orgId' | 'joinedOn' | 'leftOn' | 'leaveReason' | 'channel' | 'remark'>;
  orgName: string;
  orgCode: string;
}

/** The list's columns: only what a row shows (the sealed ID number and phone stay in the table). */
const listColumns = {
  member: {
    id: members.id,
    name: members.name,
    sex: members.sex,
    birthDate: members.birthDate,
    idNumberMasked: members.idNumberMasked,
    phoneMasked: members.phoneMasked,
    ethnicity: members.ethnicity,
    education: members.education,
    politicalStatus: members.politicalStatus,
    occupation: members.occupation,
    workerKind: members.workerKind,
    gigKind: members.gigKind,
    migrantWorker: members.migrantWorker,
    employerUscc: members.employerUscc,
    employerName: members.employerName,
    remark: members.remark,
  },
  membership: {
    id: memberships.id,
    orgId: memberships.orgId,
    joinedOn: memberships.joinedOn,
    leftOn: memberships.leftOn,
    leaveReason: memberships.leaveReason,
    channel: memberships.channel,
    remark: memberships.remark,
  },
  orgName: organisations.name,
  orgCode: organisations.code,
};

export interface ListFilter extends Omit<MemberListQuery, 'page' | 'pageSize' | 'q'> {
  name?: string;
  digest?: { column: 'id' | 'phone'; idx: string } | null;
}

/** A list's conditions, by the table each falls on, and the shape naming its SQL text. */
interface ListConditions {
  member: SQL[];
  membership: SQL[];
  org: SQL[];
  shape: string;
}

/**
 * The list's conditions with every value bound to a placeholder, and the shape naming its SQL text (which
 * conditions, how many scope paths): the list runs as a prepared statement per shape (decision record 0027).
 * A search's name range and the union paths are `opaque`, so that its named statement keeps one generic plan
 * (decision record 0028); its text fixes the join order (`searchFrom`).
 */
function listConditions(scope: Scope, f: ListFilter, underPath: string | null, b: Bindings): ListConditions {
  const search = !!(f.digest || f.name);
  const path = (v: string) => (search ? b.opaque(v) : b.bind(v));
  const c: ListConditions = { member: [], membership: [], org: [scopeCondition(organisations.path, scope, path)], shape: '' };
  const shape: (string | number)[] = [scope.paths.length];
  const add = (on: SQL[], tag: string, condition: SQL) => {
    on.push(condition);
    shape.push(tag);
  };
  if (underPath) add(c.org, 'under', sql`${organisations.path} like ${path(escapeLike(underPath) + '%')}`);
  if (f.status === 'active') add(c.membership, 'active', isNull(memberships.leftOn));
  if (f.status === 'left') add(c.membership, 'left', isNotNull(memberships.leftOn));
  if (f.digest) add(c.member, f.digest.column, eq(f.digest.column === 'id' ? members.idNumberIdx : members.phoneIdx, b.bind(f.digest.idx)));
  else if (f.name) {
    // Exactly `name like 'prefix%'` (prefixUpperBound), as the range of members_name_idx it reads. A `like`
    // beside it would cost nothing to run but would make the planner expect 25 matches and sort them all.
    const name = sql`${members.name} collate "C"`;
    add(c.member, 'name', sql`${name} >= ${b.opaque(f.name)} and ${name} < ${b.opaque(prefixUpperBound(f.name))}`);
  }
  if (f.gig === 'true') add(c.member, 'gig', isNotNull(members.gigKind));
  if (f.gig === 'false') add(c.member, 'nogig', isNull(members.gigKind));
  if (f.gigKind) add(c.member, 'gigKind', eq(members.gigKind, b.bind(f.gigKind)));
  if (f.migrant) add(c.member, 'migrant', eq(members.migrantWorker, b.bind(f.migrant === 'true')));
  if (f.sex) add(c.member, 'sex', eq(members.sex, b.bind(f.sex)));
  c.shape = shape.join(',');
  return c;
}

const allOf = (c: ListConditions) => and(...c.member, ...c.membership, ...c.org);

/**
 * The list's order. A search (name prefix, ID number, phone) lists by name in code-point order (`collate "C"`:
 * the same on every engine and locale), then member id, then the newest membership first — for a name prefix
 * the order of members_name_idx, so the page is the first rows of an index range and not a sort of every match.
 * Without a search the newest memberships come first.
 */
function listOrder(f: ListFilter): SQL[] {
  if (f.digest || f.name) return [sql`${members.name} collate "C"`, asc(members.id), desc(memberships.id)];
  return [desc(memberships.id)];
}

/** A list select over memberships with their member and union, under the list's conditions. */
const listFrom = (q: ReturnType<Db['select']>, where: SQL | undefined) =>
  q.from(memberships).innerJoin(members, eq(members.id, memberships.memberId)).innerJoin(organisations, eq(organisations.id, memberships.orgId)).where(where);

/** `offset 0`, which keeps a subquery from being pulled up into its parent (drizzle drops a plain 0). */
const FENCE = sql`0` as unknown as number;

/**
 * A search's select: from the members the search finds, in the order of their index, to each one's memberships
 * and then its union, as lateral subqueries the planner cannot pull up (`offset 0`). The text fixes the join order
 * — a generic plan cannot start from the unions — so the named statement is planned once per connection, not per
 * execution (decision record 0028). The subqueries take the tables' names, so the list's columns and order read
 * the same here as in `listFrom`.
 */
function searchFrom(db: DbOrTx, q: ReturnType<Db['select']>, c: ListConditions) {
  const membership = db
    .select({ id: memberships.id, orgId: memberships.orgId, joinedOn: memberships.joinedOn, leftOn: memberships.leftOn, leaveReason: memberships.leaveReason, channel: memberships.channel, remark: memberships.remark })
    .from(memberships)
    .where(and(eq(memberships.memberId, members.id), ...c.membership))
    .offset(FENCE)
    .as('memberships');
  const org = db
    .select({ id: organisations.id, name: organisations.name, code: organisations.code, path: organisations.path })
    .from(organisations)
    .where(and(eq(organisations.id, memberships.orgId), ...c.org))
    .offset(FENCE)
    .as('organisations');
  return q.from(members).crossJoinLateral(membership).crossJoinLateral(org).where(c.member.length ? and(...c.member) : undefined);
}

/**
 * A search's count stops here (「200 条以上」): past it a cadre narrows the search rather than pages on, and
 * counting every match of a common surname across a province is the one part of a search that grows with it.
 */
export const SEARCH_COUNT_CAP = 200;

/**
 * The page query and the count query of a member list, prepared once per shape (the lookup benchmark explains
 * them): `rows` takes the page, `total` counts the list — a search only up to one past `cap`. A search (ID number
 * or phone by blind index, or a name prefix) is a named statement on the server, planned once per connection.
 */
export function memberListQueries(db: DbOrTx, scope: Scope, f: ListFilter, underPath: string | null, page: { page: number; pageSize: number }) {
  const b = new Bindings();
  const c = listConditions(scope, f, underPath, b);
  const search = !!(f.digest || f.name);
  const from = (q: ReturnType<Db['select']>) => (search ? searchFrom(db, q, c) : listFrom(q, allOf(c)));
  const rowsStatement = statement(
    db,
    `members.list:${c.shape}`,
    (name) => (search ? searchPage(db, c, f) : from(db.select(listColumns)).orderBy(...listOrder(f)).limit(sql.placeholder('limit')).offset(sql.placeholder('offset'))).prepare(name!),
    search,
  );
  const totalStatement = statement(
    db,
    `members.count:${c.shape}`,
    (name) => (search ? db.select({ n: countRows() }).from(from(db.select({ one: sql`1` })).limit(sql.placeholder('cap')).as('matches')) : from(db.select({ n: countRows() }))).prepare(name!),
    search,
  );
  // The count of a search covers at least the rows up to the end of the page asked for; it reads one row past the
  // cap, to tell "exactly 200" from "more than 200".
  const cap = search ? Math.max(SEARCH_COUNT_CAP, page.page * page.pageSize) : null;
  const values = { ...b.values, limit: page.pageSize, offset: (page.page - 1) * page.pageSize, cap: cap === null ? null : cap + 1 };
  const filled = (q: { sql: string; params: unknown[] }) => ({ sql: q.sql, params: fillPlaceholders(q.params, values) });
  return {
    /** The page; for a search each row also carries the search's count up to one past `cap` (`searchPage`). */
    rows: { execute: () => rowsStatement.execute(values) as unknown as Promise<(MemberListRow & { total?: number })[]>, toSQL: () => filled(rowsStatement.getQuery()) },
    total: { execute: async () => Number((await totalStatement.execute(values))[0]?.n ?? 0), toSQL: () => filled(totalStatement.getQuery()) },
    cap,
  };
}

/**
 * A search's page and its count in one statement: the matches up to one past the cap, in the list's order, as
 * a CTE of ids (read from the indexes, as the count reads them); the page is its first rows joined to their
 * member, membership and union, each row carrying the CTE's size. One round trip instead of two, on both
 * engines; a page past the last match has no row to carry the count, and counts on its own.
 */
function searchPage(db: DbOrTx, c: ListConditions, f: ListFilter) {
  const hits = db.$with('hits').as(
    searchFrom(db, db.select({ memberId: sql<number>`${members.id}`.as('hit_member'), hitName: sql<string>`${members.name}`.as('hit_name'), membershipId: sql<number>`${memberships.id}`.as('hit_membership') }), c)
      .orderBy(...listOrder(f))
      .limit(sql.placeholder('cap')),
  );
  // The page's rows are taken from the CTE before the joins, so that only they are joined.
  const pageOfHits = db
    .select({ memberId: hits.memberId!, hitName: hits.hitName!, membershipId: hits.membershipId! })
    .from(hits)
    .orderBy(sql`${hits.hitName} collate "C"`, sql`${hits.memberId}`, sql`${hits.membershipId} desc`)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  return db
    .with(hits)
    .select({ ...listColumns, total: sql<number>`(select count(*) from ${hits})`.mapWith(Number).as('total') })
    .from(pageOfHits)
    .innerJoin(members, sql`${members.id} = ${pageOfHits.memberId}`)
    .innerJoin(memberships, sql`${memberships.id} = ${pageOfHits.membershipId}`)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .orderBy(sql`${pageOfHits.hitName} collate "C"`, sql`${pageOfHits.memberId}`, sql`${pageOfHits.membershipId} desc`);
}

export async function listMemberships(
  db: DbOrTx,
  scope: Scope,
  f: ListFilter,
  underPath: string | null,
  page: { page: number; pageSize: number },
): Promise<{ rows: MemberListRow[]; total: number; totalCapped: boolean }> {
  const q = memberListQueries(db, scope, f, underPath, page);
  const rows = await q.rows.execute();
  const counted =
    q.cap === null ? await totalOf(rows.length, page, q.total.execute) : rows.length ? rows[0]!.total! : page.page === 1 ? 0 : await q.total.execute();
  const totalCapped = q.cap !== null && counted > q.cap;
  return { rows, total: totalCapped ? q.cap! : counted, totalCapped };
}

export async function listMembershipsForExport(db: DbOrTx, scope: Scope, f: ListFilter, underPath: string | null, limit: number) {
  const b = new Bindings();
  const c = listConditions(scope, f, underPath, b);
  const exportStatement = statement(db, `members.export:${c.shape}`, (name) =>
    (f.digest || f.name ? searchFrom(db, db.select(listColumns), c) : listFrom(db.select(listColumns), allOf(c))).orderBy(asc(organisations.path), asc(members.name)).limit(sql.placeholder('limit')).prepare(name!),
  );
  return exportStatement.execute({ ...b.values, limit }) as unknown as Promise<MemberListRow[]>;
}

/** The member, when at least one of their memberships (open or past) lies in the scope. */
export async function findMemberInScope(db: DbOrTx, scope: Scope, memberId: number): Promise<MemberRecord | null> {
  const rows = await db
    .select({ member: members })
    .from(members)
    .where(
      and(
        eq(members.id, memberId),
        sql`exists (select 1 from ${memberships} m join ${organisations} o on o.id = m.org_id
                     where m.member_id = ${members.id} and ${scopeCondition(sql`o.path`, scope)})`,
      ),
    )
    .limit(1);
  return rows[0]?.member ?? null;
}

/**
 * A member whose current membership (the open one; after leaving, the last one) is in scope. A union the member
 * transferred away from keeps seeing the history row, but this lookup — used to reveal the ID number or phone —
 * no longer finds the member for it.
 */
export async function findMemberInCurrentScope(db: DbOrTx, scope: Scope, memberId: number): Promise<MemberRecord | null> {
  const rows = await db
    .select({ member: members })
    .from(members)
    .where(
      and(
        eq(members.id, memberId),
        sql`exists (select 1 from (select m.org_id from ${memberships} m where m.member_id = ${members.id}
                                    order by (m.left_on is null) desc, m.joined_on desc, m.id desc limit 1) cur
                      join ${organisations} o on o.id = cur.org_id
                     where ${scopeCondition(sql`o.path`, scope)})`,
      ),
    )
    .limit(1);
  return rows[0]?.member ?? null;
}

export async function findMemberById(db: DbOrTx, id: number): Promise<MemberRecord | null> {
  const [row] = await db.select().from(members).where(eq(members.id, id)).limit(1);
  return row ?? null;
}

export async function findMemberByIdIdx(db: DbOrTx, idx: string): Promise<MemberRecord | null> {
  const [row] = await db.select().from(members).where(eq(members.idNumberIdx, idx)).limit(1);
  return row ?? null;
}

export async function findMemberByAccount(db: DbOrTx, accountId: number): Promise<MemberRecord | null> {
  const [row] = await db.select().from(members).where(eq(members.accountId, accountId)).limit(1);
  return row ?? null;
}

/** Every membership of a member with its union, oldest first (the full history, whoever reads it). */
export async function membershipHistory(db: DbOrTx, memberId: number) {
  return db
    .select({ membership: memberships, orgName: organisations.name, orgCode: organisations.code, orgPath: organisations.path })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.memberId, memberId))
    .orderBy(asc(memberships.joinedOn), asc(memberships.id));
}

export async function findMembershipInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db
    .select({ membership: memberships, orgName: organisations.name, orgPath: organisations.path, member: members })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .innerJoin(members, eq(members.id, memberships.memberId))
    .where(and(eq(memberships.id, id), scopeCondition(organisations.path, scope)))
    .limit(1);
  return row ?? null;
}

export async function openMembershipOf(db: DbOrTx, memberId: number) {
  const [row] = await db
    .select({ membership: memberships, orgName: organisations.name, orgPath: organisations.path })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.memberId, memberId), isNull(memberships.leftOn)))
    .limit(1);
  return row ?? null;
}

/** Ids taken ahead of an import's COPY. */
export const reserveIds = (db: DbOrTx, table: 'members' | 'membership_applications', n: number) => reserveSerialIds(db, table, n);

export async function insertMember(db: DbOrTx, values: NewMember): Promise<MemberRecord> {
  const [row] = await db.insert(members).values(values).returning();
  return row!;
}

export async function updateMember(db: DbOrTx, id: number, values: Partial<NewMember>): Promise<MemberRecord> {
  const [row] = await db.update(members).set({ ...values, updatedAt: new Date() }).where(eq(members.id, id)).returning();
  return row!;
}

export async function insertMembership(db: DbOrTx, values: typeof memberships.$inferInsert): Promise<MembershipRecord> {
  const [row] = await db.insert(memberships).values(values).returning();
  return row!;
}

export async function closeMembership(db: DbOrTx, id: number, leftOn: string, reason: string, remark: string | null) {
  const [row] = await db
    .update(memberships)
    .set({ leftOn, leaveReason: reason, remark: remark ?? sql`${memberships.remark}` })
    .where(and(eq(memberships.id, id), isNull(memberships.leftOn)))
    .returning();
  return row ?? null;
}

/** Existing members by ID digest, with their open membership's union (import validation). */
export async function membersByIdIdx(db: DbOrTx, idxs: string[]) {
  if (idxs.length === 0) return [];
  return db
    .select({ member: members, openOrgId: memberships.orgId, openOrgName: organisations.name, openJoinedOn: memberships.joinedOn })
    .from(members)
    .leftJoin(memberships, and(eq(memberships.memberId, members.id), isNull(memberships.leftOn)))
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    // One array parameter, not thousands of bound values (an import asks for 5,000 digests at a time).
    .where(sql`${members.idNumberIdx} = any(string_to_array(${idxs.join(',')}, ','))`);
}

/** Probable duplicates: same name, birth date and phone, different ID; pairs marked "not a duplicate" excluded. */
export async function probableDuplicates(db: DbOrTx, scope: Scope, limit: number) {
  return queryRows<{ a: number; b: number }>(
    db,
    sql`
    select p1.id as a, p2.id as b
      from members p1
      join members p2 on p2.name = p1.name and p2.birth_date = p1.birth_date and p2.phone_idx = p1.phone_idx and p2.id > p1.id
     where p1.phone_idx is not null
       and not exists (select 1 from member_duplicate_dismissals d where d.member_a = p1.id and d.member_b = p2.id)
       and exists (select 1 from memberships m join organisations o on o.id = m.org_id
                    where m.member_id in (p1.id, p2.id) and ${scopeCondition(sql`o.path`, scope)})
     order by p1.name, p1.id
     limit ${limit}`,
  );
}

export async function membersWithCurrentOrg(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ member: members, orgName: organisations.name })
    .from(members)
    .leftJoin(memberships, and(eq(memberships.memberId, members.id), isNull(memberships.leftOn)))
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(inArray(members.id, ids));
}

export async function dismissDuplicate(db: DbOrTx, a: number, b: number, accountId: number) {
  await db.insert(duplicateDismissals).values({ memberA: a, memberB: b, accountId }).onConflictDoNothing();
}

// --- online applications ---------------------------------------------------------------------------

export async function insertApplication(db: DbOrTx, values: typeof membershipApplications.$inferInsert): Promise<ApplicationRecord> {
  const [row] = await db.insert(membershipApplications).values(values).returning();
  return row!;
}

export async function pendingApplicationByIdIdx(db: DbOrTx, idx: string) {
  const [row] = await db
    .select()
    .from(membershipApplications)
    .where(and(eq(membershipApplications.idNumberIdx, idx), eq(membershipApplications.status, 'pending')))
    .limit(1);
  return row ?? null;
}

export async function applicationByRef(db: DbOrTx, ref: string) {
  const [row] = await db
    .select({ application: membershipApplications, orgName: organisations.name })
    .from(membershipApplications)
    .innerJoin(organisations, eq(organisations.id, membershipApplications.orgId))
    .where(eq(membershipApplications.ref, ref))
    .limit(1);
  return row ?? null;
}

export async function usernamePending(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: membershipApplications.id })
    .from(membershipApplications)
    .where(and(sql`lower(${membershipApplications.username}) = lower(${username})`, eq(membershipApplications.status, 'pending')))
    .limit(1);
  return !!row;
}

function applicationWhere(scope: Scope, status: string, q: string | undefined) {
  const c: (SQL | undefined)[] = [scopeCondition(organisations.path, scope)];
  if (status !== 'all') c.push(eq(membershipApplications.status, status));
  if (q) c.push(sql`${membershipApplications.name} like ${escapeLike(q) + '%'}`);
  return and(...c);
}

export async function listApplications(db: DbOrTx, scope: Scope, status: string, q: string | undefined, page: { page: number; pageSize: number }) {
  const where = applicationWhere(scope, status, q);
  const rows = await db
    .select({ application: membershipApplications, orgName: organisations.name, orgPath: organisations.path })
    .from(membershipApplications)
    .innerJoin(organisations, eq(organisations.id, membershipApplications.orgId))
    .where(where)
    .orderBy(status === 'pending' ? asc(membershipApplications.dueOn) : desc(membershipApplications.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const total = await totalOf(rows.length, page, async () => {
    const [totalRow] = await db.select({ n: countRows() }).from(membershipApplications).innerJoin(organisations, eq(organisations.id, membershipApplications.orgId)).where(where);
    return totalRow?.n ?? 0;
  });
  return { rows, total };
}

export async function findApplicationInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db
    .select({ application: membershipApplications, orgName: organisations.name, orgPath: organisations.path, orgClosedOn: organisations.closedOn })
    .from(membershipApplications)
    .innerJoin(organisations, eq(organisations.id, membershipApplications.orgId))
    .where(and(eq(membershipApplications.id, id), scopeCondition(organisations.path, scope)))
    .limit(1);
  return row ?? null;
}

export async function decideApplication(db: DbOrTx, id: number, values: Partial<typeof membershipApplications.$inferInsert>) {
  const [row] = await db
    .update(membershipApplications)
    .set(values)
    .where(and(eq(membershipApplications.id, id), eq(membershipApplications.status, 'pending')))
    .returning();
  return row ?? null;
}

/** Pending applications in scope: all, past their deadline, and due by `soon`. */
export async function applicationDueCounts(db: DbOrTx, scope: Scope, today: string, soon: string) {
  const [row] = await queryRows<{ pending: number; overdue: number; due_soon: number }>(
    db,
    sql`select count(*)::int as pending,
               count(*) filter (where a.due_on < ${today})::int as overdue,
               count(*) filter (where a.due_on >= ${today} and a.due_on <= ${soon})::int as due_soon
          from membership_applications a join organisations o on o.id = a.org_id
         where a.status = 'pending' and ${scopeCondition(sql`o.path`, scope)}`,
  );
  return row ?? { pending: 0, overdue: 0, due_soon: 0 };
}

/** Open grassroots unions a worker may apply to (public): by name, gig-worker joint unions first. */
export async function joinTargets(db: DbOrTx, q: string | undefined, kinds: string[], limit: number) {
  const parent = sql`(select p.name from organisations p where p.id = o.parent_id)`;
  return queryRows<{ id: number; name: string; code: string; gig: boolean; parent_name: string | null }>(
    db,
    sql`select o.id, o.name, o.code, o.accepts_gig_workers as gig, ${parent} as parent_name
          from organisations o
         where o.closed_on is null and o.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
           and (${q ? sql`o.name like ${'%' + escapeLike(q) + '%'}` : sql`o.accepts_gig_workers`})
         order by o.accepts_gig_workers desc, o.name
         limit ${limit}`,
  );
}

export async function findOpenGrassrootsOrg(db: DbOrTx, where: { id?: number; code?: string }, kinds: string[]) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, path: organisations.path, code: organisations.code })
    .from(organisations)
    .where(
      and(
        where.id ? eq(organisations.id, where.id) : eq(organisations.code, where.code ?? ''),
        isNull(organisations.closedOn),
        inArray(organisations.kind, kinds),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Grassroots unions by code inside a write scope (import validation: one query per chunk). */
export async function orgsByCodeInScope(db: DbOrTx, scope: Scope, codes: string[], kinds: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name, closedOn: organisations.closedOn, kind: organisations.kind, inScope: sql<boolean>`${scopeCondition(organisations.path, scope)}` })
    .from(organisations)
    .where(and(inArray(organisations.code, codes), inArray(organisations.kind, kinds)));
}


/** A member with their open membership's union (null when not in a union now), by a condition on `members`. */
export async function memberWithUnion(db: DbOrTx, where: SQL) {
  const [row] = await memberWithUnionQuery(db, where).limit(1);
  return row ?? null;
}

function memberWithUnionQuery(db: DbOrTx, where: SQL) {
  return db
    .select({ id: members.id, name: members.name, sex: members.sex, gigKind: members.gigKind, workerKind: members.workerKind, migrantWorker: members.migrantWorker, idNumberMasked: members.idNumberMasked, idNumberIdx: members.idNumberIdx, orgId: organisations.id, orgName: organisations.name, orgPath: organisations.path })
    .from(members)
    .innerJoin(memberships, and(eq(memberships.memberId, members.id), isNull(memberships.leftOn)))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(where);
}
export type MemberWithUnion = NonNullable<Awaited<ReturnType<typeof memberWithUnion>>>;
export const memberWithUnionById = (db: DbOrTx, id: number) => memberWithUnion(db, eq(members.id, id));
export const memberWithUnionByAccount = (db: DbOrTx, accountId: number) => memberWithUnion(db, eq(members.accountId, accountId));
/** Members in a union now, by the blind indexes of their ID numbers (an import's lookup). */
export const membersWithUnionByIdIdx = (db: DbOrTx, idxs: string[]) => (idxs.length ? memberWithUnionQuery(db, inArray(members.idNumberIdx, idxs)) : Promise.resolve([]));

// --- transfers -----------------------------------------------------------------------------------------

export async function insertTransfer(db: DbOrTx, values: typeof membershipTransfers.$inferInsert): Promise<MembershipTransferRecord> {
  const [row] = await db.insert(membershipTransfers).values(values).returning();
  return row!;
}

export async function updateTransfer(db: DbOrTx, id: number, set: Partial<typeof membershipTransfers.$inferInsert>) {
  await db.update(membershipTransfers).set(set).where(eq(membershipTransfers.id, id));
}

export async function pendingTransferOf(db: DbOrTx, membershipId: number): Promise<MembershipTransferRecord | null> {
  const [row] = await db
    .select()
    .from(membershipTransfers)
    .where(and(eq(membershipTransfers.fromMembershipId, membershipId), eq(membershipTransfers.status, 'pending')))
    .limit(1);
  return row ?? null;
}

export interface TransferRow {
  transfer: MembershipTransferRecord;
  memberName: string;
  idNumberMasked: string;
  fromOrgName: string;
  fromOrgPath: string;
  toOrgName: string;
  toOrgPath: string;
}

const fromOrg = sql`f`;
const toOrg = sql`t`;

/** One transfer with both unions, locked for update when deciding; unscoped: the service checks both sides. */
export async function findTransferUnscoped(db: DbOrTx, id: number, lock = false): Promise<TransferRow | null> {
  const [row] = await queryRows<{ id: number; member_name: string; id_number_masked: string; from_org_name: string; from_org_path: string; to_org_name: string; to_org_path: string }>(
    db,
    sql`select x.id, m.name as member_name, m.id_number_masked, f.name as from_org_name, f.path as from_org_path, t.name as to_org_name, t.path as to_org_path
          from membership_transfers x join members m on m.id = x.member_id
          join organisations ${fromOrg} on f.id = x.from_org_id join organisations ${toOrg} on t.id = x.to_org_id
         where x.id = ${id} ${lock ? sql`for update of x` : sql``}`,
  );
  if (!row) return null;
  const [transfer] = await db.select().from(membershipTransfers).where(eq(membershipTransfers.id, id));
  return { transfer: transfer!, memberName: row.member_name, idNumberMasked: row.id_number_masked, fromOrgName: row.from_org_name, fromOrgPath: row.from_org_path, toOrgName: row.to_org_name, toOrgPath: row.to_org_path };
}

/** Transfers into (`incoming`) or out of (`outgoing`) the scope, pending ones first, newest first. */
export async function listTransfers(db: DbOrTx, scope: Scope, box: 'incoming' | 'outgoing', status: string | undefined, page: { page: number; pageSize: number }) {
  const side = box === 'incoming' ? sql`t.path` : sql`f.path`;
  const where = sql`${scopeCondition(side, scope)} ${status ? sql`and x.status = ${status}` : sql``}`;
  const from = sql`from membership_transfers x join members m on m.id = x.member_id
                   join organisations f on f.id = x.from_org_id join organisations t on t.id = x.to_org_id where ${where}`;
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from}`);
  const ids = await queryRows<{ id: number }>(
    db,
    sql`select x.id ${from} order by (x.status = 'pending') desc, x.requested_at desc, x.id desc limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  const rows: TransferRow[] = [];
  for (const { id } of ids) rows.push((await findTransferUnscoped(db, id))!);
  return { rows, total: total?.n ?? 0 };
}

/** Pending transfers into the scope (the receiving union's due work). */
export async function countIncomingTransfers(db: DbOrTx, scope: Scope): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from membership_transfers x join organisations t on t.id = x.to_org_id
         where x.status = 'pending' and ${scopeCondition(sql`t.path`, scope)}`,
  );
  return row?.n ?? 0;
}

/**
 * One level of the whole district's tree (the root when no parent): open unions with their codes and how many
 * open children they have. Names and codes only — the same directory the public joining page offers.
 */
export async function transferTargets(db: DbOrTx, parentId: number | null, grassroots: string[]) {
  return queryRows<{ id: number; parent_id: number | null; name: string; code: string; kind: string; child_count: number }>(
    db,
    sql`select o.id, o.parent_id, o.name, o.code, o.kind,
               (select count(*)::int from organisations c where c.parent_id = o.id and c.closed_on is null) as child_count
          from organisations o
         where o.closed_on is null and ${parentId === null ? sql`o.parent_id is null` : sql`o.parent_id = ${parentId}`}
         order by (o.kind in (${sql.join(grassroots.map((k) => sql`${k}`), sql`, `)})), o.code
         limit 2000`,
  ).then((rows) => rows.map((r) => ({ ...r, selectable: grassroots.includes(r.kind) })));
}

/** 待办: pending applications in scope (the same rows `applicationDueCounts` counts), earliest deadline first. */
export async function pendingApplicationsDue(db: DbOrTx, scope: Scope, limit: number) {
  return queryRows<{ id: number; name: string; org_name: string; due_on: string | null }>(
    db,
    sql`select a.id, a.name, o.name as org_name, a.due_on::text as due_on
          from membership_applications a join organisations o on o.id = a.org_id
         where a.status = 'pending' and ${scopeCondition(sql`o.path`, scope)}
         order by a.due_on nulls last, a.id
         limit ${limit}`,
  );
}

/** 待办: pending transfers into the scope (the same rows `countIncomingTransfers` counts). */
export async function incomingTransfersDue(db: DbOrTx, scope: Scope, limit: number) {
  return queryRows<{ id: number; member_name: string; org_name: string }>(
    db,
    sql`select x.id, m.name as member_name, t.name as org_name
          from membership_transfers x join organisations t on t.id = x.to_org_id join members m on m.id = x.member_id
         where x.status = 'pending' and ${scopeCondition(sql`t.path`, scope)}
         order by x.id
         limit ${limit}`,
  );
}
