import { and, asc, count, desc, eq, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { totalOf, type DbOrTx } from '@platform/db';
import { storedFiles } from '@platform/files';
import { members, memberships } from '@modules/members/server';
import { organisations } from '@modules/organisations/server';
import type { CaseListQuery } from '../shared/hardship.schema';
import {
  hardshipAssessments,
  hardshipCaseEvents,
  hardshipCaseFiles,
  hardshipCases,
  hardshipSettings,
  hardshipThresholds,
  type CaseRow,
} from './hardship.table';

export async function settings(db: DbOrTx) {
  const [row] = await db.select().from(hardshipSettings).where(eq(hardshipSettings.id, 1));
  return row!;
}

export async function updateSettings(db: DbOrTx, values: Partial<typeof hardshipSettings.$inferInsert>) {
  await db.update(hardshipSettings).set({ ...values, updatedAt: new Date() }).where(eq(hardshipSettings.id, 1));
}

/** The threshold of a place for a year, or the latest earlier year's when that year has none yet. */
export async function thresholdFor(db: DbOrTx, place: string, year: number) {
  const [row] = await db
    .select()
    .from(hardshipThresholds)
    .where(and(eq(hardshipThresholds.place, place), lte(hardshipThresholds.year, year)))
    .orderBy(desc(hardshipThresholds.year))
    .limit(1);
  return row ?? null;
}

export async function listThresholds(db: DbOrTx) {
  return db.select().from(hardshipThresholds).orderBy(desc(hardshipThresholds.year), asc(hardshipThresholds.place));
}

export async function upsertThreshold(db: DbOrTx, values: typeof hardshipThresholds.$inferInsert) {
  const [row] = await db
    .insert(hardshipThresholds)
    .values(values)
    .onConflictDoUpdate({ target: [hardshipThresholds.place, hardshipThresholds.year], set: { minimumLivingFen: values.minimumLivingFen, source: values.source ?? null } })
    .returning();
  return row!;
}

// A member with their open membership's union (the union that will keep the case).
export { memberWithUnionById as memberById, memberWithUnionByAccount as memberByAccount } from '@modules/members/server';

export async function livingCaseOf(db: DbOrTx, memberId: number) {
  const [row] = await db
    .select({ id: hardshipCases.id, status: hardshipCases.status })
    .from(hardshipCases)
    .where(and(eq(hardshipCases.memberId, memberId), sql`${hardshipCases.status} not in ('rejected', 'withdrawn')`))
    .limit(1);
  return row ?? null;
}

/**
 * The hardship files (neither refused nor withdrawn) of the people with these ID-number blind indexes, whose case
 * lies in `scope`: another ledger (job-seeker services) links a person to their file without reading its contents.
 */
export async function hardshipFilesByIdIdx(db: DbOrTx, scope: Scope, idxs: string[]) {
  if (idxs.length === 0) return [];
  return db
    .select({ idIdx: members.idNumberIdx, id: hardshipCases.id, caseNo: hardshipCases.caseNo, status: hardshipCases.status })
    .from(hardshipCases)
    .innerJoin(members, eq(members.id, hardshipCases.memberId))
    .innerJoin(organisations, eq(organisations.id, hardshipCases.orgId))
    .where(and(inArray(members.idNumberIdx, idxs), sql`${hardshipCases.status} not in ('rejected', 'withdrawn')`, scopeCondition(organisations.path, scope)));
}

/** The next case number of a year: KN + year + 5-digit sequence (callers hold the year's `hardship.case-no` lock). */
export async function nextCaseNo(db: DbOrTx, year: number): Promise<string> {
  const prefix = `KN${year}`;
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(substring(${hardshipCases.caseNo} from 7)::int), 0)::int` })
    .from(hardshipCases)
    .where(sql`${hardshipCases.caseNo} like ${prefix + '%'}`);
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(5, '0')}`;
}

export async function insertCase(db: DbOrTx, values: typeof hardshipCases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(hardshipCases).values(values).returning();
  return row!;
}

export async function updateCase(db: DbOrTx, id: number, values: Partial<typeof hardshipCases.$inferInsert>) {
  await db.update(hardshipCases).set({ updatedAt: new Date(), ...values }).where(eq(hardshipCases.id, id));
}

export async function insertAssessment(db: DbOrTx, values: typeof hardshipAssessments.$inferInsert) {
  // A new assessment supersedes the current one.
  await db.update(hardshipAssessments).set({ supersededAt: new Date() }).where(and(eq(hardshipAssessments.caseId, values.caseId), isNull(hardshipAssessments.supersededAt)));
  const [row] = await db.insert(hardshipAssessments).values(values).returning();
  return row!;
}

export async function assessmentsOf(db: DbOrTx, caseId: number) {
  return db.select().from(hardshipAssessments).where(eq(hardshipAssessments.caseId, caseId)).orderBy(desc(hardshipAssessments.id));
}

export async function currentAssessment(db: DbOrTx, caseId: number) {
  const [row] = await db
    .select()
    .from(hardshipAssessments)
    .where(and(eq(hardshipAssessments.caseId, caseId), isNull(hardshipAssessments.supersededAt)))
    .limit(1);
  return row ?? null;
}

export async function insertEvent(db: DbOrTx, values: typeof hardshipCaseEvents.$inferInsert) {
  await db.insert(hardshipCaseEvents).values(values);
}

export async function eventsOf(db: DbOrTx, caseId: number) {
  return db.select().from(hardshipCaseEvents).where(eq(hardshipCaseEvents.caseId, caseId)).orderBy(asc(hardshipCaseEvents.at), asc(hardshipCaseEvents.id));
}

export async function hasEvent(db: DbOrTx, caseId: number, action: string, since?: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(hardshipCaseEvents)
    .where(and(eq(hardshipCaseEvents.caseId, caseId), eq(hardshipCaseEvents.action, action), since ? sql`${hardshipCaseEvents.at} >= ${since.toISOString()}` : undefined));
  return (row?.n ?? 0) > 0;
}

export async function insertCaseFile(db: DbOrTx, values: typeof hardshipCaseFiles.$inferInsert) {
  const [row] = await db.insert(hardshipCaseFiles).values(values).returning();
  return row!;
}

export async function filesOf(db: DbOrTx, caseId: number) {
  return db
    .select({ id: hardshipCaseFiles.id, kind: hardshipCaseFiles.kind, fileId: hardshipCaseFiles.fileId, name: storedFiles.name, size: storedFiles.size, createdAt: hardshipCaseFiles.createdAt })
    .from(hardshipCaseFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, hardshipCaseFiles.fileId))
    .where(eq(hardshipCaseFiles.caseId, caseId))
    .orderBy(asc(hardshipCaseFiles.id));
}

export async function hasFile(db: DbOrTx, caseId: number, kind: string) {
  const [row] = await db.select({ n: count() }).from(hardshipCaseFiles).where(and(eq(hardshipCaseFiles.caseId, caseId), eq(hardshipCaseFiles.kind, kind)));
  return (row?.n ?? 0) > 0;
}

export async function caseFile(db: DbOrTx, id: number) {
  const [row] = await db.select().from(hardshipCaseFiles).where(eq(hardshipCaseFiles.id, id)).limit(1);
  return row ?? null;
}

const caseColumns = {
  c: hardshipCases,
  memberName: members.name,
  idNumberMasked: members.idNumberMasked,
  orgName: organisations.name,
  orgPath: organisations.path,
};

/** A case whose union lies in the scope (null otherwise: another union's case is as good as absent). */
export async function findCaseInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db
    .select(caseColumns)
    .from(hardshipCases)
    .innerJoin(members, eq(members.id, hardshipCases.memberId))
    .innerJoin(organisations, eq(organisations.id, hardshipCases.orgId))
    .where(and(eq(hardshipCases.id, id), scopeCondition(organisations.path, scope)))
    .limit(1);
  return row ?? null;
}

export type CaseWithNames = NonNullable<Awaited<ReturnType<typeof findCaseInScope>>>;

export async function casesOfMember(db: DbOrTx, memberId: number) {
  return db
    .select(caseColumns)
    .from(hardshipCases)
    .innerJoin(members, eq(members.id, hardshipCases.memberId))
    .innerJoin(organisations, eq(organisations.id, hardshipCases.orgId))
    .where(eq(hardshipCases.memberId, memberId))
    .orderBy(desc(hardshipCases.id));
}

/** Due work, as SQL over a case: reviews due within 30 days, visits due, notices ending within 3 days, watch visits due. */
function dueCondition(due: NonNullable<CaseListQuery['due']>, today: string): SQL {
  const soon = (days: number) => sql`(${today}::date + ${days}::int)`;
  switch (due) {
    case 'review':
      return sql`${hardshipCases.status} = 'assisted' and ${hardshipCases.nextReviewOn} <= ${soon(30)}`;
    case 'visit':
      return sql`${hardshipCases.status} = 'visiting'`;
    case 'notice':
      return sql`${hardshipCases.status} = 'notice' and ${hardshipCases.noticeEndsOn} <= ${soon(3)}`;
    case 'watch':
      return sql`${hardshipCases.status} = 'exited' and ${hardshipCases.watchUntil} >= ${today}::date and ${hardshipCases.nextWatchVisitOn} <= ${soon(30)}`;
  }
}

function listWhere(scope: Scope, q: CaseListQuery, today: string): SQL {
  const parts: (SQL | undefined)[] = [scopeCondition(organisations.path, scope)];
  if (q.status) parts.push(eq(hardshipCases.status, q.status));
  if (q.category) parts.push(eq(hardshipCases.category, q.category));
  if (q.due) parts.push(dueCondition(q.due, today));
  if (q.q) parts.push(or(ilike(members.name, `${escapeLike(q.q)}%`), ilike(hardshipCases.caseNo, `%${escapeLike(q.q)}%`)));
  return and(...parts)!;
}

export async function listCases(db: DbOrTx, scope: Scope, q: CaseListQuery, today: string, limit?: number) {
  const where = listWhere(scope, q, today);
  const base = db
    .select(caseColumns)
    .from(hardshipCases)
    .innerJoin(members, eq(members.id, hardshipCases.memberId))
    .innerJoin(organisations, eq(organisations.id, hardshipCases.orgId))
    .where(where)
    .orderBy(desc(hardshipCases.updatedAt), desc(hardshipCases.id));
  if (limit !== undefined) return { rows: await base.limit(limit), total: -1 };
  const rows = await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const total = await totalOf(rows.length, q, async () => {
    const [r] = await db
      .select({ n: count() })
      .from(hardshipCases)
      .innerJoin(members, eq(members.id, hardshipCases.memberId))
      .innerJoin(organisations, eq(organisations.id, hardshipCases.orgId))
      .where(where);
    return r?.n ?? 0;
  });
  return { rows, total };
}

export async function dueCounts(db: DbOrTx, scope: Scope, today: string) {
  const c = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
  const [row] = await db
    .select({
      reviews: c(dueCondition('review', today)),
      visits: c(dueCondition('visit', today)),
      notices: c(dueCondition('notice', today)),
      watch: c(dueCondition('watch', today)),
      pendingFiling: c(sql`${hardshipCases.status} = 'pending_filing'`),
      applied: c(sql`${hardshipCases.status} = 'applied'`),
    })
    .from(hardshipCases)
    .innerJoin(organisations, eq(organisations.id, hardshipCases.orgId))
    .where(and(scopeCondition(organisations.path, scope), inArray(hardshipCases.status, ['applied', 'visiting', 'notice', 'pending_filing', 'assisted', 'exited'])));
  return row!;
}

/** Demo seed: members with an open membership in a grassroots union and no case yet, in a fixed scattered order. */
export async function demoCandidates(db: DbOrTx, limit: number) {
  return db
    .select({ id: members.id, orgId: organisations.id, orgPath: organisations.path })
    .from(members)
    .innerJoin(memberships, and(eq(memberships.memberId, members.id), isNull(memberships.leftOn)))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(isNull(members.accountId), sql`not exists (select 1 from hardship_cases c where c.member_id = ${members.id})`))
    // Spread over the district's unions, the same members every time.
    .orderBy(sql`md5(${members.id}::text)`)
    .limit(limit);
}

/** 待办: the cases behind each `dueCounts` figure, with the date that makes them due (null when none). */
export async function dueCases(db: DbOrTx, scope: Scope, today: string, limit: number) {
  const kinds = {
    applied: { cond: sql`${hardshipCases.status} = 'applied'`, date: sql<string | null>`null::text` },
    visit: { cond: dueCondition('visit', today), date: sql<string | null>`${hardshipCases.visitDueOn}::text` },
    notice: { cond: dueCondition('notice', today), date: sql<string | null>`${hardshipCases.noticeEndsOn}::text` },
    pending_filing: { cond: sql`${hardshipCases.status} = 'pending_filing'`, date: sql<string | null>`null::text` },
    review: { cond: dueCondition('review', today), date: sql<string | null>`${hardshipCases.nextReviewOn}::text` },
    watch: { cond: dueCondition('watch', today), date: sql<string | null>`${hardshipCases.nextWatchVisitOn}::text` },
  } as const;
  const out: { kind: keyof typeof kinds; id: number; caseNo: string; name: string; orgName: string; date: string | null }[] = [];
  for (const [kind, k] of Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)[keyof typeof kinds]][]) {
    const rows = await db
      .select({ id: hardshipCases.id, caseNo: hardshipCases.caseNo, name: members.name, orgName: organisations.name, date: k.date })
      .from(hardshipCases)
      .innerJoin(organisations, eq(organisations.id, hardshipCases.orgId))
      .innerJoin(members, eq(members.id, hardshipCases.memberId))
      .where(and(scopeCondition(organisations.path, scope), k.cond))
      .orderBy(sql`${k.date} nulls last`, hardshipCases.id)
      .limit(limit);
    out.push(...rows.map((r) => ({ kind, ...r })));
  }
  return out;
}
