import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { storedFiles, type StoredFileRow } from './files.table';

export type StoredFile = Omit<StoredFileRow, 'content'>;

/** Inserts a checked file (see `storeFile`); returns it without its bytes. */
export async function insertFile(db: DbOrTx, values: typeof storedFiles.$inferInsert): Promise<StoredFile> {
  const [row] = await db.insert(storedFiles).values(values).returning({
    id: storedFiles.id,
    orgId: storedFiles.orgId,
    orgPath: storedFiles.orgPath,
    purpose: storedFiles.purpose,
    name: storedFiles.name,
    mime: storedFiles.mime,
    size: storedFiles.size,
    sha256: storedFiles.sha256,
    uploadedBy: storedFiles.uploadedBy,
    createdAt: storedFiles.createdAt,
  });
  return row!;
}

export async function loadFile(db: DbOrTx, id: number): Promise<StoredFileRow | null> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ?? null;
}

export async function deleteFile(db: DbOrTx, id: number): Promise<void> {
  await db.delete(storedFiles).where(eq(storedFiles.id, id));
}
