import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import type { MeetingQuery } from '../shared/meeting.ledger';
import { meetingDecisions, meetings } from './meeting.table';

const m = meetings;
const d = meetingDecisions;
const base = (db: DbOrTx) =>
  db
    .select({
      meeting: m,
      orgName: organisations.name,
      orgPath: organisations.path,
      decisions: sql<number>`(select count(*)::int from meeting_decisions d where d.meeting_id = ${m.id})`,
      openDecisions: sql<number>`(select count(*)::int from meeting_decisions d where d.meeting_id = ${m.id} and d.done_on is null)`,
    })
    .from(m)
    .innerJoin(organisations, eq(organisations.id, m.orgId));
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** One page of the ledger (page null: the export); the status filter is the meeting's kind. */
export async function listMeetings(db: DbOrTx, scope: Scope, q: Omit<MeetingQuery, 'page' | 'pageSize'> & Partial<MeetingQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [m.title, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${m.heldOn})::int` },
    status: { value: q.status, column: m.kind },
    and: [underPath ? sql`${organisations.path} like ${escapeLike(underPath) + '%'}` : undefined],
  });
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const counted = async () => (await db.select({ n: count() }).from(m).innerJoin(organisations, eq(organisations.id, m.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(base(db).where(where).orderBy(desc(m.heldOn), desc(m.id)).$dynamic(), page, counted);
}

export async function findMeeting(db: DbOrTx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from meetings where id = ${id} for update`);
  const [row] = await base(db).where(and(eq(m.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export const insertMeeting = async (db: DbOrTx, values: typeof m.$inferInsert) => (await db.insert(m).values(values).returning())[0]!;
export const updateMeeting = async (db: DbOrTx, id: number, values: Partial<typeof m.$inferInsert>) => (await db.update(m).set(values).where(eq(m.id, id)).returning())[0]!;
export const insertDecision = async (db: DbOrTx, values: typeof d.$inferInsert) => (await db.insert(d).values(values).returning())[0]!;
export const decisionsOf = (db: DbOrTx, meetingId: number) => db.select().from(d).where(eq(d.meetingId, meetingId)).orderBy(asc(d.dueOn), asc(d.id));

export async function findDecision(db: DbOrTx, meetingId: number, id: number) {
  return (await db.select().from(d).where(and(eq(d.id, id), eq(d.meetingId, meetingId))))[0] ?? null;
}

export const markDone = async (db: DbOrTx, id: number, doneOn: string, followUp: string) => (await db.update(d).set({ doneOn, followUp }).where(eq(d.id, id)).returning())[0]!;

/** Decisions not yet carried out in scope, earliest deadline first (the 待办 list). */
export async function openDecisions(db: DbOrTx, scope: Scope, limit: number) {
  return db
    .select({ id: d.id, content: d.content, dueOn: d.dueOn, meetingId: m.id, meetingTitle: m.title, orgName: organisations.name })
    .from(d)
    .innerJoin(m, eq(m.id, d.meetingId))
    .innerJoin(organisations, eq(organisations.id, m.orgId))
    .where(and(sql`${d.doneOn} is null`, scopeCondition(organisations.path, scope)))
    .orderBy(asc(d.dueOn), asc(d.id))
    .limit(limit);
}
