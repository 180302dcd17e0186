import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@platform/db';
import { createTestApp, type TestApp } from '@test/app';
import { runRetention, scheduleRetention, type RetentionRule } from './index';

let t: TestApp;
let db: Db;
const now = () => new Date('2026-01-31T17:00:00Z'); // 01:00 on 02-01 in China
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  db = t.database.db;
});
afterAll(() => t.close());

describe('retention', () => {
  it('runs each rule on China’s date and returns what each deleted', async () => {
    const days: string[] = [];
    const rules: RetentionRule[] = [
      { name: 'a.x', label: '甲', purge: async (tx, today) => (days.push(today), (await queryRows<{ n: number }>(tx, sql`select 2 as n`))[0]!.n) },
      { name: 'b.y', label: '乙', purge: async () => 0 },
    ];
    expect(await runRetention({ db, now }, rules)).toEqual({ 'a.x': 2, 'b.y': 0 });
    expect(days).toEqual(['2026-02-01']);
  });

  it('runs at once when scheduled, logs a failed run instead of throwing, and stops waiting for the run in progress', async () => {
    let runs = 0;
    const logged: unknown[] = [];
    const failing: RetentionRule = { name: 'c.z', label: '丙', purge: async () => (runs++, Promise.reject(new Error('boom'))) };
    const stop = scheduleRetention({ db, now }, [failing], 3_600_000, (e) => logged.push(e));
    await stop();
    expect(runs).toBe(1);
    expect(logged.map((e) => (e as Error).message)).toEqual(['boom']);
  });
});
