import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx } from '@platform/db';
import type { ImportTarget } from '@platform/imports';
import { ledgerPage, ledgerRawPage, ledgerWhere } from '@platform/ledger';
import { defineDatedSetting, settingOn } from '@platform/settings';
import { organisations } from '@modules/organisations/server';
import { minimumDelegates, NATIONAL_RULES, type CongressRules } from '../shared/congress-rules';
import type { CongressQuery, DisclosureQuery, ProposalQuery } from '../shared/congress.ledger';
import { congressDelegates, congressProposals, congresses, congressSessions, disclosures, workerDirectors } from './congress.table';

type Filters<Q> = Omit<Q, 'page' | 'pageSize'> & Partial<Q>;
const pageOf = (q: { page?: number; pageSize?: number }) => (q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null);
const under = (path: string | null) => (path ? sql`${organisations.path} like ${escapeLike(path) + '%'}` : undefined);

// --- rules ----------------------------------------------------------------------------------------------------

/** The district's standard for a congress's make-up, by the day it applies from (the national 条例's until set). */
export const CONGRESS_RULES = defineDatedSetting<CongressRules>('congress.rules', NATIONAL_RULES);
/** The rules in force on `day`. */
export async function rulesOn(db: DbOrTx, day: string): Promise<{ rules: CongressRules; effectiveFrom: string | null }> {
  const { value, effectiveFrom } = await settingOn(db, CONGRESS_RULES, day);
  return { rules: value, effectiveFrom };
}

// --- congresses -------------------------------------------------------------------------------------------------

/** A congress with its roster counted (delegates not yet left), worker directors in office on `today` and its last session. */
const congressRows = (where: ReturnType<typeof sql>, today: string) => sql`
  select c.id, c.org_id as "orgId", o.name as "orgName", o.path as "orgPath", c.form, c.established_on::text as "establishedOn", c.term_no as "termNo",
         c.term_starts_on::text as "termStartsOn", c.term_years as "termYears", ((c.term_starts_on + make_interval(years => c.term_years))::date - 1)::text as "termEndsOn",
         c.staff, c.women_staff as "womenStaff", c.state_owned as "stateOwned", c.note,
         coalesce(d.total, 0)::int as delegates, coalesce(d.women, 0)::int as women, coalesce(d.frontline, 0)::int as frontline, coalesce(d.managers, 0)::int as managers,
         coalesce(w.directors, 0)::int as directors, coalesce(w.supervisors, 0)::int as supervisors,
         (select max(s.held_on) from congress_sessions s where s.congress_id = c.id)::text as "lastSessionOn"
    from congresses c join organisations o on o.id = c.org_id
    left join lateral (select count(*) as total, count(*) filter (where x.sex = 'female') as women, count(*) filter (where x.category = 'frontline') as frontline,
                              count(*) filter (where x.category = 'manager') as managers
                         from congress_delegates x where x.congress_id = c.id and x.left_on is null) d on true
    left join lateral (select count(*) filter (where y.role = 'director') as directors, count(*) filter (where y.role = 'supervisor') as supervisors
                         from worker_directors y where y.congress_id = c.id and y.ended_on is null and y.term_ends_on >= ${today}) w on true
   where ${where}`;
export interface CongressRow {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  form: string;
  establishedOn: string;
  termNo: number;
  termStartsOn: string;
  termYears: number;
  termEndsOn: string;
  staff: number;
  womenStaff: number | null;
  stateOwned: boolean;
  note: string | null;
  delegates: number;
  women: number;
  frontline: number;
  managers: number;
  directors: number;
  supervisors: number;
  lastSessionOn: string | null;
}

/** A roster failing today's rules, in SQL (the list's 不符合 filter); rosterChecks says the same in words. */
function failing(r: CongressRules) {
  const bands = [...r.bands].sort((a, b) => b.from - a.from);
  const min = bands.length ? sql.raw(`case ${bands.map((b) => `when e.staff >= ${b.from} then ${b.min}`).join(' ')} else 0 end`) : sql`0`;
  return sql`case when e.form = 'assembly' then e.staff >= ${r.assemblyBelow}
    else e.delegates = 0 or e.delegates < ${min} or e.frontline * 100 < ${r.frontlineMin} * e.delegates or e.managers * 100 > ${r.managersMax} * e.delegates
      or (e."womenStaff" is not null and e.women::bigint * 100 * e.staff < (e."womenStaff"::bigint * 100 - ${r.womenTolerance} * e.staff) * e.delegates) end`;
}

export async function listCongresses(db: DbOrTx, scope: Scope, q: Filters<CongressQuery>, underPath: string | null, rules: CongressRules, today: string) {
  const where = [scopeCondition(sql.raw('o.path'), scope)];
  if (underPath) where.push(sql`o.path like ${escapeLike(underPath) + '%'}`);
  if (q.q?.trim()) where.push(sql`o.name ilike ${'%' + escapeLike(q.q.trim()) + '%'}`);
  const outer = q.status === 'failing' ? failing(rules) : q.status === 'no_director' ? sql`e."stateOwned" and e.directors = 0` : q.status && q.status !== 'all' ? sql`e.form = ${q.status}` : undefined;
  return ledgerRawPage<CongressRow & Record<string, unknown>>(db, { inner: congressRows(sql.join(where, sql` and `), today), where: outer, orderBy: sql`e."orgPath", e.id` }, pageOf(q));
}

export async function findCongress(db: DbOrTx, scope: Scope, id: number, today: string, lock = false): Promise<CongressRow | null> {
  if (lock) await db.execute(sql`select id from congresses where id = ${id} for update`);
  const [row] = await queryRows<CongressRow>(db, congressRows(sql`c.id = ${id} and ${scopeCondition(sql.raw('o.path'), scope)}`, today));
  return row ?? null;
}
export async function congressOfOrg(db: DbOrTx, orgId: number, today: string): Promise<CongressRow | null> {
  const [row] = await queryRows<CongressRow>(db, congressRows(sql`c.org_id = ${orgId}`, today));
  return row ?? null;
}
export const insertCongress = async (db: DbOrTx, values: typeof congresses.$inferInsert) => (await db.insert(congresses).values(values).returning())[0]!;
export const updateCongress = async (db: DbOrTx, id: number, values: Partial<typeof congresses.$inferInsert>) => (await db.update(congresses).set(values).where(eq(congresses.id, id)).returning())[0]!;

/** State-owned companies without a worker director in office (the 待办 list). */
export const missingDirectors = (db: DbOrTx, scope: Scope, today: string, limit: number) =>
  queryRows<CongressRow>(db, sql`select * from (${congressRows(sql`${scopeCondition(sql.raw('o.path'), scope)} and o.closed_on is null`, today)}) e where e."stateOwned" and e.directors = 0 order by e."orgPath" limit ${limit}`);

/** The minimum delegates a congress needs today (shown beside the roster). */
export const minimumFor = (rules: CongressRules, staff: number) => minimumDelegates(rules, staff);

// --- delegates, sessions, directors --------------------------------------------------------------------------

export const delegatesOf = (db: DbOrTx, congressId: number) => db.select().from(congressDelegates).where(eq(congressDelegates.congressId, congressId)).orderBy(congressDelegates.leftOn, congressDelegates.id);
export const findDelegate = async (db: DbOrTx, congressId: number, id: number) => (await db.select().from(congressDelegates).where(and(eq(congressDelegates.id, id), eq(congressDelegates.congressId, congressId))))[0] ?? null;
export const insertDelegate = async (db: DbOrTx, values: typeof congressDelegates.$inferInsert) => (await db.insert(congressDelegates).values(values).returning())[0]!;
export const updateDelegate = async (db: DbOrTx, id: number, values: Partial<typeof congressDelegates.$inferInsert>) => (await db.update(congressDelegates).set(values).where(eq(congressDelegates.id, id)).returning())[0]!;
/** `name/dept` of the delegates on the rosters of `congressIds` now (the same person is not entered twice). */
export async function activeDelegateKeys(db: DbOrTx, congressIds: number[]) {
  if (congressIds.length === 0) return new Set<string>();
  const rows = await db.select({ congressId: congressDelegates.congressId, name: congressDelegates.name, dept: congressDelegates.dept, memberId: congressDelegates.memberId }).from(congressDelegates).where(and(inArray(congressDelegates.congressId, congressIds), isNull(congressDelegates.leftOn)));
  return new Set(rows.flatMap((r) => [`${r.congressId}/${r.name}/${r.dept ?? ''}`, ...(r.memberId ? [`${r.congressId}/member/${r.memberId}`] : [])]));
}
/** A new term from `termStartsOn`: the delegates elected before it leave the day before (they are elected again). */
export const endRoster = (db: DbOrTx, congressId: number, termStartsOn: string) =>
  db
    .update(congressDelegates)
    .set({ leftOn: sql`${termStartsOn}::date - 1` })
    .where(and(eq(congressDelegates.congressId, congressId), isNull(congressDelegates.leftOn), sql`${congressDelegates.electedOn} < ${termStartsOn}`));
/** Demo rosters, 500 rows a statement. */
export async function insertDelegatesBulk(db: DbOrTx, rows: (typeof congressDelegates.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(congressDelegates).values(rows.slice(i, i + 500));
}
/** Delegates on the roster on `day`: elected by then and not yet left. */
export async function rosterOn(db: DbOrTx, congressId: number, day: string) {
  const [r] = await queryRows<{ total: number; frontline: number; managers: number; women: number }>(
    db,
    sql`select count(*)::int as total, (count(*) filter (where category = 'frontline'))::int as frontline, (count(*) filter (where category = 'manager'))::int as managers,
               (count(*) filter (where sex = 'female'))::int as women
          from congress_delegates where congress_id = ${congressId} and elected_on <= ${day} and (left_on is null or left_on > ${day})`,
  );
  return r!;
}
/** The current delegate of a member (their phone's proposals), with the congress's union. */
export async function delegateOfMember(db: DbOrTx, memberId: number) {
  const [row] = await db
    .select({ d: congressDelegates, orgName: organisations.name, orgPath: organisations.path, orgId: organisations.id })
    .from(congressDelegates)
    .innerJoin(congresses, eq(congresses.id, congressDelegates.congressId))
    .innerJoin(organisations, eq(organisations.id, congresses.orgId))
    .where(and(eq(congressDelegates.memberId, memberId), isNull(congressDelegates.leftOn)))
    .limit(1);
  return row ?? null;
}

export const sessionsOf = (db: DbOrTx, congressId: number) => db.select().from(congressSessions).where(eq(congressSessions.congressId, congressId)).orderBy(desc(congressSessions.heldOn), desc(congressSessions.id));
export const insertSession = async (db: DbOrTx, values: typeof congressSessions.$inferInsert) => (await db.insert(congressSessions).values(values).returning())[0]!;

export const directorsOf = (db: DbOrTx, congressId: number) => db.select().from(workerDirectors).where(eq(workerDirectors.congressId, congressId)).orderBy(workerDirectors.endedOn, workerDirectors.id);
export const findDirector = async (db: DbOrTx, congressId: number, id: number) => (await db.select().from(workerDirectors).where(and(eq(workerDirectors.id, id), eq(workerDirectors.congressId, congressId))))[0] ?? null;
export const insertDirector = async (db: DbOrTx, values: typeof workerDirectors.$inferInsert) => (await db.insert(workerDirectors).values(values).returning())[0]!;
export const updateDirector = async (db: DbOrTx, id: number, values: Partial<typeof workerDirectors.$inferInsert>) => (await db.update(workerDirectors).set(values).where(eq(workerDirectors.id, id)).returning())[0]!;

/** Delegates by import: `org code` → the congress of that union. */
export async function congressesByOrg(db: DbOrTx, orgIds: number[]) {
  if (orgIds.length === 0) return new Map<number, number>();
  const rows = await db.select({ id: congresses.id, orgId: congresses.orgId }).from(congresses).where(inArray(congresses.orgId, orgIds));
  return new Map(rows.map((r) => [r.orgId, r.id]));
}
export const DELEGATE_TARGET: ImportTarget = { table: 'congress_delegates', columns: ['congress_id', 'name', 'sex', 'category', 'dept', 'elected_on'] };

// --- proposals ------------------------------------------------------------------------------------------------

const p = congressProposals;
const proposalBase = (db: DbOrTx) => db.select({ p, orgName: organisations.name, orgPath: organisations.path }).from(p).innerJoin(congresses, eq(congresses.id, p.congressId)).innerJoin(organisations, eq(organisations.id, congresses.orgId));
export type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalBase>['execute']>>[number];

export async function listProposals(db: DbOrTx, scope: Scope, q: Filters<ProposalQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [p.title, p.proposer, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${p.submittedOn})::int` },
    status: { value: q.status, column: p.status, when: { open: sql`${p.status} in ('submitted', 'accepted')` } },
    and: [under(underPath)],
  });
  const counted = async () => (await db.select({ n: count() }).from(p).innerJoin(congresses, eq(congresses.id, p.congressId)).innerJoin(organisations, eq(organisations.id, congresses.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(proposalBase(db).where(where).orderBy(desc(p.submittedOn), desc(p.id)).$dynamic(), pageOf(q), counted);
}
export async function findProposal(db: DbOrTx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from congress_proposals where id = ${id} for update`);
  const [row] = await proposalBase(db).where(and(eq(p.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}
export const proposalsBy = (db: DbOrTx, accountId: number) => proposalBase(db).where(eq(p.submittedBy, accountId)).orderBy(desc(p.submittedOn), desc(p.id));
export const insertProposal = async (db: DbOrTx, values: typeof p.$inferInsert) => (await db.insert(p).values(values).returning())[0]!;
export const updateProposal = async (db: DbOrTx, id: number, values: Partial<typeof p.$inferInsert>) => (await db.update(p).set(values).where(eq(p.id, id)).returning())[0]!;
/** Proposals waiting to be put on file or answered, oldest first (the 待办 list). */
export const openProposals = (db: DbOrTx, scope: Scope, limit: number) =>
  proposalBase(db).where(and(inArray(p.status, ['submitted', 'accepted']), scopeCondition(organisations.path, scope), isNull(organisations.closedOn))).orderBy(p.submittedOn, p.id).limit(limit);
/** Holds a proposal's row for a step (the proposer's own rating and the union's may race). */
export const lockProposal = (db: DbOrTx, id: number) => db.execute(sql`select id from congress_proposals where id = ${id} for update`);

// --- disclosures ----------------------------------------------------------------------------------------------

const d = disclosures;
const disclosureBase = (db: DbOrTx) => db.select({ d, orgName: organisations.name, orgPath: organisations.path }).from(d).innerJoin(organisations, eq(organisations.id, d.orgId));
export type DisclosureRow = Awaited<ReturnType<ReturnType<typeof disclosureBase>['execute']>>[number];

export async function listDisclosures(db: DbOrTx, scope: Scope, q: Filters<DisclosureQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [d.matter, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${d.disclosedOn})::int` },
    status: { value: q.status, column: d.category },
    and: [under(underPath)],
  });
  const counted = async () => (await db.select({ n: count() }).from(d).innerJoin(organisations, eq(organisations.id, d.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(disclosureBase(db).where(where).orderBy(desc(d.disclosedOn), desc(d.id)).$dynamic(), pageOf(q), counted);
}
export async function findDisclosure(db: DbOrTx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from disclosures where id = ${id} for update`);
  const [row] = await disclosureBase(db).where(and(eq(d.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}
/** A union's disclosures since `from`, newest first (a member's phone). */
export const disclosuresOf = (db: DbOrTx, orgId: number, from: string) => db.select().from(d).where(and(eq(d.orgId, orgId), sql`${d.disclosedOn} >= ${from}`)).orderBy(desc(d.disclosedOn), desc(d.id)).limit(50);
export const insertDisclosure = async (db: DbOrTx, values: typeof d.$inferInsert) => (await db.insert(d).values(values).returning())[0]!;
export const updateDisclosure = async (db: DbOrTx, id: number, values: Partial<typeof d.$inferInsert>) => (await db.update(d).set(values).where(eq(d.id, id)).returning())[0]!;
export const DISCLOSURE_TARGET: ImportTarget = { table: 'disclosures', columns: ['org_id', 'matter', 'category', 'channel', 'disclosed_on', 'period_label', 'content', 'feedback'] };
