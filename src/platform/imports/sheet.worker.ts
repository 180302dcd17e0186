/**
 * Worker thread that parses an uploaded workbook (see readSheetInWorker): it streams the first sheet and
 * hands rows over in batches, parsing the next batch while the server validates and writes the last one.
 */
import { serveRequests, startData } from '../workers';
import { readSheetRows, type SheetRow } from './reader';

export interface SheetBatch {
  rows: SheetRow[];
  readBytes: number;
  done: boolean;
}

const { file, batchSize } = startData<{ file: Uint8Array; batchSize: number }>();
let readBytes = 0;
const rows = readSheetRows(Buffer.from(file.buffer, file.byteOffset, file.byteLength), (b) => (readBytes = b));

async function produce(): Promise<SheetBatch> {
  const batch: SheetRow[] = [];
  while (batch.length < batchSize) {
    const next = await rows.next();
    if (next.done) return { rows: batch, readBytes, done: true };
    batch.push(next.value);
  }
  return { rows: batch, readBytes, done: false };
}

let ahead = produce();
serveRequests(async () => {
  const batch = await ahead;
  if (!batch.done) ahead = produce();
  return batch;
});
