import { PassThrough, Readable } from 'node:stream';
import { ExcelJS, type Row } from '../excel/exceljs';
import { WorkerClient } from '../workers';
import type { ImportRowsBatch, ImportRowsStart } from './sheet.worker';
import { cellText, type ImportColumn, type ImportInputRow } from './cells';
import { decodeText, isZip, parseCsv } from './csv';

export { cellText, normaliseHeader, parseImportDate } from './cells';

export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNo: number;
  cells: string[];
}

/**
 * Streams the first worksheet of an .xlsx buffer, one row at a time, without loading the workbook, and
 * reports how many bytes of the file have been consumed (a progress measure that needs no row count).
 * A .csv upload (see csv.ts: UTF-8 or GB18030, detected) is read the same way, a record per row.
 */
export async function* readSheetRows(file: Buffer, onBytes?: (read: number) => void): AsyncGenerator<SheetRow> {
  if (!isZip(file)) {
    const text = decodeText(file) ?? '';
    for (const { rowNo, cells, offset } of parseCsv(text)) {
      onBytes?.(Math.floor((offset / Math.max(1, text.length)) * file.length));
      yield { rowNo, cells: cells.map(cellText) };
    }
    onBytes?.(file.length);
    return;
  }
  const source = new PassThrough({ highWaterMark: 1 << 16 });
  let read = 0;
  const chunkSize = 1 << 16;
  const feeder = Readable.from(
    (function* () {
      for (let i = 0; i < file.length; i += chunkSize) {
        read = Math.min(file.length, i + chunkSize);
        yield file.subarray(i, i + chunkSize);
      }
    })(),
  );
  feeder.pipe(source);
  // A workbook saved by Excel keeps its text in one shared-strings table, which ExcelJS holds as a JS string per
  // entry (about 50 bytes each: +550 MiB for a 1,000,000-row roster). The table it fills and reads is swapped for
  // CompactStrings behind a proxy (`push` as the entries are read, `[index]` for a cell), so ExcelJS still reads
  // the sheet as before — straight through when the table came first, else from its temporary file afterwards.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  compactSharedStrings(reader);
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<Row>) {
      const values = (row.values as unknown[]).slice(1);
      onBytes?.(read);
      yield { rowNo: row.number, cells: values.map(cellText) };
    }
    break;
  }
  onBytes?.(file.length);
}

/**
 * Makes a WorkbookReader keep its shared strings in CompactStrings: ExcelJS assigns `sharedStrings = []` when the
 * table's entry begins (until then the reader must see none, so that a sheet before it waits), pushes each entry
 * (a string or `{ richText }`), and reads `sharedStrings[index]` for a cell.
 */
function compactSharedStrings(reader: object): void {
  let table: unknown;
  Object.defineProperty(reader, 'sharedStrings', {
    configurable: true,
    get: () => table,
    set: () => {
      const strings = new CompactStrings();
      const push = (t: string | { richText: { text?: string }[] } | null) => strings.push(t == null ? '' : typeof t === 'string' ? t : t.richText.map((r) => r.text ?? '').join(''));
      table = new Proxy([], { get: (_, key) => (key === 'push' ? push : key === 'length' ? strings.size : typeof key === 'string' ? strings.get(Number(key)) : undefined) });
    },
  });
}

/** Strings by index in one UTF-8 buffer with their offsets: about 4 bytes beside the text itself per entry. */
export class CompactStrings {
  private bytes = Buffer.alloc(1 << 16);
  private ends = new Uint32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(text: string): void {
    const start = this.count ? this.ends[this.count - 1]! : 0;
    const need = start + Buffer.byteLength(text);
    if (need > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, start);
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.bytes.write(text, start, 'utf8');
    this.ends[this.count++] = need;
  }

  /** The entry at `index`, or '' past the end (a cell referring to a missing entry reads as empty, as in Excel). */
  get(index: number): string {
    if (!(index >= 0 && index < this.count)) return '';
    return this.bytes.toString('utf8', index ? this.ends[index - 1] : 0, this.ends[index]);
  }
}

/**
 * An upload in shared memory, which a worker thread reads without a copy of its own: as it is when the body
 * arrived there (readUpload in platform/http), else copied once, so a job holds a province's roster (a few hundred
 * MiB) once.
 */
export function sharedUpload(file: Uint8Array): Buffer {
  if (file.buffer instanceof SharedArrayBuffer) return Buffer.from(file.buffer, file.byteOffset, file.length);
  const shared = Buffer.from(new SharedArrayBuffer(file.length));
  shared.set(file);
  return shared;
}

/** An upload being read on a worker thread: the header's verdict, then the data rows in batches. */
export interface ImportRows {
  /** Missing required columns and unknown headers; null when the sheet has no rows at all. */
  head: { missing: string[]; unknown: string[] } | null;
  /** Batches of non-empty data rows, each row's values by column key and its row check's result. */
  chunks: AsyncGenerator<ImportInputRow[]>;
  close(): Promise<void>;
}

const newWorker = () => new WorkerClient<ImportRowsStart | null, ImportRowsBatch>(new URL('./sheet.worker.ts', import.meta.url), null);

/**
 * Opens uploads for imports, each read on its own worker thread (see sheet.worker.ts): the worker parses,
 * matches the header to `columns` and runs the row check while the caller works on the previous batch.
 * With `warm`, a spare worker is kept started (about half a second of start-up, mostly loading the Excel
 * reader and the TypeScript loader), so an import begins reading at once.
 */
export class ImportRowReaders {
  private spare: WorkerClient<ImportRowsStart | null, ImportRowsBatch> | null = null;
  private closed = false;

  constructor(private readonly warm: boolean) {
    if (warm) this.spare = newWorker();
  }

  /** `onBytes` reports progress as in readSheetRows. */
  async open(
    file: Buffer,
    options: { columns: ImportColumn[]; check?: { module: string; input: unknown } },
    onBytes?: (read: number) => void,
    batchSize = 2000,
  ): Promise<ImportRows> {
    const worker = this.spare ?? newWorker();
    this.spare = null;
    // The worker reads the upload in shared memory (a plain buffer would be copied on the way).
    const shared = sharedUpload(file);
    const columns = options.columns.map(({ key, header, required, aliases }) => ({ key, header, required, aliases }));
    const start: ImportRowsStart = { file: shared, batchSize, columns, ...(options.check ? { check: options.check } : {}) };
    const close = async () => {
      await worker.close();
      if (this.warm && !this.closed) this.spare ??= newWorker();
    };
    let first: ImportRowsBatch;
    try {
      first = await worker.call(start);
    } catch (error) {
      await close();
      throw error;
    }
    onBytes?.(first.readBytes);
    async function* chunks(): AsyncGenerator<ImportInputRow[]> {
      let batch = first;
      for (;;) {
        if (batch.rows.length) yield batch.rows;
        if (batch.done) return;
        batch = await worker.call(null);
        onBytes?.(batch.readBytes);
      }
    }
    return { head: first.head ?? null, chunks: chunks(), close };
  }

  /** Stops the spare (shutdown, tests). */
  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = null;
    await spare?.close();
  }
}
