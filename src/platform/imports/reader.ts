import { PassThrough, Readable } from 'node:stream';
import { ExcelJS, type Row } from '../excel/exceljs';
import { WorkerClient } from '../workers';
import type { SheetBatch } from './sheet.worker';

/** A cell as the importer sees it: trimmed text (dates as YYYY-MM-DD), or '' when empty. */
export function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result);
    if (v.error) return '';
    return '';
  }
  let text = String(value).trim();
  // An exported cell guarded against formula injection starts with an apostrophe: drop it again.
  if (text.startsWith("'")) text = text.slice(1);
  return text;
}

/** Header text normalised for matching: no spaces (any width), no required-marker asterisks. */
export function normaliseHeader(h: string): string {
  return h.replace(/[\s\u3000*＊]/g, '');
}

export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNo: number;
  cells: string[];
}

/**
 * Streams the first worksheet of an .xlsx buffer, one row at a time, without loading the workbook, and
 * reports how many bytes of the file have been consumed (a progress measure that needs no row count).
 */
export async function* readSheetRows(file: Buffer, onBytes?: (read: number) => void): AsyncGenerator<SheetRow> {
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
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
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
 * A date as people type it in Excel: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, or an Excel serial
 * day number (a date cell read without its format). Returns YYYY-MM-DD or null when it is not a real date.
 */
export function parseImportDate(text: string): string | null {
  const t = text.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{5})(\.0+)?$/.exec(t))) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(match[1]) * 86_400_000);
    return date.toISOString().slice(0, 10);
  } else {
    return null;
  }
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * The rows of the first worksheet, parsed on a worker thread in batches while the caller works on the
 * previous batch; `onBytes` reports progress as in readSheetRows.
 */
export async function* readSheetInWorker(file: Buffer, onBytes?: (read: number) => void, batchSize = 2000): AsyncGenerator<SheetRow> {
  // One shared copy of the upload for the worker to read (a plain one would be copied again on the way).
  const shared = new Uint8Array(new SharedArrayBuffer(file.length));
  shared.set(file);
  const worker = new WorkerClient<null, SheetBatch>(new URL('./sheet.worker.ts', import.meta.url), { file: shared, batchSize });
  try {
    for (;;) {
      const batch = await worker.call(null);
      onBytes?.(batch.readBytes);
      yield* batch.rows;
      if (batch.done) break;
    }
  } finally {
    await worker.close();
  }
}
