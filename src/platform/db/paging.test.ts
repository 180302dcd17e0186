import { describe, expect, it } from 'vitest';
import { totalOf } from './paging';

describe('totalOf', () => {
  const counted = (n: number) => {
    const calls: number[] = [];
    return { calls, count: async () => (calls.push(1), n) };
  };

  it('knows the total without counting when the page is not full', async () => {
    const c = counted(999);
    expect(await totalOf(1, { page: 1, pageSize: 20 }, c.count)).toBe(1);
    expect(await totalOf(7, { page: 3, pageSize: 20 }, c.count)).toBe(47);
    expect(await totalOf(0, { page: 1, pageSize: 20 }, c.count)).toBe(0);
    expect(c.calls).toHaveLength(0);
  });

  it('counts when the page is full (more may follow) or past the end', async () => {
    const c = counted(120);
    expect(await totalOf(20, { page: 1, pageSize: 20 }, c.count)).toBe(120);
    expect(await totalOf(0, { page: 9, pageSize: 20 }, c.count)).toBe(120);
    expect(c.calls).toHaveLength(2);
  });
});
