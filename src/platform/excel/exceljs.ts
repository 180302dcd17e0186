import Module, { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSType from 'exceljs';

/**
 * ExcelJS, loaded with one fix. Its XML reader decodes every decompressed chunk to text on its own, so a
 * Chinese character split across two chunks becomes "��" (exceljs issues #2063, #2084; fix PRs #1665, #2081
 * unmerged in 4.4.0). We install a corrected reader, using a streaming UTF-8 decoder, before ExcelJS loads.
 * Import ExcelJS only from here (ESLint enforces it).
 */
const require = createRequire(import.meta.url);
const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = require('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk)));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!require.cache[saxPath]) {
  const m = new Module(saxPath);
  m.filename = saxPath;
  m.loaded = true;
  m.exports = parseSax;
  require.cache[saxPath] = m;
} else if (require.cache[saxPath]!.exports !== parseSax && !(require.cache[saxPath]!.exports as { gonghuiPatched?: boolean }).gonghuiPatched) {
  throw new Error('exceljs was loaded before platform/excel/exceljs.ts: import ExcelJS only through it');
}
(parseSax as unknown as { gonghuiPatched: boolean }).gonghuiPatched = true;

const ExcelJS = require('exceljs') as typeof ExcelJSType;
export { ExcelJS };
export type { Row, Workbook, Worksheet } from 'exceljs';
