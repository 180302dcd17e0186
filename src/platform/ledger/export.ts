import type { FastifyReply } from 'fastify';
import { sendXlsx, writeXlsx, type XlsxColumn } from '../excel';
import { columnsIn, shownCell, type LedgerColumn } from './columns';

/** A ledger's export columns as the Excel writer takes them (codes as labels, booleans as 是/否). */
export function xlsxColumns<T>(columns: LedgerColumn<T>[]): XlsxColumn<T>[] {
  return columnsIn(columns, 'export').map((c) => ({ header: c.header, width: c.width, numFmt: c.numFmt, value: (row: T) => shownCell(c, row) }));
}

/**
 * Sends a ledger's rows as an .xlsx download through `sendXlsx`: formula-safe cells, and the export's audit row
 * (who, which list, filters, how many rows) written before the file leaves.
 */
export async function sendLedgerXlsx<T>(
  reply: FastifyReply,
  d: { sheet: string; fileName: string; columns: LedgerColumn<T>[]; rows: Iterable<T> | AsyncIterable<T>; list?: string },
): Promise<FastifyReply> {
  const buffer = await writeXlsx(d.sheet.slice(0, 31), xlsxColumns(d.columns), d.rows);
  return sendXlsx(reply, d.fileName, buffer, d.list ? { list: d.list } : {});
}
