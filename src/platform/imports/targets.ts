import type { FieldCipher } from '../crypto';
import type { BulkWriter, CopyValue, DbOrTx } from '../db';
import { SealedValue } from './sealed';

export { SealedValue };
import { createTemporaryTable } from './import.repository';

export type { CopyValue };

export type StageValue = CopyValue | SealedValue;

/**
 * Where a spec's prepared rows go: COPY into a ledger table, or (with `temporary`) into a temporary table
 * created for the import's transaction, which the spec's `finish` reads (e.g. to update existing records).
 */
export interface ImportTarget {
  table: string;
  columns: string[];
  /** Column definitions of the temporary table, e.g. `id int, name text`. */
  temporary?: string;
}

/** Creates the temporary targets inside the import's transaction. */
export async function createTemporaryTargets(tx: DbOrTx, targets: ImportTarget[]): Promise<void> {
  for (const t of targets) if (t.temporary) await createTemporaryTable(tx, t.table, t.temporary);
}

/**
 * One chunk's rows for the ledger, per target. `seal` encrypts every SealedValue in one batch; `copy` writes
 * each target with one COPY, in target order (a table before those whose foreign keys point to it).
 */
export class ChunkLines {
  private readonly lines = new Map<string, StageValue[][]>();
  private readonly sealed: { row: StageValue[]; at: number; value: SealedValue }[] = [];

  constructor(private readonly targets: ImportTarget[]) {
    for (const t of targets) this.lines.set(t.table, []);
  }

  add(table: string, values: StageValue[]): void {
    const rows = this.lines.get(table);
    if (!rows) throw new Error(`import: ${table} is not a declared target`);
    values.forEach((value, at) => value instanceof SealedValue && this.sealed.push({ row: values, at, value }));
    rows.push(values);
  }

  async seal(cipher: FieldCipher): Promise<void> {
    if (this.sealed.length === 0) return;
    const tokens = await cipher.encryptMany(this.sealed.map((s) => [s.value.plaintext, s.value.ctx]));
    this.sealed.forEach((s, i) => (s.row[s.at] = tokens[i]!));
    this.sealed.length = 0;
  }

  async copy(writer: BulkWriter, profile?: Record<string, number>): Promise<void> {
    for (const t of this.targets) {
      const rows = this.lines.get(t.table)!;
      if (rows.length === 0) continue;
      const start = performance.now();
      // Sealed by now: every SealedValue was replaced with its ciphertext.
      await writer.copy(t.table, t.columns, rows as CopyValue[][]);
      if (profile) profile[`copy ${t.table}`] = (profile[`copy ${t.table}`] ?? 0) + performance.now() - start;
    }
  }
}
