import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import type { ImportTarget } from '@platform/imports';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import type { HiringQuery } from '../shared/hiring.ledger';
import { hiringInterests, hiringPosts } from './hiring.table';

export const HIRING_TARGET: ImportTarget = {
  table: 'hiring_posts',
  columns: ['org_id', 'employer_name', 'employer_uscc', 'post', 'work_kind', 'headcount', 'pay_min', 'pay_max', 'requirements', 'place', 'recorded_on', 'valid_until', 'contact_name', 'contact_phone', 'source'],
};

/** 招聘中 / 已招满 / 已过期 on `today` (China's date). */
export const statusOn = (today: string): SQL<string> =>
  sql<string>`case when ${hiringPosts.filledOn} is not null then 'filled' when ${hiringPosts.validUntil} < ${today} then 'expired' else 'open' end`;

const interested = sql<number>`(select count(*)::int from hiring_interests i where i.post_id = ${hiringPosts.id})`;
const base = (db: DbOrTx, today: string) =>
  db.select({ post: hiringPosts, status: statusOn(today), orgName: organisations.name, orgPath: organisations.path, interested }).from(hiringPosts).innerJoin(organisations, eq(organisations.id, hiringPosts.orgId));

/** One page of the ledger (page null: the export). */
export async function listPosts(db: DbOrTx, scope: Scope, today: string, q: Omit<HiringQuery, 'page' | 'pageSize'> & Partial<HiringQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [hiringPosts.employerName, hiringPosts.post, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${hiringPosts.recordedOn})::int` },
    status: { value: q.status, column: statusOn(today) },
    and: [underPath ? sql`${organisations.path} like ${escapeLike(underPath) + '%'}` : undefined],
  });
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const counted = async () => (await db.select({ n: count() }).from(hiringPosts).innerJoin(organisations, eq(organisations.id, hiringPosts.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(base(db, today).where(where).orderBy(desc(hiringPosts.recordedOn), desc(hiringPosts.id)).$dynamic(), page, counted);
}

export async function findPost(db: DbOrTx, scope: Scope, today: string, id: number) {
  const [row] = await base(db, today).where(and(eq(hiringPosts.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export async function insertPost(db: DbOrTx, values: typeof hiringPosts.$inferInsert) {
  return (await db.insert(hiringPosts).values(values).returning())[0]!;
}

export async function updatePost(db: DbOrTx, id: number, values: Partial<typeof hiringPosts.$inferInsert>) {
  return (await db.update(hiringPosts).set(values).where(eq(hiringPosts.id, id)).returning())[0]!;
}

/** Demo records, written in one statement. */
export async function insertPostsBulk(db: DbOrTx, rows: (typeof hiringPosts.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(hiringPosts).values(rows.slice(i, i + 500));
}

/** Open posts of the whole district (the public page), newest first: no contact details, the keeping union instead. */
export async function openPosts(db: DbOrTx, today: string, limit: number) {
  return db
    .select({ id: hiringPosts.id, employerName: hiringPosts.employerName, post: hiringPosts.post, workKind: hiringPosts.workKind, headcount: hiringPosts.headcount, payMin: hiringPosts.payMin, payMax: hiringPosts.payMax, requirements: hiringPosts.requirements, place: hiringPosts.place, validUntil: hiringPosts.validUntil, orgName: organisations.name })
    .from(hiringPosts)
    .innerJoin(organisations, eq(organisations.id, hiringPosts.orgId))
    .where(and(sql`${hiringPosts.filledOn} is null`, sql`${hiringPosts.validUntil} >= ${today}`, sql`${hiringPosts.recordedOn} <= ${today}`))
    .orderBy(desc(hiringPosts.recordedOn), desc(hiringPosts.id))
    .limit(limit);
}

/** An open post as the public page may act on it (the keeping union's name for the answer). */
export async function openPost(db: DbOrTx, today: string, id: number) {
  const [row] = await db
    .select({ id: hiringPosts.id, post: hiringPosts.post, orgId: hiringPosts.orgId, orgName: organisations.name, orgPath: organisations.path })
    .from(hiringPosts)
    .innerJoin(organisations, eq(organisations.id, hiringPosts.orgId))
    .where(and(eq(hiringPosts.id, id), sql`${hiringPosts.filledOn} is null`, sql`${hiringPosts.validUntil} >= ${today}`, sql`${hiringPosts.recordedOn} <= ${today}`));
  return row ?? null;
}

/** Keeps a worker's interest once per post and phone; null when this phone already said so. */
export async function insertInterest(db: DbOrTx, values: typeof hiringInterests.$inferInsert) {
  const [row] = await db.insert(hiringInterests).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export const interestsOf = (db: DbOrTx, postId: number) =>
  db.select({ id: hiringInterests.id, name: hiringInterests.name, phoneMasked: hiringInterests.phoneMasked, message: hiringInterests.message, createdAt: hiringInterests.createdAt }).from(hiringInterests).where(eq(hiringInterests.postId, postId)).orderBy(desc(hiringInterests.id));

export async function findInterest(db: DbOrTx, postId: number, id: number) {
  return (await db.select().from(hiringInterests).where(and(eq(hiringInterests.id, id), eq(hiringInterests.postId, postId))))[0] ?? null;
}

/** The day a post stopped taking workers: the day it was filled, or its last valid day. */
const closedOn = sql<string>`least(coalesce(${hiringPosts.filledOn}, ${hiringPosts.validUntil}), ${hiringPosts.validUntil})`;

/** Posts closed before `cutoff` that still hold interests, with how many each holds. */
export const postsWithStaleInterests = (db: DbOrTx, cutoff: string) =>
  db
    .select({ id: hiringPosts.id, post: hiringPosts.post, employerName: hiringPosts.employerName, orgId: hiringPosts.orgId, orgPath: organisations.path, interests: count(hiringInterests.id) })
    .from(hiringPosts)
    .innerJoin(organisations, eq(organisations.id, hiringPosts.orgId))
    .innerJoin(hiringInterests, eq(hiringInterests.postId, hiringPosts.id))
    .where(sql`${closedOn} < ${cutoff}`)
    .groupBy(hiringPosts.id, organisations.path)
    .orderBy(hiringPosts.id);

/** Deletes the interests of these posts; one post id per deleted row. */
export async function deleteInterestsOf(db: DbOrTx, postIds: number[]): Promise<number[]> {
  if (!postIds.length) return [];
  return (await db.delete(hiringInterests).where(inArray(hiringInterests.postId, postIds)).returning({ postId: hiringInterests.postId })).map((r) => r.postId);
}
