/**
 * A copy of the run's demo template is the database a fresh seed writes (decision record 0015): the same tables
 * with the same row counts, the same sequences, the same organisation tree and member ids. Ciphertexts, password
 * hashes and timestamps differ between any two seeds (random IVs and salts, the clock) and are not compared.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '@platform/db';
import { createTestApp, type TestApp } from './app';
import { createTestDatabase } from './db';
import { templateRun } from './template';

let copied: TestApp;
let fresh: TestApp;

beforeAll(async () => {
  copied = await createTestApp({ demoMembers: 50 });
  // Seeded in place on a database of its own: the path the templates replaced.
  fresh = await createTestApp({ demoMembers: 50, database: await createTestDatabase() });
}, 300_000);
afterAll(async () => {
  await copied?.close();
  await fresh?.close();
});

async function shape(db: Db) {
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${name}"`)))[0]!.n;
  const sequences = await queryRows<{ name: string; last: string | null }>(db, sql`select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public' order by 1`);
  const orgs = await queryRows(db, sql`select id, parent_id, name, code, path, kind, opened_on::text from organisations order by id`);
  const members = await queryRows(db, sql`select m.id, ms.org_id, ms.joined_on::text from members m join memberships ms on ms.member_id = m.id order by m.id, ms.id`);
  return { counts, sequences, orgs, members };
}

describe('template databases', () => {
  it('are on in a test run', () => {
    expect(templateRun()).toBeTruthy();
  });

  it('give a copy holding what a fresh seed writes', async () => {
    const [a, b] = [await shape(copied.database.db), await shape(fresh.database.db)];
    expect(a.counts.organisations).toBeGreaterThan(200);
    expect(a.counts.members).toBeGreaterThan(0);
    expect(a.counts).toEqual(b.counts);
    expect(a.sequences).toEqual(b.sequences);
    expect(a.orgs).toEqual(b.orgs);
    expect(a.members).toEqual(b.members);
  });

  it('give every file a database of its own: a write to the copy leaves the next copy as it was', async () => {
    const admin = await copied.as('admin');
    const org = (await admin.get('/api/orgs?tier=grassroots&pageSize=1')).body.items[0];
    expect((await admin.patch(`/api/orgs/${org.id}`, { remark: '只在这一份副本里' })).status).toBe(200);
    const another = await createTestApp({ demoMembers: 50 });
    try {
      const again = await (await another.as('admin')).get(`/api/orgs/${org.id}`);
      expect(again.body.remark).not.toBe('只在这一份副本里');
    } finally {
      await another.close();
    }
  });
});
