import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx } from '@platform/db';
import { storedFiles } from '@platform/files';
import {
  standardAssessments,
  standardChecklists,
  standardEvidence,
  standardItems,
  standardScores,
  unionHonours,
  type ChecklistRow,
  type HonourRow,
  type ItemRow,
} from './standard.table';

export type ChecklistWithItems = ChecklistRow & { items: ItemRow[]; assessments: number };

export async function checklistById(db: DbOrTx, id: number): Promise<ChecklistWithItems | null> {
  const [row] = await db.select().from(standardChecklists).where(eq(standardChecklists.id, id));
  if (!row) return null;
  const items = await db.select().from(standardItems).where(eq(standardItems.checklistId, id)).orderBy(asc(standardItems.position));
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from standard_assessments where checklist_id = ${id}`);
  return { ...row, items, assessments: n?.n ?? 0 };
}

export async function allChecklists(db: DbOrTx): Promise<ChecklistWithItems[]> {
  const rows = await db.select().from(standardChecklists).orderBy(asc(standardChecklists.series), desc(standardChecklists.version));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const items = await db.select().from(standardItems).where(inArray(standardItems.checklistId, ids)).orderBy(asc(standardItems.position));
  const counts = await queryRows<{ id: number; n: number }>(db, sql`select checklist_id as id, count(*)::int as n from standard_assessments group by checklist_id`);
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.checklistId === r.id), assessments: counts.find((c) => c.id === r.id)?.n ?? 0 }));
}

export async function latestPublished(db: DbOrTx, series: string): Promise<ChecklistRow | null> {
  const [row] = await db
    .select()
    .from(standardChecklists)
    .where(and(eq(standardChecklists.series, series), eq(standardChecklists.status, 'published')))
    .orderBy(desc(standardChecklists.version))
    .limit(1);
  return row ?? null;
}

/** The first published standard (by series name order): the default of lists and the home page. */
export async function defaultSeries(db: DbOrTx): Promise<{ series: string; name: string } | null> {
  const [row] = await queryRows<{ series: string; name: string }>(
    db,
    sql`select series, name from standard_checklists where status = 'published' order by id limit 1`,
  );
  return row ?? null;
}

export type AssessmentDetailRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  parent_name: string | null;
  year: number;
  series: string;
  checklist_id: number;
  status: 'draft' | 'submitted' | 'returned' | 'reviewed';
  self_total: number;
  review_total: number | null;
  grade: string | null;
  passed: boolean | null;
  review_opinion: string | null;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  reviewer_name: string | null;
  filler_org_ids: number[];
};

export async function assessmentById(db: DbOrTx, id: number): Promise<AssessmentDetailRow | null> {
  const [row] = await queryRows<AssessmentDetailRow>(
    db,
    sql`select a.id, a.org_id, o.name as org_name, o.path as org_path, p.name as parent_name, a.year, a.series, a.checklist_id,
               a.status, a.self_total, a.review_total, a.grade, a.passed, a.review_opinion, a.submitted_at, a.reviewed_at, a.reviewer_name,
               a.filler_org_ids
          from standard_assessments a join organisations o on o.id = a.org_id left join organisations p on p.id = o.parent_id
         where a.id = ${id}`,
  );
  return row ?? null;
}

export async function scoresOf(db: DbOrTx, assessmentId: number) {
  return db.select().from(standardScores).where(eq(standardScores.assessmentId, assessmentId));
}

export async function evidenceOf(db: DbOrTx, assessmentId: number) {
  return db
    .select({ id: standardEvidence.id, itemId: standardEvidence.itemId, fileId: standardEvidence.fileId, name: storedFiles.name, size: storedFiles.size, createdAt: standardEvidence.createdAt })
    .from(standardEvidence)
    .innerJoin(storedFiles, eq(storedFiles.id, standardEvidence.fileId))
    .where(eq(standardEvidence.assessmentId, assessmentId))
    .orderBy(asc(standardEvidence.id));
}

export async function evidenceById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(standardEvidence).where(eq(standardEvidence.id, id));
  return row ?? null;
}

export type AssessmentListRow = {
  org_id: number;
  org_name: string;
  parent_name: string | null;
  assessment_id: number | null;
  status: 'not_started' | 'draft' | 'submitted' | 'returned' | 'reviewed';
  self_total: number | null;
  review_total: number | null;
  grade: string | null;
  passed: boolean | null;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
};

/** Open grassroots unions in scope, each with its assessment for the year and standard (or 未自评). */
function progressQuery(scope: Scope, kinds: string[], year: number, series: string) {
  return sql`
    select o.id as org_id, o.name as org_name, p.name as parent_name, a.id as assessment_id,
           coalesce(a.status, 'not_started') as status, a.self_total, a.review_total, a.grade, a.passed, a.submitted_at, a.reviewed_at
      from organisations o
      left join organisations p on p.id = o.parent_id
      left join standard_assessments a on a.org_id = o.id and a.year = ${year} and a.series = ${series}
     where o.closed_on is null and o.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
       and ${scopeCondition(sql`o.path`, scope)}`;
}

export async function listProgress(
  db: DbOrTx,
  scope: Scope,
  kinds: string[],
  f: { year: number; series: string; status: string; q?: string | undefined },
  page: { page: number; pageSize: number } | null,
) {
  const cond: SQL[] = [];
  if (f.status !== 'all') cond.push(sql`e.status = ${f.status}`);
  if (f.q) cond.push(sql`e.org_name like ${'%' + escapeLike(f.q) + '%'}`);
  const where = cond.length ? sql`where ${sql.join(cond, sql` and `)}` : sql``;
  const inner = progressQuery(scope, kinds, f.year, f.series);
  const counts = await queryRows<{ status: string; n: number }>(db, sql`select e.status, count(*)::int as n from (${inner}) e group by e.status`);
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${inner}) e ${where}`);
  // Waiting for review first, then returned and in progress, then done; by name within each.
  const rows = await queryRows<AssessmentListRow>(
    db,
    sql`select * from (${inner}) e ${where}
         order by array_position(array['submitted','returned','draft','not_started','reviewed'], e.status), e.org_name
        ${page ? sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}` : sql`limit 100000`}`,
  );
  return { rows, total: total?.n ?? 0, counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Record<string, number> };
}

export async function awaitingReview(db: DbOrTx, scope: Scope, excludeOrgId: number, year: number, series: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from standard_assessments a join organisations o on o.id = a.org_id
         where a.status = 'submitted' and a.year = ${year} and a.series = ${series} and a.org_id <> ${excludeOrgId}
           and not a.filler_org_ids @> ${JSON.stringify([excludeOrgId])}::jsonb
           and ${scopeCondition(sql`o.path`, scope)}`,
  );
  return row?.n ?? 0;
}

export type HonourListRow = HonourRow & { orgName: string };

export async function listHonours(
  db: DbOrTx,
  scope: Scope,
  f: { q?: string | undefined; year?: number | undefined; level?: string | undefined },
  page: { page: number; pageSize: number } | null,
) {
  const cond: SQL[] = [scopeCondition(sql`o.path`, scope)];
  if (f.q) cond.push(sql`(o.name like ${'%' + escapeLike(f.q) + '%'} or h.title like ${'%' + escapeLike(f.q) + '%'})`);
  if (f.year) cond.push(sql`h.year = ${f.year}`);
  if (f.level) cond.push(sql`h.level = ${f.level}`);
  const where = sql.join(cond, sql` and `);
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from union_honours h join organisations o on o.id = h.org_id where ${where}`);
  const rows = await queryRows<{
    id: number; org_id: number; org_name: string; title: string; level: string; year: number; awarding_body: string;
    doc_no: string | null; remark: string | null; revoked_on: string | null; revoke_reason: string | null;
  }>(
    db,
    sql`select h.id, h.org_id, o.name as org_name, h.title, h.level, h.year, h.awarding_body, h.doc_no, h.remark, h.revoked_on::text as revoked_on, h.revoke_reason
          from union_honours h join organisations o on o.id = h.org_id where ${where}
         order by h.year desc, h.id desc
        ${page ? sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}` : sql`limit 100000`}`,
  );
  return { rows, total: total?.n ?? 0 };
}

export async function honourById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(unionHonours).where(eq(unionHonours.id, id));
  return row ?? null;
}

export { standardAssessments, standardChecklists, standardEvidence, standardItems, standardScores, unionHonours };

// ---------------------------------------------------------------- writes

type ChecklistInsert = typeof standardChecklists.$inferInsert;
type ItemInsert = Omit<typeof standardItems.$inferInsert, 'checklistId' | 'position'>;

export async function insertChecklist(db: DbOrTx, values: ChecklistInsert): Promise<ChecklistRow> {
  const [row] = await db.insert(standardChecklists).values(values).returning();
  return row!;
}

export async function insertItems(db: DbOrTx, checklistId: number, items: ItemInsert[]): Promise<ItemRow[]> {
  return db
    .insert(standardItems)
    .values(items.map((it, i) => ({ ...it, checklistId, position: i + 1 })))
    .returning();
}

export async function replaceDraft(db: DbOrTx, id: number, set: Partial<ChecklistInsert>, items: ItemInsert[]) {
  await db.update(standardChecklists).set(set).where(eq(standardChecklists.id, id));
  await db.delete(standardItems).where(eq(standardItems.checklistId, id));
  await insertItems(db, id, items);
}

export async function openDraftOf(db: DbOrTx, series: string): Promise<number | null> {
  const [row] = await db.select({ id: standardChecklists.id }).from(standardChecklists).where(and(eq(standardChecklists.series, series), eq(standardChecklists.status, 'draft')));
  return row?.id ?? null;
}

export async function maxVersion(db: DbOrTx, series: string): Promise<number> {
  const [row] = await queryRows<{ v: number }>(db, sql`select coalesce(max(version), 0)::int as v from standard_checklists where series = ${series}`);
  return row?.v ?? 0;
}

/** Makes `id` the published version of its series; the one published before is retired. */
export async function publish(db: DbOrTx, id: number, series: string, at: Date) {
  await db.update(standardChecklists).set({ status: 'retired' }).where(and(eq(standardChecklists.series, series), eq(standardChecklists.status, 'published')));
  await db.update(standardChecklists).set({ status: 'published', publishedAt: at }).where(eq(standardChecklists.id, id));
}

export async function deleteChecklist(db: DbOrTx, id: number) {
  await db.delete(standardChecklists).where(eq(standardChecklists.id, id));
}

export async function findAssessmentId(db: DbOrTx, orgId: number, year: number, series: string): Promise<number | null> {
  const [row] = await db
    .select({ id: standardAssessments.id })
    .from(standardAssessments)
    .where(and(eq(standardAssessments.orgId, orgId), eq(standardAssessments.year, year), eq(standardAssessments.series, series)));
  return row?.id ?? null;
}

export async function insertAssessment(db: DbOrTx, values: typeof standardAssessments.$inferInsert): Promise<number> {
  const [row] = await db.insert(standardAssessments).values(values).returning({ id: standardAssessments.id });
  return row!.id;
}

/** Notes that a union's account filled in part of the assessment (kept once per union). */
export async function noteFiller(db: DbOrTx, id: number, orgId: number) {
  await db.execute(sql`update standard_assessments set filler_org_ids = filler_org_ids || ${JSON.stringify([orgId])}::jsonb
                        where id = ${id} and not filler_org_ids @> ${JSON.stringify([orgId])}::jsonb`);
}

export async function updateAssessment(db: DbOrTx, id: number, set: Partial<typeof standardAssessments.$inferInsert>) {
  await db.update(standardAssessments).set(set).where(eq(standardAssessments.id, id));
}

export async function upsertScore(
  db: DbOrTx,
  assessmentId: number,
  itemId: number,
  set: { selfScore?: number | null; selfNote?: string | null; reviewScore?: number | null; reviewNote?: string | null },
) {
  await db
    .insert(standardScores)
    .values({ assessmentId, itemId, ...set })
    .onConflictDoUpdate({ target: [standardScores.assessmentId, standardScores.itemId], set });
}

export async function insertScores(db: DbOrTx, rows: (typeof standardScores.$inferInsert)[]) {
  if (rows.length) await db.insert(standardScores).values(rows);
}

export async function insertEvidence(db: DbOrTx, rows: (typeof standardEvidence.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(standardEvidence).values(rows).returning();
}

export async function deleteEvidence(db: DbOrTx, id: number) {
  await db.delete(standardEvidence).where(eq(standardEvidence.id, id));
}

export async function insertHonours(db: DbOrTx, rows: (typeof unionHonours.$inferInsert)[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insert(unionHonours).values(rows).returning({ id: unionHonours.id })).map((r) => r.id);
}

export async function revokeHonourRow(db: DbOrTx, id: number, revokedOn: string, reason: string) {
  await db.update(unionHonours).set({ revokedOn, revokeReason: reason }).where(eq(unionHonours.id, id));
}

/** 待办: assessments submitted for my review (the rows `awaitingReview` counts). */
export async function assessmentsAwaitingReview(db: DbOrTx, scope: Scope, excludeOrgId: number, year: number, series: string, limit: number) {
  return queryRows<{ id: number; org_name: string }>(
    db,
    sql`select a.id, o.name as org_name from standard_assessments a join organisations o on o.id = a.org_id
         where a.status = 'submitted' and a.year = ${year} and a.series = ${series} and a.org_id <> ${excludeOrgId}
           and not a.filler_org_ids @> ${JSON.stringify([excludeOrgId])}::jsonb
           and ${scopeCondition(sql`o.path`, scope)}
         order by a.id limit ${limit}`,
  );
}

/** 待办: assessments returned for changes in scope (the summary's `returned`). */
export async function returnedAssessments(db: DbOrTx, scope: Scope, year: number, series: string, limit: number) {
  return queryRows<{ id: number; org_name: string }>(
    db,
    sql`select a.id, o.name as org_name from standard_assessments a join organisations o on o.id = a.org_id
         where a.status = 'returned' and a.year = ${year} and a.series = ${series} and ${scopeCondition(sql`o.path`, scope)}
         order by a.id limit ${limit}`,
  );
}

/** 待办: the account's own union, when it is a grassroots union whose self-assessment this year is not yet submitted. */
export async function ownAssessmentDue(db: DbOrTx, orgId: number, kinds: string[], year: number, series: string) {
  const [row] = await queryRows<{ org_name: string; id: number | null; status: 'draft' | null }>(
    db,
    sql`select o.name as org_name, a.id, a.status from organisations o
          left join standard_assessments a on a.org_id = o.id and a.year = ${year} and a.series = ${series}
         where o.id = ${orgId} and o.closed_on is null and o.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
           and (a.id is null or a.status = 'draft')`,
  );
  return row ?? null;
}
