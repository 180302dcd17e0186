import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ExcelJS } from '../excel/exceljs';
import { CompactStrings, readSheetRows } from './reader';

async function workbook(rows: unknown[][], useSharedStrings: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings, useStyles: false });
  const ws = wb.addWorksheet('花名册');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

const read = async (file: Buffer) => {
  const rows = [];
  for await (const r of readSheetRows(file)) rows.push(r);
  return rows;
};

describe('readSheetRows', () => {
  const rows = [
    ['姓名', '居民身份证号码', '备注'],
    ['林若溪', '11010519491231002X', "'=1+1"],
    ['  韩一鸣 ', '110105194912310021', ''],
    ['林若溪', '11010519491231002X', { richText: [{ text: '加粗' }, { text: '与常规' }] }],
    [12, null, '𠀋字'],
  ];

  it('reads a workbook with a shared-strings table (as Excel saves) exactly as one with inline strings', async () => {
    const shared = await workbook(rows, true);
    const inline = await workbook(rows, false);
    expect(shared.includes(Buffer.from('xl/sharedStrings.xml'))).toBe(true);
    expect(inline.includes(Buffer.from('xl/sharedStrings.xml'))).toBe(false);
    const a = await read(shared);
    // Rich text written inline reads as its last run (ExcelJS's inline reader); from the table, whole.
    expect(a.filter((r) => r.rowNo !== 4)).toEqual((await read(inline)).filter((r) => r.rowNo !== 4));
    expect(a.map((r) => r.cells)).toEqual([
      ['姓名', '居民身份证号码', '备注'],
      ['林若溪', '11010519491231002X', '=1+1'],
      ['韩一鸣', '110105194912310021', ''],
      ['林若溪', '11010519491231002X', '加粗与常规'],
      // An empty cell between values is a hole, as the reader always gave it (the header mapping reads it as '').
      ['12', undefined, '𠀋字'],
    ]);
  });
});

describe('CompactStrings', () => {
  it('gives back every entry by index through its growths, and empty past the end', () => {
    const s = new CompactStrings();
    const texts = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? '' : `第${i}行·${'码'.repeat(i % 7)}`));
    texts.forEach((t) => s.push(t));
    expect(s.size).toBe(20_000);
    for (const i of [0, 1, 2, 4095, 4096, 19_999]) expect(s.get(i)).toBe(texts[i]);
    expect(s.get(20_000)).toBe('');
    expect(s.get(-1)).toBe('');
  });
});
