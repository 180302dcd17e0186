import { and, count, desc, eq, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx } from '@platform/db';
import type { ImportTarget } from '@platform/imports';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { members, memberships } from '@modules/members/server';
import { organisations } from '@modules/organisations/server';
import type { ActivityQuery } from '../shared/activity.ledger';
import { activities, activityParticipants } from './activity.table';

const a = activities;
const base = (db: DbOrTx) =>
  db
    .select({
      activity: a,
      orgName: organisations.name,
      orgPath: organisations.path,
      named: sql<number>`(select count(*)::int from activity_participants p where p.activity_id = ${a.id})`,
      volunteerHours: sql<number>`(select coalesce(sum(p.hours), 0)::float8 from activity_participants p where p.activity_id = ${a.id})`,
    })
    .from(a)
    .innerJoin(organisations, eq(organisations.id, a.orgId));
export type ActivityRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** One page of the ledger (page null: the export); the status filter is the activity's kind. */
export async function listActivities(db: DbOrTx, scope: Scope, q: Omit<ActivityQuery, 'page' | 'pageSize'> & Partial<ActivityQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [a.title, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${a.heldOn})::int` },
    status: { value: q.status, column: a.kind },
    and: [underPath ? sql`${organisations.path} like ${escapeLike(underPath) + '%'}` : undefined],
  });
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const counted = async () => (await db.select({ n: count() }).from(a).innerJoin(organisations, eq(organisations.id, a.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(base(db).where(where).orderBy(desc(a.heldOn), desc(a.id)).$dynamic(), page, counted);
}

export async function findActivity(db: DbOrTx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from activities where id = ${id} for update`);
  const [row] = await base(db).where(and(eq(a.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export async function insertActivity(db: DbOrTx, values: typeof a.$inferInsert) {
  return (await db.insert(a).values(values).returning())[0]!;
}

export async function updateActivity(db: DbOrTx, id: number, values: Partial<typeof a.$inferInsert>) {
  return (await db.update(a).set(values).where(eq(a.id, id)).returning())[0]!;
}

/** The people named at an activity, with the union each is a member of now. */
export async function participantsOf(db: DbOrTx, activityId: number) {
  return queryRows<{ memberId: number; name: string; orgName: string; role: string; hours: number | null }>(
    db,
    sql`select p.member_id as "memberId", m.name, coalesce(o.name, '—') as "orgName", p.role, p.hours::float8 as hours
          from activity_participants p join members m on m.id = p.member_id
          left join memberships ms on ms.member_id = m.id and ms.left_on is null left join organisations o on o.id = ms.org_id
         where p.activity_id = ${activityId} order by p.role desc, m.name`,
  );
}

export async function insertParticipant(db: DbOrTx, values: typeof activityParticipants.$inferInsert) {
  const [row] = await db.insert(activityParticipants).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function deleteParticipant(db: DbOrTx, activityId: number, memberId: number) {
  const [row] = await db.delete(activityParticipants).where(and(eq(activityParticipants.activityId, activityId), eq(activityParticipants.memberId, memberId))).returning();
  return row ?? null;
}

/** Demo: members now in a union under `path`, first `limit` by id. */
export async function membersUnder(db: DbOrTx, path: string, limit: number) {
  return db
    .select({ id: members.id })
    .from(members)
    .innerJoin(memberships, and(eq(memberships.memberId, members.id), sql`${memberships.leftOn} is null`))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(sql`${organisations.path} like ${escapeLike(path) + '%'}`)
    .orderBy(members.id)
    .limit(limit);
}

export const ACTIVITY_TARGET: ImportTarget = {
  table: 'activities',
  columns: ['org_id', 'kind', 'title', 'held_on', 'place', 'organisers', 'person_times', 'reach', 'by_model_workers', 'summary'],
};

