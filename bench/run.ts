/**
 * Benchmarks, each printed beside a baseline measured in the same run, on the same data: the demo district
 * plus 100,000 extra grassroots unions (ledger records of the organisations ledger).
 *
 * org-list  A street administrator's scoped, searched, paged organisation list through the whole HTTP stack
 *           (session, validation, scope, count + page query, presenter, serialisation) versus the same two
 *           SQL statements sent bare.
 *
 * Runs on PGlite; set BENCH_DATABASE_URL=postgres://… to run on a PostgreSQL server as well. `npm run bench` then
 * runs bench/report.ts (the full 述职报告 over 200,000 members and 100,000 ledger records), bench/import.ts
 * (100,000 rows on PGlite; 1,000,000 rows on PostgreSQL) and the member lookup load test on 1,000,000 members
 * (bench/lookup.ts, on PGlite and on PostgreSQL).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { insertOrgsBulk, reserveOrgIds } from '@modules/organisations/server';
import { createTestApp, type TestApp } from '../test/app';

const EXTRA_ORGS = 100_000;

async function seedExtra(t: TestApp) {
  const streets = await queryRows<{ id: number; path: string; code: string }>(
    t.database.db,
    sql`select id, path, code from organisations where kind = 'street' order by id`,
  );
  const ids = await reserveOrgIds(t.database.db, EXTRA_ORGS);
  const trades = ['科技', '物流', '餐饮', '建筑', '商贸', '制造'];
  const rows = ids.map((id, i) => {
    const s = streets[i % streets.length]!;
    const year = 2000 + (i % 27);
    return {
      id,
      parentId: s.id,
      path: `${s.path}${id}/`,
      level: 3,
      name: `基准测试${trades[i % trades.length]}公司${i}工会`,
      code: `${s.code}9${String(i).padStart(6, '0')}`,
      kind: i % 10 === 0 ? 'joint' : 'enterprise',
      openedOn: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      closedOn: i % 50 === 0 ? `${Math.min(year + 3, 2026)}-06-30` : null,
    };
  });
  await insertOrgsBulk(t.database.db, rows);
}

async function time(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.max(3, rounds / 10); i++) await fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds;
}

const line = (label: string, name: string, api: number, bare: number, unit = 'ms') =>
  console.log(`${label.padEnd(10)} ${name.padEnd(62)} platform ${api.toFixed(2)} ${unit} · bare SQL ${bare.toFixed(2)} ${unit} · ratio ${(api / bare).toFixed(2)}×`);

async function run(label: string) {
  const t = await createTestApp();
  try {
    const seedStart = Date.now();
    await seedExtra(t);
    console.log(`${label.padEnd(10)} seeded ${EXTRA_ORGS.toLocaleString()} extra organisations in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    // org-list
    const jinxiu = await t.as('jinxiu');
    const scopePath = (await jinxiu.get('/api/auth/me')).body.orgPath as string;
    const url = `/api/orgs?q=${encodeURIComponent('科技')}&pageSize=20&page=2`;
    const check = await jinxiu.get(url);
    if (check.status !== 200 || check.body.items.length !== 20) throw new Error(`unexpected answer ${check.status}`);
    const like = '%科技%';
    // The same two statements, with the search as the platform writes it now (the bigram index, decision record
    // 0020) and, as the baseline, as it was written before (ilike over every organisation of the scope).
    const statements = (match: SQL) => async () => {
      await queryRows(t.database.db, sql`select count(*) from organisations o where o.path like ${scopePath + '%'} and ${match} and o.closed_on is null`);
      await queryRows(
        t.database.db,
        sql`select o.*, p.name as parent_name,
              (select count(*)::int from organisations c where c.parent_id = o.id and c.closed_on is null) as child_count
            from organisations o left join organisations p on p.id = o.parent_id
           where o.path like ${scopePath + '%'} and ${match} and o.closed_on is null
           order by o.level, o.code limit 20 offset 20`,
      );
    };
    const indexed = sql`(search_bigrams(o.name) || search_bigrams(o.code)) @> search_bigrams(${'科技'})`;
    const listApi = await time(200, () => jinxiu.get(url));
    const listBare = await time(200, statements(indexed));
    const listBefore = await time(50, statements(sql`(o.name ilike ${like} or o.code ilike ${like})`));
    line(label, `org-list: street search, page 2 (${(EXTRA_ORGS + 292).toLocaleString()} orgs)`, listApi, listBare);
    console.log(`${label.padEnd(10)} org-list baseline, the same statements with ilike and no index (before decision record 0020): ${listBefore.toFixed(2)} ms · now ${listBare.toFixed(2)} ms (${(listBefore / listBare).toFixed(1)}× faster)`);
    const lines = await queryRows<{ 'QUERY PLAN': string }>(t.database.db, sql`explain (analyze, costs off, timing off, summary off) select count(*) from organisations o where o.path like ${scopePath + '%'} and ${indexed} and o.closed_on is null`);
    console.log(`${label.padEnd(10)} org-list count plan:\n    ${lines.map((r) => r['QUERY PLAN']).join('\n    ')}`);

  } finally {
    await t.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL;
delete process.env.TEST_DATABASE_URL;
await run('PGlite');
if (pgUrl) {
  process.env.TEST_DATABASE_URL = pgUrl;
  await run('PostgreSQL');
}
