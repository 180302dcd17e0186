import { and, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { scopeCondition, type Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import { accounts } from '@modules/accounts/server';
import { organisations } from '@modules/organisations/server';
import { reports, type ReportRow } from './report.table';

const finaliser = alias(accounts, 'finaliser');
const columns = {
  report: reports,
  orgName: organisations.name,
  orgPath: organisations.path,
  createdByName: accounts.displayName,
  finalisedByName: finaliser.displayName,
};
export type ReportWithNames = { report: ReportRow; orgName: string; orgPath: string; createdByName: string; finalisedByName: string | null };

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(reports)
    .innerJoin(organisations, eq(organisations.id, reports.orgId))
    .innerJoin(accounts, eq(accounts.id, reports.createdBy))
    .leftJoin(finaliser, eq(finaliser.id, reports.finalisedBy));
}

export async function findReportInScope(db: DbOrTx, scope: Scope, id: number): Promise<ReportWithNames | null> {
  const rows = await base(db).where(and(eq(reports.id, id), scopeCondition(organisations.path, scope))).limit(1);
  return rows[0] ?? null;
}

export async function listReports(
  db: DbOrTx,
  scope: Scope,
  q: { status?: 'draft' | 'final' | undefined; page: number; pageSize: number },
): Promise<{ rows: ReportWithNames[]; total: number }> {
  const where = and(scopeCondition(organisations.path, scope), q.status ? eq(reports.status, q.status) : undefined);
  const [total] = await db.select({ n: count() }).from(reports).innerJoin(organisations, eq(organisations.id, reports.orgId)).where(where);
  const rows = await base(db)
    .where(where)
    .orderBy(desc(reports.updatedAt), desc(reports.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows, total: total?.n ?? 0 };
}

export async function insertReport(db: DbOrTx, values: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row!;
}

/** Updates a draft; the `status = 'draft'` guard (and a trigger) keep finalised reports unchanged. */
export async function updateDraft(db: DbOrTx, id: number, values: Partial<typeof reports.$inferInsert>): Promise<ReportRow | null> {
  const [row] = await db
    .update(reports)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(reports.id, id), eq(reports.status, 'draft')))
    .returning();
  return row ?? null;
}
