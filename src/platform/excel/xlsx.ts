import { PassThrough } from 'node:stream';
import { ExcelJS } from './exceljs';
import type { FastifyReply } from 'fastify';
import { recordExport, sendDownload } from '../http/download';

/** Data rows each buffer from `writeXlsx` holds, for the export's audit row. */
const rowsWritten = new WeakMap<Buffer, number>();

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  /** Excel number format of the column, e.g. `#,##0.00` for yuan. */
  numFmt?: string;
  value(row: T): string | number | boolean | Date | null | undefined;
}

const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formula injection (OWASP ASVS 5.0 §1.2.10): a text cell starting with
 * = + - @ tab or CR gets a leading apostrophe, so Excel and WPS show it as text and never evaluate it.
 * Numbers stay numbers. The importer strips the apostrophe again, so an export re-imports unchanged.
 */
export function safeCellValue(value: string | number | boolean | Date | null | undefined): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && FORMULA_TRIGGERS.test(value)) return `'${value}`;
  return value;
}

/** Writes rows to an .xlsx buffer with the streaming writer (shared strings off: fast and low memory). */
export async function writeXlsx<T>(
  sheetName: string,
  columns: XlsxColumn<T>[],
  rows: Iterable<T> | AsyncIterable<T>,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const row of rows as AsyncIterable<T>) {
    sheet.addRow(columns.map((c) => safeCellValue(c.value(row)))).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  await done;
  const buffer = Buffer.concat(chunks);
  rowsWritten.set(buffer, count);
  return buffer;
}

/**
 * Sends an .xlsx download with a UTF-8 (Chinese) file name, after writing its audit row: every export is
 * recorded (who, which list, filters, rows) unless it is declared to carry no records (a blank import template).
 * The row count is the one `writeXlsx` wrote, or `audit.rowCount` for a stored file.
 */
export async function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  buffer: Buffer,
  audit: { list?: string; rowCount?: number } | 'no-records' = {},
): Promise<FastifyReply> {
  if (audit !== 'no-records') {
    await recordExport(reply, { fileName, list: audit.list, rowCount: audit.rowCount ?? rowsWritten.get(buffer) ?? null });
  }
  return sendDownload(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName, buffer);
}

/** Reads the first sheet of an .xlsx buffer into rows of cell text (used by tests and, later, imports). */
export async function readXlsxRows(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const out: string[][] = [];
  sheet?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    out.push(values.map((v) => (v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v))));
  });
  return out;
}
