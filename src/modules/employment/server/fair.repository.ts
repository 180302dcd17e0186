import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import type { FairQuery } from '../shared/fair.ledger';
import { jobFairEnterprises, jobFairs } from './fair.table';

/** 待举办 / 已举办 on `today`. */
const statusOn = (today: string): SQL<string> => sql<string>`case when ${jobFairs.heldOn} > ${today} then 'planned' else 'held' end`;
const totals = sql<{ enterprises: number; posts: number; headcount: number }>`(
  select json_build_object('enterprises', count(*), 'posts', coalesce(sum(e.posts), 0), 'headcount', coalesce(sum(e.headcount), 0))
    from ${jobFairEnterprises} e where e.fair_id = ${jobFairs.id})`;

const base = (db: DbOrTx, today: string) =>
  db.select({ fair: jobFairs, status: statusOn(today), totals, orgName: organisations.name, orgPath: organisations.path }).from(jobFairs).innerJoin(organisations, eq(organisations.id, jobFairs.orgId));

/** One page of fairs (page null: the export), newest first. */
export async function listFairs(db: DbOrTx, scope: Scope, today: string, q: Omit<FairQuery, 'page' | 'pageSize'> & Partial<FairQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [jobFairs.name, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${jobFairs.heldOn})::int` },
    status: { value: q.status, column: statusOn(today) },
    and: [underPath ? sql`${organisations.path} like ${escapeLike(underPath) + '%'}` : undefined],
  });
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const counted = async () => (await db.select({ n: count() }).from(jobFairs).innerJoin(organisations, eq(organisations.id, jobFairs.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(base(db, today).where(where).orderBy(desc(jobFairs.heldOn), desc(jobFairs.id)).$dynamic(), page, counted);
}

export async function findFair(db: DbOrTx, scope: Scope, today: string, id: number) {
  const [row] = await base(db, today).where(and(eq(jobFairs.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export async function participants(db: DbOrTx, fairId: number) {
  return db.select().from(jobFairEnterprises).where(eq(jobFairEnterprises.fairId, fairId)).orderBy(asc(jobFairEnterprises.id));
}

export async function insertFair(db: DbOrTx, values: typeof jobFairs.$inferInsert) {
  return (await db.insert(jobFairs).values(values).returning())[0]!;
}

export async function updateFair(db: DbOrTx, id: number, values: Partial<typeof jobFairs.$inferInsert>) {
  return (await db.update(jobFairs).set(values).where(eq(jobFairs.id, id)).returning())[0]!;
}

export async function insertParticipant(db: DbOrTx, values: typeof jobFairEnterprises.$inferInsert) {
  return (await db.insert(jobFairEnterprises).values(values).returning())[0]!;
}

export async function deleteParticipant(db: DbOrTx, fairId: number, id: number) {
  return (await db.delete(jobFairEnterprises).where(and(eq(jobFairEnterprises.id, id), eq(jobFairEnterprises.fairId, fairId))).returning())[0] ?? null;
}

/** Upcoming fairs of the whole district (the public page): name, date, form and place only. */
export async function upcomingFairs(db: DbOrTx, today: string, limit: number) {
  return db
    .select({ id: jobFairs.id, name: jobFairs.name, heldOn: jobFairs.heldOn, mode: jobFairs.mode, venue: jobFairs.venue, orgName: organisations.name })
    .from(jobFairs)
    .innerJoin(organisations, eq(organisations.id, jobFairs.orgId))
    .where(sql`${jobFairs.heldOn} >= ${today}`)
    .orderBy(asc(jobFairs.heldOn), asc(jobFairs.id))
    .limit(limit);
}
