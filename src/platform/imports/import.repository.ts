import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { copyRows, type Db, type DbOrTx } from '../db';
import { importJobs, importRows, type ImportJobRow } from './import.table';

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

/** Stages validated rows with COPY (one per chunk): the cheapest write on both engines. */
export async function stageRows(db: Db, jobId: number, rows: { rowNo: number; payload: unknown }[]): Promise<void> {
  await copyRows(db, 'import_rows', ['job_id', 'row_no', 'payload'], rows.map((r) => [jobId, r.rowNo, JSON.stringify(r.payload)]));
}

export async function clearStagedRows(db: DbOrTx, jobId: number): Promise<void> {
  await db.delete(importRows).where(eq(importRows.jobId, jobId));
}

/** At start-up: jobs that were running when the process stopped are failed and their staged rows dropped. */
export async function failInterruptedJobs(db: DbOrTx, message: string): Promise<number> {
  const running = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(inArray(importJobs.status, ['queued', 'validating', 'writing']));
  if (running.length === 0) return 0;
  const ids = running.map((r) => r.id);
  await db.transaction(async (tx) => {
    await tx.delete(importRows).where(inArray(importRows.jobId, ids));
    await tx.update(importJobs).set({ status: 'failed', message, finishedAt: new Date() }).where(inArray(importJobs.id, ids));
  });
  return ids.length;
}

/** The job's staged rows, parsed once into a temporary table that lives until the transaction ends. */
export async function loadStagedForApply(tx: DbOrTx, jobId: number): Promise<void> {
  await tx.execute(sql`
    create temporary table import_apply on commit drop as
    select row_no, payload::jsonb as p from import_rows where job_id = ${jobId}`);
}
