import { and, count, desc, eq, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import type { ImportTarget } from '@platform/imports';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import type { LegalCaseQuery, LegalEventQuery } from '../shared/legal.ledger';
import { legalCaseEvents, legalCases, legalEvents } from './legal.table';

type Filters<Q> = Omit<Q, 'page' | 'pageSize'> & Partial<Q>;
const pageOf = (q: { page?: number; pageSize?: number }) => (q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null);
const under = (path: string | null) => (path ? sql`${organisations.path} like ${escapeLike(path) + '%'}` : undefined);

// --- events ---------------------------------------------------------------------------------------------------

const e = legalEvents;
const eventBase = (db: DbOrTx) => db.select({ event: e, orgName: organisations.name, orgPath: organisations.path }).from(e).innerJoin(organisations, eq(organisations.id, e.orgId));
export type EventRow = Awaited<ReturnType<ReturnType<typeof eventBase>['execute']>>[number];

/** One page of the events (page null: the export); the status filter is the event's kind. */
export async function listEvents(db: DbOrTx, scope: Scope, q: Filters<LegalEventQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [e.title, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${e.heldOn})::int` },
    status: { value: q.status, column: e.kind },
    and: [under(underPath)],
  });
  const counted = async () => (await db.select({ n: count() }).from(e).innerJoin(organisations, eq(organisations.id, e.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(eventBase(db).where(where).orderBy(desc(e.heldOn), desc(e.id)).$dynamic(), pageOf(q), counted);
}

export async function findEvent(db: DbOrTx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from legal_events where id = ${id} for update`);
  const [row] = await eventBase(db).where(and(eq(e.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export const insertEvent = async (db: DbOrTx, values: typeof e.$inferInsert) => (await db.insert(e).values(values).returning())[0]!;
export const updateEvent = async (db: DbOrTx, id: number, values: Partial<typeof e.$inferInsert>) => (await db.update(e).set(values).where(eq(e.id, id)).returning())[0]!;

export const EVENT_TARGET: ImportTarget = { table: 'legal_events', columns: ['org_id', 'kind', 'title', 'held_on', 'place', 'audience', 'materials', 'speakers', 'summary'] };

// --- cases ----------------------------------------------------------------------------------------------------

const c = legalCases;
const caseBase = (db: DbOrTx) => db.select({ c, orgName: organisations.name, orgPath: organisations.path }).from(c).innerJoin(organisations, eq(organisations.id, c.orgId));
export type CaseRow = Awaited<ReturnType<ReturnType<typeof caseBase>['execute']>>[number];

/** One page of the cases: 'open' is every case not yet closed (待受理 and 办理中). */
export async function listCases(db: DbOrTx, scope: Scope, q: Filters<LegalCaseQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [c.caseNo, c.employerName, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${c.receivedOn})::int` },
    status: q.status === 'open' ? undefined : { value: q.status, column: c.status },
    and: [under(underPath), q.status === 'open' ? sql`${c.status} in ('requested', 'handling')` : undefined, q.kind && q.kind !== 'all' ? eq(c.kind, q.kind) : undefined],
  });
  const counted = async () => (await db.select({ n: count() }).from(c).innerJoin(organisations, eq(organisations.id, c.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(caseBase(db).where(where).orderBy(desc(c.receivedOn), desc(c.id)).$dynamic(), pageOf(q), counted);
}

export async function findCase(db: DbOrTx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from legal_cases where id = ${id} for update`);
  const [row] = await caseBase(db).where(and(eq(c.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

/** The cases a worker asked for online, newest first. */
export const casesRequestedBy = (db: DbOrTx, accountId: number) => caseBase(db).where(eq(c.requestedBy, accountId)).orderBy(desc(c.receivedOn), desc(c.id));

/** The next case number of a year: FW + year + 4-digit sequence (callers hold the `legal.case-no` lock). */
export async function nextCaseNo(db: DbOrTx, year: number): Promise<string> {
  const prefix = `FW${year}`;
  const [row] = await db.select({ n: sql<number>`coalesce(max(substring(${c.caseNo} from 7)::int), 0)::int` }).from(c).where(sql`${c.caseNo} like ${prefix + '%'}`);
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export const insertCase = async (db: DbOrTx, values: typeof c.$inferInsert) => (await db.insert(c).values(values).returning())[0]!;
export const updateCase = async (db: DbOrTx, id: number, values: Partial<typeof c.$inferInsert>) => (await db.update(c).set(values).where(eq(c.id, id)).returning())[0]!;
export const insertCaseEvent = async (db: DbOrTx, values: typeof legalCaseEvents.$inferInsert) => (await db.insert(legalCaseEvents).values(values).returning())[0]!;
export const eventsOfCase = (db: DbOrTx, caseId: number) => db.select().from(legalCaseEvents).where(eq(legalCaseEvents.caseId, caseId)).orderBy(legalCaseEvents.on, legalCaseEvents.id);

/** Online requests not yet accepted, oldest first (the 待办 list). */
export const waitingRequests = (db: DbOrTx, scope: Scope, limit: number) =>
  caseBase(db).where(and(eq(c.status, 'requested'), scopeCondition(organisations.path, scope))).orderBy(c.receivedOn, c.id).limit(limit);
