import { describe, expect, it } from 'vitest';
import { readXlsxRows, safeCellValue, writeXlsx } from './xlsx';

describe('formula injection guard', () => {
  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])('neutralises %j', (v) => {
    expect(safeCellValue(v)).toBe(`'${v}`);
  });
  it('leaves ordinary text and numbers alone', () => {
    expect(safeCellValue('某某公司工会')).toBe('某某公司工会');
    expect(safeCellValue(-5)).toBe(-5);
    expect(safeCellValue(null)).toBeNull();
  });
});

describe('writeXlsx', () => {
  it('writes Chinese headers and rows that read back, with dangerous cells as text', async () => {
    const rows = [
      { name: '云溪恒达物流有限公司工会委员会', n: 12 },
      { name: '=cmd|"/c calc"!A1', n: 3 },
    ];
    const buffer = await writeXlsx('组织', [
      { header: '组织名称', value: (r: (typeof rows)[number]) => r.name },
      { header: '人数', value: (r: (typeof rows)[number]) => r.n },
    ], rows);
    const read = await readXlsxRows(buffer);
    expect(read).toEqual([
      ['组织名称', '人数'],
      ['云溪恒达物流有限公司工会委员会', '12'],
      [`'=cmd|"/c calc"!A1`, '3'],
    ]);
  });
});
