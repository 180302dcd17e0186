import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RowKeys } from './row-keys';

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

describe('RowKeys (the in-file duplicate check)', () => {
  it('answers the first row of a repeated key, through many growths of its table', () => {
    const keys = new RowKeys();
    for (let i = 0; i < 50_000; i++) expect(keys.firstRow(digest(`id-${i}`), i + 2)).toBeUndefined();
    expect(keys.size).toBe(50_000);
    for (const i of [0, 1, 4095, 4096, 49_999]) expect(keys.firstRow(digest(`id-${i}`), 99_999)).toBe(i + 2);
    // A repeat does not replace the first row.
    expect(keys.firstRow(digest('id-7'), 100_000)).toBe(9);
    expect(keys.size).toBe(50_000);
  });

  it('tells apart digests that share the bits choosing their slot', () => {
    const keys = new RowKeys();
    const a = '00000001' + '0000abcd' + 'f'.repeat(48);
    const b = '00000002' + '0000abcd' + 'f'.repeat(48);
    expect(keys.firstRow(a, 2)).toBeUndefined();
    expect(keys.firstRow(b, 3)).toBeUndefined();
    expect(keys.firstRow(a, 4)).toBe(2);
    expect(keys.firstRow(b, 5)).toBe(3);
  });

  it('keeps any other key whole: a code and a date, or text with capitals', () => {
    const keys = new RowKeys();
    expect(keys.firstRow('320102001/2025-03-01/职工运动会', 2)).toBeUndefined();
    expect(keys.firstRow('320102001/2025-03-01/职工运动会', 3)).toBe(2);
    expect(keys.firstRow('320102001/2025-03-02/职工运动会', 4)).toBeUndefined();
    const upper = digest('x').toUpperCase();
    expect(keys.firstRow(upper, 5)).toBeUndefined();
    expect(keys.firstRow(upper.toLowerCase(), 6)).toBeUndefined();
    expect(keys.firstRow(upper, 7)).toBe(5);
  });
});
