import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { storedFiles } from '../files/files.table';
import { ledgerAttachments } from './attachments.table';

const ofRecord = (owner: string, recordId: number) => and(eq(ledgerAttachments.owner, owner), eq(ledgerAttachments.recordId, recordId));

/** A record's attachments with their file's name, type and size (no bytes), oldest first. */
export async function attachmentsOf(db: DbOrTx, owner: string, recordId: number) {
  return db
    .select({
      id: ledgerAttachments.id,
      kind: ledgerAttachments.kind,
      fileId: ledgerAttachments.fileId,
      uploaderName: ledgerAttachments.uploaderName,
      createdAt: ledgerAttachments.createdAt,
      name: storedFiles.name,
      mime: storedFiles.mime,
      size: storedFiles.size,
    })
    .from(ledgerAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, ledgerAttachments.fileId))
    .where(ofRecord(owner, recordId))
    .orderBy(asc(ledgerAttachments.id));
}

export async function countAttachments(db: DbOrTx, owner: string, recordId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ledgerAttachments).where(ofRecord(owner, recordId));
  return row?.n ?? 0;
}

/** The distinct kinds a record holds. */
export async function kindsHeld(db: DbOrTx, owner: string, recordId: number): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: ledgerAttachments.kind }).from(ledgerAttachments).where(ofRecord(owner, recordId));
  return rows.map((r) => r.kind);
}

/** One attachment, only if it belongs to that record (another record's id answers null). */
export async function attachmentOf(db: DbOrTx, owner: string, recordId: number, id: number) {
  const [row] = await db.select().from(ledgerAttachments).where(and(eq(ledgerAttachments.id, id), ofRecord(owner, recordId)));
  return row ?? null;
}

export async function insertAttachment(db: DbOrTx, values: typeof ledgerAttachments.$inferInsert) {
  const [row] = await db.insert(ledgerAttachments).values(values).returning();
  return row!;
}

export async function deleteAttachmentRow(db: DbOrTx, id: number): Promise<void> {
  await db.delete(ledgerAttachments).where(eq(ledgerAttachments.id, id));
}
