import { and, count, desc, eq, ilike, inArray, ne, or, sql, sum, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { totalOf, type DbOrTx } from '@platform/db';
import { members, memberships } from '@modules/members/server';
import { organisations } from '@modules/organisations/server';
import { AID_PAID_STATUSES, type AidListQuery } from '../shared/aid.schema';
import { aidRecords, careCampaigns, educationAidRates, type AidRow } from './aid.table';
import { hardshipCases } from './hardship.table';

const aidColumns = {
  a: aidRecords,
  memberName: members.name,
  idNumberMasked: members.idNumberMasked,
  orgName: organisations.name,
  orgPath: organisations.path,
  caseNo: hardshipCases.caseNo,
  campaignName: careCampaigns.name,
};
const aidFrom = (db: DbOrTx) =>
  db
    .select(aidColumns)
    .from(aidRecords)
    .innerJoin(members, eq(members.id, aidRecords.memberId))
    .innerJoin(organisations, eq(organisations.id, aidRecords.orgId))
    .leftJoin(hardshipCases, eq(hardshipCases.id, aidRecords.caseId))
    .leftJoin(careCampaigns, eq(careCampaigns.id, aidRecords.campaignId));
export type AidWithNames = Awaited<ReturnType<ReturnType<typeof aidFrom>['where']>>[number];

function aidWhere(scope: Scope, q: Partial<AidListQuery>): SQL {
  return and(
    scopeCondition(organisations.path, scope),
    q.q ? ilike(members.name, `${escapeLike(q.q)}%`) : undefined,
    q.year ? sql`extract(year from ${aidRecords.givenOn}) = ${q.year}` : undefined,
    q.kind ? eq(aidRecords.kind, q.kind) : undefined,
    q.fundSource ? eq(aidRecords.fundSource, q.fundSource) : undefined,
    q.status ? eq(aidRecords.status, q.status) : undefined,
    q.campaignId ? eq(aidRecords.campaignId, q.campaignId) : undefined,
    q.memberId ? eq(aidRecords.memberId, q.memberId) : undefined,
  )!;
}

export async function listAid(db: DbOrTx, scope: Scope, q: AidListQuery, limit?: number) {
  const where = aidWhere(scope, q);
  const base = aidFrom(db).where(where).orderBy(desc(aidRecords.givenOn), desc(aidRecords.id));
  if (limit !== undefined) return { rows: await base.limit(limit), total: -1, totalFen: 0 };
  const rows = await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [agg] = await db
    .select({ n: count(), fen: sum(aidRecords.amountFen).mapWith(Number) })
    .from(aidRecords)
    .innerJoin(members, eq(members.id, aidRecords.memberId))
    .innerJoin(organisations, eq(organisations.id, aidRecords.orgId))
    .where(and(where, ne(aidRecords.status, 'cancelled')));
  const total = await totalOf(rows.length, q, async () => {
    const [r] = await db.select({ n: count() }).from(aidRecords).innerJoin(members, eq(members.id, aidRecords.memberId)).innerJoin(organisations, eq(organisations.id, aidRecords.orgId)).where(where);
    return r?.n ?? 0;
  });
  return { rows, total, totalFen: agg?.fen ?? 0 };
}

export async function findAidInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await aidFrom(db)
    .where(and(eq(aidRecords.id, id), scopeCondition(organisations.path, scope)))
    .limit(1);
  return row ?? null;
}

export async function aidOfMember(db: DbOrTx, memberId: number) {
  return aidFrom(db).where(and(eq(aidRecords.memberId, memberId), ne(aidRecords.status, 'cancelled'))).orderBy(desc(aidRecords.givenOn));
}

export async function insertAid(db: DbOrTx, values: typeof aidRecords.$inferInsert): Promise<AidRow> {
  const [row] = await db.insert(aidRecords).values(values).returning();
  return row!;
}

export async function updateAid(db: DbOrTx, id: number, values: Partial<typeof aidRecords.$inferInsert>) {
  await db.update(aidRecords).set(values).where(eq(aidRecords.id, id));
}

/**
 * A household's aid in a calendar year (fen), not counting cancelled records: by its case when it has one,
 * else by the member. Callers hold the payment's locks (`lockPayment` in aid.service), so no concurrent payment is missed.
 */
export async function householdYearTotal(db: DbOrTx, household: { caseId: number | null; memberId: number }, year: number) {
  const who = household.caseId ? eq(aidRecords.caseId, household.caseId) : eq(aidRecords.memberId, household.memberId);
  const rows = await db
    .select({ fen: aidRecords.amountFen })
    .from(aidRecords)
    .where(and(who, ne(aidRecords.status, 'cancelled'), sql`extract(year from ${aidRecords.givenOn}) = ${year}`));
  return rows.reduce((s, r) => s + r.fen, 0);
}

export async function paidInCampaign(db: DbOrTx, campaignId: number, memberId: number) {
  const [row] = await db
    .select({ id: aidRecords.id })
    .from(aidRecords)
    .where(and(eq(aidRecords.campaignId, campaignId), eq(aidRecords.memberId, memberId), ne(aidRecords.status, 'cancelled')))
    .limit(1);
  return row ?? null;
}

export async function educationRate(db: DbOrTx, level: string, onFile: boolean) {
  const [row] = await db.select().from(educationAidRates).where(and(eq(educationAidRates.level, level), eq(educationAidRates.onFile, onFile)));
  return row ?? null;
}

export async function educationRates(db: DbOrTx) {
  return db.select().from(educationAidRates);
}

export async function saveEducationRates(db: DbOrTx, rates: { level: string; onFile: boolean; amountFen: number }[]) {
  for (const r of rates) {
    await db
      .insert(educationAidRates)
      .values(r)
      .onConflictDoUpdate({ target: [educationAidRates.level, educationAidRates.onFile], set: { amountFen: r.amountFen } });
  }
}

export async function insertCampaign(db: DbOrTx, values: typeof careCampaigns.$inferInsert) {
  const [row] = await db.insert(careCampaigns).values(values).returning();
  return row!;
}

export async function updateCampaign(db: DbOrTx, id: number, values: Partial<typeof careCampaigns.$inferInsert>) {
  await db.update(careCampaigns).set(values).where(eq(careCampaigns.id, id));
}

export async function findCampaignInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db
    .select({ c: careCampaigns, orgName: organisations.name, orgPath: organisations.path })
    .from(careCampaigns)
    .innerJoin(organisations, eq(organisations.id, careCampaigns.orgId))
    .where(and(eq(careCampaigns.id, id), scopeCondition(organisations.path, scope)))
    .limit(1);
  return row ?? null;
}

/** A campaign with its union's path, unscoped (callers check that it reaches the member). */
export async function campaignById(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ c: careCampaigns, orgPath: organisations.path })
    .from(careCampaigns)
    .innerJoin(organisations, eq(organisations.id, careCampaigns.orgId))
    .where(eq(careCampaigns.id, id))
    .limit(1);
  return row ?? null;
}

/** Campaigns the caller takes part in: run by a union in scope or by one above the caller's union. */
export async function listCampaigns(db: DbOrTx, scope: Scope, ownPath: string) {
  return db
    .select({ c: careCampaigns, orgName: organisations.name, orgPath: organisations.path })
    .from(careCampaigns)
    .innerJoin(organisations, eq(organisations.id, careCampaigns.orgId))
    // Run by a union in scope, or by one above the caller (the district's campaign reaches every union).
    .where(or(scopeCondition(organisations.path, scope), sql`${ownPath} like ${organisations.path} || '%'`))
    .orderBy(desc(careCampaigns.startsOn), desc(careCampaigns.id));
}

/** Per campaign and fund source, over the aid paid by unions in scope: money (cancelled records excluded). */
export async function campaignStats(db: DbOrTx, scope: Scope, campaignIds: number[]) {
  if (campaignIds.length === 0) return [];
  return db
    .select({
      campaignId: aidRecords.campaignId,
      fundSource: aidRecords.fundSource,
      fen: sql<number>`coalesce(sum(${aidRecords.amountFen}), 0)::bigint`.mapWith(Number),
    })
    .from(aidRecords)
    .innerJoin(organisations, eq(organisations.id, aidRecords.orgId))
    .where(and(inArray(aidRecords.campaignId, campaignIds), ne(aidRecords.status, 'cancelled'), scopeCondition(organisations.path, scope)))
    .groupBy(aidRecords.campaignId, aidRecords.fundSource);
}

/** Per campaign, over the aid paid by unions in scope: distinct people reached and records signed. */
export async function campaignPeople(db: DbOrTx, scope: Scope, campaignIds: number[]) {
  if (campaignIds.length === 0) return [];
  return db
    .select({
      campaignId: aidRecords.campaignId,
      people: sql<number>`count(distinct ${aidRecords.memberId})::int`,
      signed: sql<number>`count(*) filter (where ${aidRecords.status} = 'signed')::int`,
    })
    .from(aidRecords)
    .innerJoin(organisations, eq(organisations.id, aidRecords.orgId))
    .where(and(inArray(aidRecords.campaignId, campaignIds), ne(aidRecords.status, 'cancelled'), scopeCondition(organisations.path, scope)))
    .groupBy(aidRecords.campaignId);
}

/** Recipients a campaign can be built from, under the campaign's union: members with a living open membership. */
export async function recipientCandidates(db: DbOrTx, source: 'cases' | 'gig', underPath: string) {
  const base = db
    .select({ memberId: members.id, name: members.name, orgId: organisations.id, orgPath: organisations.path, caseId: hardshipCases.id })
    .from(members)
    .innerJoin(memberships, and(eq(memberships.memberId, members.id), sql`${memberships.leftOn} is null`))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .leftJoin(hardshipCases, and(eq(hardshipCases.memberId, members.id), sql`${hardshipCases.status} not in ('rejected', 'withdrawn')`));
  const under = sql`${organisations.path} like ${escapeLike(underPath) + '%'}`;
  return source === 'cases'
    ? base.where(and(under, eq(hardshipCases.status, 'assisted'))).orderBy(members.id)
    : base.where(and(under, sql`${members.gigKind} is not null`)).orderBy(members.id).limit(5000);
}

/** Aid paid (approved or signed) in a year over the scope, grouped by one column; pending requests are not money yet. */
export async function aidTotals(db: DbOrTx, scope: Scope, year: number, by: 'kind' | 'fund_source') {
  const col = by === 'kind' ? aidRecords.kind : aidRecords.fundSource;
  return db
    .select({ key: col, fen: sql<number>`coalesce(sum(${aidRecords.amountFen}), 0)::bigint`.mapWith(Number), n: count() })
    .from(aidRecords)
    .innerJoin(organisations, eq(organisations.id, aidRecords.orgId))
    .where(and(scopeCondition(organisations.path, scope), inArray(aidRecords.status, [...AID_PAID_STATUSES]), sql`extract(year from ${aidRecords.givenOn}) = ${year}`))
    .groupBy(col);
}

/** People who received paid (approved or signed) aid in a year over the scope. */
export async function aidPeople(db: DbOrTx, scope: Scope, year: number) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${aidRecords.memberId})::int` })
    .from(aidRecords)
    .innerJoin(organisations, eq(organisations.id, aidRecords.orgId))
    .where(and(scopeCondition(organisations.path, scope), inArray(aidRecords.status, [...AID_PAID_STATUSES]), sql`extract(year from ${aidRecords.givenOn}) = ${year}`));
  return row?.n ?? 0;
}
