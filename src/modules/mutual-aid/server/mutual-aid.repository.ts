import { and, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, totalOf, type DbOrTx } from '@platform/db';
import { members } from '@modules/members/server';
import { organisations } from '@modules/organisations/server';
import type { ClaimListQuery, EnrolmentListQuery } from '../shared/mutual-aid.schema';
import { storedFiles } from '@platform/files';
import { mutualAidClaimFiles, mutualAidClaims, mutualAidEnrolments, mutualAidPlans, mutualAidQuotas, type ClaimRow, type PlanRow } from './mutual-aid.table';

const fenSum = (col: SQL | typeof mutualAidClaims.approvedFen) => sql<number>`coalesce(sum(${col}), 0)::bigint`.mapWith(Number);

export async function insertPlan(db: DbOrTx, values: typeof mutualAidPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(mutualAidPlans).values(values).returning();
  return row!;
}

export async function updatePlan(db: DbOrTx, id: number, values: Partial<typeof mutualAidPlans.$inferInsert>) {
  await db.update(mutualAidPlans).set(values).where(eq(mutualAidPlans.id, id));
}

export async function planNamed(db: DbOrTx, orgId: number, year: number, name: string) {
  const [row] = await db.select({ id: mutualAidPlans.id }).from(mutualAidPlans).where(and(eq(mutualAidPlans.orgId, orgId), eq(mutualAidPlans.year, year), eq(mutualAidPlans.name, name)));
  return row ?? null;
}

const planFrom = (db: DbOrTx) =>
  db.select({ p: mutualAidPlans, orgName: organisations.name, orgPath: organisations.path }).from(mutualAidPlans).innerJoin(organisations, eq(organisations.id, mutualAidPlans.orgId));
export type PlanWithOrg = Awaited<ReturnType<ReturnType<typeof planFrom>['where']>>[number];

/** Plans the reader takes part in: run by a union in scope, or by one above the reader's union (the district's). */
export async function listPlans(db: DbOrTx, scope: Scope, ownPath: string, year?: number) {
  return planFrom(db)
    .where(and(or(scopeCondition(organisations.path, scope), sql`${ownPath} like ${organisations.path} || '%'`), year ? eq(mutualAidPlans.year, year) : undefined))
    .orderBy(desc(mutualAidPlans.year), mutualAidPlans.id);
}

/** A plan by id, unscoped (callers check that it reaches the reader or the member). */
export async function planById(db: DbOrTx, id: number) {
  const [row] = await planFrom(db).where(eq(mutualAidPlans.id, id)).limit(1);
  return row ?? null;
}

/** Per plan, over the enrolments and claims of unions in scope. */
export async function planTotals(db: DbOrTx, scope: Scope, planIds: number[]) {
  if (planIds.length === 0) return { enrolled: [], claims: [] };
  const enrolled = await db
    .select({ planId: mutualAidEnrolments.planId, n: count(), premium: fenSum(sql`${mutualAidEnrolments.premiumFen}`) })
    .from(mutualAidEnrolments)
    .innerJoin(organisations, eq(organisations.id, mutualAidEnrolments.orgId))
    .where(and(inArray(mutualAidEnrolments.planId, planIds), eq(mutualAidEnrolments.status, 'enrolled'), scopeCondition(organisations.path, scope)))
    .groupBy(mutualAidEnrolments.planId);
  const claims = await db
    .select({ planId: mutualAidEnrolments.planId, n: count(), paid: fenSum(sql`case when ${mutualAidClaims.status} = 'paid' then ${mutualAidClaims.approvedFen} end`) })
    .from(mutualAidClaims)
    .innerJoin(mutualAidEnrolments, eq(mutualAidEnrolments.id, mutualAidClaims.enrolmentId))
    .innerJoin(organisations, eq(organisations.id, mutualAidClaims.orgId))
    .where(and(inArray(mutualAidEnrolments.planId, planIds), ne(mutualAidClaims.status, 'rejected'), scopeCondition(organisations.path, scope)))
    .groupBy(mutualAidEnrolments.planId);
  return { enrolled, claims };
}

export async function quotasOf(db: DbOrTx, planId: number) {
  return db.select().from(mutualAidQuotas).where(eq(mutualAidQuotas.planId, planId));
}

export async function replaceQuotas(db: DbOrTx, planId: number, quotas: { orgId: number; persons: number }[]) {
  await db.delete(mutualAidQuotas).where(eq(mutualAidQuotas.planId, planId));
  const rows = quotas.filter((q) => q.persons > 0).map((q) => ({ planId, ...q }));
  if (rows.length) await db.insert(mutualAidQuotas).values(rows);
}

/** The unions one level under `parentId` (open), with enrolments under each in the plan. */
export async function enrolledByChild(db: DbOrTx, planId: number, parentId: number) {
  return queryRows<{ org_id: number; org_name: string; path: string; enrolled: number }>(db, sql`
    select c.id as org_id, c.name as org_name, c.path,
           (select count(*)::int from mutual_aid_enrolments e join organisations o on o.id = e.org_id
             where e.plan_id = ${planId} and e.status = 'enrolled' and o.path like c.path || '%') as enrolled
      from organisations c
     where c.parent_id = ${parentId} and c.closed_on is null
     order by c.code`);
}

export async function childOrgs(db: DbOrTx, parentId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.parentId, parentId), inArray(organisations.id, ids)));
}

// ---------- enrolments ----------

const enrolmentFrom = (db: DbOrTx) =>
  db
    .select({ e: mutualAidEnrolments, memberName: members.name, idNumberMasked: members.idNumberMasked, orgName: organisations.name, orgPath: organisations.path })
    .from(mutualAidEnrolments)
    .innerJoin(members, eq(members.id, mutualAidEnrolments.memberId))
    .innerJoin(organisations, eq(organisations.id, mutualAidEnrolments.orgId));
export type EnrolmentWithNames = Awaited<ReturnType<ReturnType<typeof enrolmentFrom>['where']>>[number];

function enrolmentWhere(scope: Scope, planId: number, q: Partial<EnrolmentListQuery>) {
  return and(
    eq(mutualAidEnrolments.planId, planId),
    scopeCondition(organisations.path, scope),
    q.q ? ilike(members.name, `${escapeLike(q.q)}%`) : undefined,
    q.status ? eq(mutualAidEnrolments.status, q.status) : undefined,
    q.orgId ? sql`${organisations.path} like (select path from organisations where id = ${q.orgId}) || '%'` : undefined,
  )!;
}

export async function listEnrolments(db: DbOrTx, scope: Scope, planId: number, q: EnrolmentListQuery, limit?: number) {
  const where = enrolmentWhere(scope, planId, q);
  const base = enrolmentFrom(db).where(where).orderBy(organisations.code, mutualAidEnrolments.id);
  if (limit !== undefined) return { rows: await base.limit(limit), total: -1 };
  const rows = await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const total = await totalOf(rows.length, q, async () => {
    const [r] = await db.select({ n: count() }).from(mutualAidEnrolments).innerJoin(members, eq(members.id, mutualAidEnrolments.memberId)).innerJoin(organisations, eq(organisations.id, mutualAidEnrolments.orgId)).where(where);
    return r?.n ?? 0;
  });
  return { rows, total };
}

export async function findEnrolmentInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await enrolmentFrom(db).where(and(eq(mutualAidEnrolments.id, id), scopeCondition(organisations.path, scope))).limit(1);
  return row ?? null;
}

/** The member's enrolment in the plan: the one in force, else the latest withdrawn one. */
export async function enrolmentOf(db: DbOrTx, planId: number, memberId: number) {
  const [row] = await db
    .select()
    .from(mutualAidEnrolments)
    .where(and(eq(mutualAidEnrolments.planId, planId), eq(mutualAidEnrolments.memberId, memberId)))
    .orderBy(sql`${mutualAidEnrolments.status} = 'enrolled' desc`, desc(mutualAidEnrolments.id))
    .limit(1);
  return row ?? null;
}

/** Member ids among `memberIds` already enrolled in the plan (an import's check). */
export async function enrolledAmong(db: DbOrTx, planId: number, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  return db.select({ memberId: mutualAidEnrolments.memberId }).from(mutualAidEnrolments).where(and(eq(mutualAidEnrolments.planId, planId), inArray(mutualAidEnrolments.memberId, memberIds)));
}

export async function insertEnrolment(db: DbOrTx, values: typeof mutualAidEnrolments.$inferInsert) {
  const [row] = await db.insert(mutualAidEnrolments).values(values).returning();
  return row!;
}

export async function updateEnrolment(db: DbOrTx, id: number, values: Partial<typeof mutualAidEnrolments.$inferInsert>) {
  await db.update(mutualAidEnrolments).set(values).where(eq(mutualAidEnrolments.id, id));
}

/** What an enrolment has used of its yearly benefit: approved and paid claims (fen); callers hold the enrolment's lock. */
export async function usedBenefit(db: DbOrTx, enrolmentId: number, exceptClaimId?: number) {
  const rows = await db
    .select({ fen: mutualAidClaims.approvedFen })
    .from(mutualAidClaims)
    .where(and(eq(mutualAidClaims.enrolmentId, enrolmentId), inArray(mutualAidClaims.status, ['approved', 'paid']), exceptClaimId ? ne(mutualAidClaims.id, exceptClaimId) : undefined));
  return rows.reduce((s, r) => s + (r.fen ?? 0), 0);
}

export async function claimCount(db: DbOrTx, enrolmentId: number) {
  const [row] = await db.select({ n: count() }).from(mutualAidClaims).where(eq(mutualAidClaims.enrolmentId, enrolmentId));
  return row?.n ?? 0;
}

// ---------- claims ----------

const claimFrom = (db: DbOrTx) =>
  db
    .select({ c: mutualAidClaims, e: mutualAidEnrolments, plan: mutualAidPlans, memberName: members.name, idNumberMasked: members.idNumberMasked, orgName: organisations.name, orgPath: organisations.path })
    .from(mutualAidClaims)
    .innerJoin(mutualAidEnrolments, eq(mutualAidEnrolments.id, mutualAidClaims.enrolmentId))
    .innerJoin(mutualAidPlans, eq(mutualAidPlans.id, mutualAidEnrolments.planId))
    .innerJoin(members, eq(members.id, mutualAidEnrolments.memberId))
    .innerJoin(organisations, eq(organisations.id, mutualAidClaims.orgId));
export type ClaimWithNames = Awaited<ReturnType<ReturnType<typeof claimFrom>['where']>>[number];

export async function listClaims(db: DbOrTx, scope: Scope, planId: number, q: ClaimListQuery, limit?: number) {
  const where = and(eq(mutualAidEnrolments.planId, planId), scopeCondition(organisations.path, scope), q.q ? ilike(members.name, `${escapeLike(q.q)}%`) : undefined, q.status ? eq(mutualAidClaims.status, q.status) : undefined)!;
  const base = claimFrom(db).where(where).orderBy(desc(mutualAidClaims.id));
  if (limit !== undefined) return { rows: await base.limit(limit), total: -1 };
  const rows = await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const total = await totalOf(rows.length, q, async () => {
    const [r] = await db
      .select({ n: count() })
      .from(mutualAidClaims)
      .innerJoin(mutualAidEnrolments, eq(mutualAidEnrolments.id, mutualAidClaims.enrolmentId))
      .innerJoin(members, eq(members.id, mutualAidEnrolments.memberId))
      .innerJoin(organisations, eq(organisations.id, mutualAidClaims.orgId))
      .where(where);
    return r?.n ?? 0;
  });
  return { rows, total };
}

export async function findClaimInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await claimFrom(db).where(and(eq(mutualAidClaims.id, id), scopeCondition(organisations.path, scope))).limit(1);
  return row ?? null;
}

/** Used benefit per enrolment (approved and paid claims), for presenting what is left. */
export async function usedByEnrolment(db: DbOrTx, enrolmentIds: number[]) {
  if (enrolmentIds.length === 0) return new Map<number, number>();
  const rows = await db
    .select({ id: mutualAidClaims.enrolmentId, fen: fenSum(sql`${mutualAidClaims.approvedFen}`) })
    .from(mutualAidClaims)
    .where(and(inArray(mutualAidClaims.enrolmentId, enrolmentIds), inArray(mutualAidClaims.status, ['approved', 'paid'])))
    .groupBy(mutualAidClaims.enrolmentId);
  return new Map(rows.map((r) => [r.id, r.fen]));
}

export async function insertClaim(db: DbOrTx, values: typeof mutualAidClaims.$inferInsert): Promise<ClaimRow> {
  const [row] = await db.insert(mutualAidClaims).values(values).returning();
  return row!;
}

export async function updateClaim(db: DbOrTx, id: number, values: Partial<typeof mutualAidClaims.$inferInsert>) {
  await db.update(mutualAidClaims).set(values).where(eq(mutualAidClaims.id, id));
}

/** Members in a union now under `underPath`, every `step`-th by id (the demo's enrolment list). */
export async function demoMembersUnder(db: DbOrTx, underPath: string, step: number, limit: number) {
  return queryRows<{ member_id: number; org_id: number }>(db, sql`
    select ms.member_id, ms.org_id from memberships ms join organisations o on o.id = ms.org_id
     where ms.left_on is null and o.path like ${escapeLike(underPath) + '%'} and ms.member_id % ${step} = 0
     order by ms.member_id limit ${limit}`);
}

export async function insertEnrolments(db: DbOrTx, rows: (typeof mutualAidEnrolments.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(mutualAidEnrolments).values(rows.slice(i, i + 1000));
}

export async function childrenOf(db: DbOrTx, parentId: number) {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.parentId, parentId), sql`${organisations.closedOn} is null`)).orderBy(organisations.code);
}

/** Claims waiting on the district in scope: to decide, and approved but not yet paid. */
export async function dueCounts(db: DbOrTx, scope: Scope) {
  const [row] = await db
    .select({
      submitted: sql<number>`count(*) filter (where ${mutualAidClaims.status} = 'submitted')::int`,
      approved: sql<number>`count(*) filter (where ${mutualAidClaims.status} = 'approved')::int`,
    })
    .from(mutualAidClaims)
    .innerJoin(organisations, eq(organisations.id, mutualAidClaims.orgId))
    .where(and(inArray(mutualAidClaims.status, ['submitted', 'approved']), scopeCondition(organisations.path, scope)));
  return { submitted: row?.submitted ?? 0, approved: row?.approved ?? 0 };
}

/** A member's own enrolments, newest plan first, and the claims on them. */
export async function enrolmentsOfMember(db: DbOrTx, memberId: number) {
  return db
    .select({ e: mutualAidEnrolments, plan: mutualAidPlans })
    .from(mutualAidEnrolments)
    .innerJoin(mutualAidPlans, eq(mutualAidPlans.id, mutualAidEnrolments.planId))
    .where(eq(mutualAidEnrolments.memberId, memberId))
    .orderBy(desc(mutualAidPlans.year), desc(mutualAidEnrolments.id));
}

export async function claimsOfEnrolments(db: DbOrTx, enrolmentIds: number[]) {
  if (enrolmentIds.length === 0) return [];
  return db.select().from(mutualAidClaims).where(inArray(mutualAidClaims.enrolmentId, enrolmentIds)).orderBy(desc(mutualAidClaims.id));
}

export async function insertClaimFile(db: DbOrTx, values: typeof mutualAidClaimFiles.$inferInsert) {
  const [row] = await db.insert(mutualAidClaimFiles).values(values).returning();
  return row!;
}

export async function claimFile(db: DbOrTx, id: number) {
  const [row] = await db.select().from(mutualAidClaimFiles).where(eq(mutualAidClaimFiles.id, id));
  return row ?? null;
}

/** The documents of some claims: names and sizes only. */
export async function filesOfClaims(db: DbOrTx, claimIds: number[]) {
  if (claimIds.length === 0) return [];
  return db
    .select({ id: mutualAidClaimFiles.id, claimId: mutualAidClaimFiles.claimId, kind: mutualAidClaimFiles.kind, name: storedFiles.name, size: storedFiles.size })
    .from(mutualAidClaimFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, mutualAidClaimFiles.fileId))
    .where(inArray(mutualAidClaimFiles.claimId, claimIds))
    .orderBy(mutualAidClaimFiles.id);
}

/** 待办: claims to review or to pay in scope (the rows `dueCounts` counts). */
export async function claimsDue(db: DbOrTx, scope: Scope, limit: number) {
  return queryRows<{ id: number; status: 'submitted' | 'approved'; plan_id: number; plan_name: string; member_name: string; org_name: string }>(
    db,
    sql`select c.id, c.status, e.plan_id, p.name as plan_name, m.name as member_name, o.name as org_name
          from mutual_aid_claims c join organisations o on o.id = c.org_id
          join mutual_aid_enrolments e on e.id = c.enrolment_id join mutual_aid_plans p on p.id = e.plan_id
          join members m on m.id = e.member_id
         where c.status in ('submitted', 'approved') and ${scopeCondition(sql`o.path`, scope)}
         order by c.id limit ${limit}`,
  );
}
