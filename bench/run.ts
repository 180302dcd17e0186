/**
 * Benchmarks, each printed beside a baseline measured in the same run.
 *
 * org-list: a street administrator's scoped, searched, paged organisation list through the whole HTTP stack
 * (session lookup, validation, scope, count + page query, presenter, serialisation) versus the same two SQL
 * statements sent bare. Data: the demo district plus 20,000 extra grassroots unions.
 *
 * Runs on PGlite; set BENCH_DATABASE_URL=postgres://… to run on a PostgreSQL server as well.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { insertOrgsBulk, reserveOrgIds } from '@modules/organisations/server';
import { createTestApp, type TestApp } from '../test/app';

const EXTRA_ORGS = 20_000;
const ROUNDS = 400;

async function seedExtra(t: TestApp) {
  const streets = await queryRows<{ id: number; path: string; code: string }>(
    t.database.db,
    sql`select id, path, code from organisations where kind = 'street' order by id`,
  );
  const ids = await reserveOrgIds(t.database.db, EXTRA_ORGS);
  const trades = ['科技', '物流', '餐饮', '建筑', '商贸', '制造'];
  const rows = ids.map((id, i) => {
    const s = streets[i % streets.length]!;
    return {
      id,
      parentId: s.id,
      path: `${s.path}${id}/`,
      level: 3,
      name: `基准测试${trades[i % trades.length]}公司${i}工会`,
      code: `${s.code}9${String(i).padStart(5, '0')}`,
      kind: 'enterprise',
    };
  });
  await insertOrgsBulk(t.database.db, rows);
}

function ms(ns: bigint) {
  return Number(ns) / 1e6;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await fn();
  return ms(process.hrtime.bigint() - start) / ROUNDS;
}

async function benchOrgList(label: string) {
  const t = await createTestApp();
  try {
    await seedExtra(t);
    const client = await t.as('jinxiu');
    const me = (await client.get('/api/auth/me')).body;
    const scopePath = me.orgPath as string;
    const url = `/api/orgs?q=${encodeURIComponent('科技')}&pageSize=20&page=2`;
    const check = await client.get(url);
    if (check.status !== 200 || check.body.items.length !== 20) throw new Error(`unexpected answer ${check.status}`);

    const api = await time(() => client.get(url));
    const like = '%科技%';
    const bare = await time(async () => {
      await queryRows(
        t.database.db,
        sql`select count(*) from organisations where path like ${scopePath + '%'} and (name ilike ${like} or code ilike ${like}) and closed_on is null`,
      );
      await queryRows(
        t.database.db,
        sql`select o.*, p.name as parent_name,
              (select count(*)::int from organisations c where c.parent_id = o.id and c.closed_on is null) as child_count
            from organisations o left join organisations p on p.id = o.parent_id
           where o.path like ${scopePath + '%'} and (o.name ilike ${like} or o.code ilike ${like}) and o.closed_on is null
           order by o.level, o.code limit 20 offset 20`,
      );
    });
    console.log(
      `${label.padEnd(10)} org-list (${EXTRA_ORGS + 292} orgs, scoped search, page 2): ` +
        `API ${api.toFixed(2)} ms/req · bare SQL ${bare.toFixed(2)} ms · ratio ${(api / bare).toFixed(2)}×`,
    );
  } finally {
    await t.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL;
delete process.env.TEST_DATABASE_URL;
await benchOrgList('PGlite');
if (pgUrl) {
  process.env.TEST_DATABASE_URL = pgUrl;
  await benchOrgList('PostgreSQL');
}
