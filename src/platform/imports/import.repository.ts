import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { importJobs, type ImportJobRow } from './import.table';

export type NewImportJob = typeof importJobs.$inferInsert;

export async function insertJob(db: DbOrTx, values: NewImportJob): Promise<ImportJobRow> {
  // createdAt comes from the caller's clock, like finishedAt, so the two agree under a test clock.
  const [row] = await db.insert(importJobs).values(values).returning();
  return row!;
}

export async function updateJob(db: DbOrTx, id: number, values: Partial<NewImportJob>): Promise<void> {
  await db.update(importJobs).set(values).where(eq(importJobs.id, id));
}

export async function findJob(db: DbOrTx, id: number): Promise<ImportJobRow | null> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return row ?? null;
}

export async function listJobs(db: DbOrTx, accountId: number, kind: string | undefined, limit: number) {
  return db
    .select({
      id: importJobs.id,
      kind: importJobs.kind,
      fileName: importJobs.fileName,
      mode: importJobs.mode,
      status: importJobs.status,
      processedRows: importJobs.processedRows,
      errorRows: importJobs.errorRows,
      inserted: importJobs.inserted,
      updated: importJobs.updated,
      unchanged: importJobs.unchanged,
      skipped: importJobs.skipped,
      message: importJobs.message,
      readBytes: importJobs.readBytes,
      totalBytes: importJobs.totalBytes,
      createdAt: importJobs.createdAt,
      finishedAt: importJobs.finishedAt,
    })
    .from(importJobs)
    .where(kind ? and(eq(importJobs.accountId, accountId), eq(importJobs.kind, kind)) : eq(importJobs.accountId, accountId))
    .orderBy(desc(importJobs.id))
    .limit(limit);
}

/** At start-up: jobs that were running when the process stopped are marked failed. */
export async function failInterruptedJobs(db: DbOrTx, message: string): Promise<void> {
  const running = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(inArray(importJobs.status, ['queued', 'validating', 'writing']));
  if (running.length === 0) return;
  const ids = running.map((r) => r.id);
  await db.update(importJobs).set({ status: 'failed', message, finishedAt: new Date() }).where(inArray(importJobs.id, ids));
}

/** A temporary table for the applying transaction (dropped at its commit). Name and columns come from code. */
export async function createTemporaryTable(tx: DbOrTx, name: string, columns: string): Promise<void> {
  await tx.execute(sql.raw(`create temporary table ${name} (${columns}) on commit drop`));
}
