/**
 * Worker thread that reads an upload for an import (see openImportRows): it streams the first sheet, matches
 * the header to the spec's columns, skips empty rows, runs the spec's row check on each row (the checks that
 * need no database: formats, check digits, blind indexes) and hands rows over in batches, working on the
 * next batch while the server validates against the database and writes the last one. It can start before
 * the upload arrives (a warm spare: see ImportRowReaders), which spares an import the worker's start-up.
 */
import { serveRequests } from '../workers';
import { mapHeaders, valuesOf, type HeaderMap, type ImportColumn, type ImportInputRow } from './cells';
import { readSheetRows } from './reader';

/** What a spec's row-check module exports: a factory given the check's input (see ImportSpec.check). */
export interface RowCheckModule {
  createRowCheck(input: unknown): (values: Record<string, string>) => unknown;
}

export interface ImportRowsStart {
  file: Uint8Array;
  batchSize: number;
  columns: ImportColumn[];
  check?: { module: string; input: unknown };
}

export interface ImportRowsBatch {
  /** In the first batch only: the header's missing required columns and unknown headers; null when the sheet is empty. */
  head?: { missing: string[]; unknown: string[] } | null;
  rows: ImportInputRow[];
  readBytes: number;
  done: boolean;
}

/** What the worker does once its upload arrives (the worker may start ahead of it, as a warm spare). */
async function begin({ file, batchSize, columns, check }: ImportRowsStart): Promise<() => Promise<ImportRowsBatch>> {
  const rowCheck = check ? ((await import(check.module)) as RowCheckModule).createRowCheck(check.input) : null;
  let readBytes = 0;
  const sheet = readSheetRows(Buffer.from(file.buffer, file.byteOffset, file.byteLength), (b) => (readBytes = b));
  let header: HeaderMap | null = null;

  async function produce(): Promise<ImportRowsBatch> {
    let head: ImportRowsBatch['head'];
    if (!header) {
      const first = await sheet.next();
      if (first.done) return { head: null, rows: [], readBytes, done: true };
      header = mapHeaders(columns, first.value.cells);
      head = { missing: header.missing.map((c) => c.header), unknown: header.unknown };
      if (header.missing.length) return { head, rows: [], readBytes, done: true };
    }
    const rows: ImportInputRow[] = [];
    // A small first batch: the server starts validating and writing while the worker is still warming up.
    const size = head === undefined ? batchSize : Math.min(batchSize, FIRST_BATCH);
    while (rows.length < size) {
      const next = await sheet.next();
      if (next.done) return { head, rows, readBytes, done: true };
      const { rowNo, cells } = next.value;
      if (cells.every((c) => c === '')) continue;
      const values = valuesOf(columns, header, cells);
      // With a row check, its result carries what `prepare` needs; the values stay here (half the message).
      rows.push(rowCheck ? { rowNo, values: {}, checked: rowCheck(values) } : { rowNo, values });
    }
    return { head, rows, readBytes, done: false };
  }

  let ahead = produce();
  return async () => {
    const batch = await ahead;
    if (!batch.done) ahead = produce();
    return batch;
  };
}

const FIRST_BATCH = 200;
let next: (() => Promise<ImportRowsBatch>) | null = null;
// The first request brings the upload and the spec's columns; each later one asks for the next batch.
serveRequests(async (request: ImportRowsStart | null) => {
  if (request) next = await begin(request);
  if (!next) throw new Error('sheet worker: no upload yet');
  return next();
});
