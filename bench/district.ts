/**
 * The benchmark district at a given size (issue #15 §2 and §4): the demo district seeded with up to 200,000
 * members, grown to the size asked for by copying those members in SQL, then ledger records added in bulk until
 * the ledgers hold half as many records as there are members (the report benchmark's 200,000 members and 100,000
 * records), then ANALYZE. The report and dashboard benchmarks both measure it.
 *
 * - Up to 200,000 members every member is seeded by the demo seed (sealed as the platform seals them).
 * - Beyond that, copy k of a seeded member has id `id + k × base`, the same union, dates, sex, birth date and
 *   occupation, its memberships (transfers and departures too), its ciphertexts, and blind indexes made unique.
 *   The figures count and sum rows and never decrypt, so a copy costs them what a seeded member costs; a copy's
 *   ciphertext decrypts to its original's ID number, which is why a copied district is for benchmarks only.
 *
 * On PostgreSQL (BENCH_DATABASE_URL) the district is kept in a database of its own, `bench_scale_<members>`,
 * and reused while the migrations, the size and China's date (the seed writes dates relative to today) are the
 * same; otherwise it is dropped and built again. A district above 200,000 members starts as a copy
 * (`create database … template`) of `bench_scale_200000`. On the embedded database it is built in memory every run.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { analyzeDatabase, migrationsFolder, openDatabase, queryRows, type Db } from '@platform/db';
import { chinaToday } from '@platform/periods';
import { createTestApp, type TestApp } from '../test/app';

/** Members the demo seed writes one by one; the rest are copies. */
export const SEEDED_MAX = 200_000;

const LEDGERS = ['employers', 'union_terms', 'standard_assessments', 'union_honours', 'hardship_cases', 'hardship_case_events', 'aid_records', 'care_campaigns', 'screening_checks', 'mutual_aid_enrolments', 'mutual_aid_claims', 'health_check_signups'];

export async function ledgerCount(db: Db): Promise<number> {
  const parts = LEDGERS.map((t) => `(select count(*) from ${t})`).join(' + ');
  const [row] = await queryRows<{ n: string }>(db, sql.raw(`select ${parts} as n`));
  return Number(row!.n);
}

/** The size argument of a benchmark (`200000`, `1e6`, `3m`), or the fallback. */
export function sizeArgument(fallback: number): number {
  const raw = process.argv.slice(2).find((a) => /^\d+(\.\d+)?(e\d+|k|m)?$/i.test(a));
  if (!raw) return fallback;
  const unit = raw.slice(-1).toLowerCase();
  const n = unit === 'k' ? Number(raw.slice(0, -1)) * 1e3 : unit === 'm' ? Number(raw.slice(0, -1)) * 1e6 : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`bad size ${raw}`);
  return n;
}

/** Copies the seeded members (ids 1…base) until the district has `total` members, with their memberships. */
async function growMembers(db: Db, total: number): Promise<void> {
  const [{ base }] = (await queryRows<{ base: number }>(db, sql`select coalesce(max(id), 0)::int as base from members`)) as [{ base: number }];
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from members`)) as [{ n: number }];
  if (n >= total || base === 0) return;
  const columns = async (table: string, skip: string[]) =>
    (await queryRows<{ c: string }>(db, sql`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`))
      .map((r) => r.c)
      .filter((c) => !skip.includes(c));
  const memberCols = await columns('members', ['id', 'id_number_idx', 'phone_idx', 'account_id']);
  const membershipCols = await columns('memberships', ['id', 'member_id', 'from_membership_id']);
  for (let k = 1; n + (k - 1) * base < total; k++) {
    const limit = Math.min(base, total - n - (k - 1) * base);
    const offset = k * base;
    await db.execute(
      sql.raw(`insert into members (id, id_number_idx, phone_idx, ${memberCols.join(', ')})
               select id + ${offset}, md5(id_number_idx || ':${k}'), case when phone_idx is null then null else md5(phone_idx || ':${k}') end, ${memberCols.join(', ')}
                 from members where id <= ${base} and account_id is null and id <= ${limit}`),
    );
    await db.execute(
      sql.raw(`insert into memberships (member_id, ${membershipCols.join(', ')})
               select ms.member_id + ${offset}, ${membershipCols.map((c) => `ms.${c}`).join(', ')}
                 from memberships ms join members m on m.id = ms.member_id + ${offset}
                where ms.member_id <= ${Math.min(base, limit)}`),
    );
  }
  await db.execute(sql`select setval(pg_get_serial_sequence('members', 'id'), (select max(id) from members))`);
}

/**
 * Ledger records in bulk until the ledgers hold `target`: 45 % aid payments over four years (kinds, fund sources,
 * statuses, a campaign), 45 % mutual-aid enrolments in this year's plan, 10 % health checks done.
 */
async function fillLedgers(db: Db, target: number): Promise<void> {
  const year = Number(chinaToday().slice(0, 4));
  const missing = Math.max(0, target - (await ledgerCount(db)));
  const aid = Math.floor(missing * 0.45);
  const enrolments = Math.floor(missing * 0.45);
  const checks = missing - aid - enrolments;
  await db.execute(sql`
    insert into aid_records (org_id, member_id, kind, form, amount_fen, given_on, fund_source, status, campaign_id)
    select org_id, member_id,
           (array['living','medical','education','seasonal','other'])[1 + g % 5],
           case when g % 7 = 0 then 'goods' else 'cash' end,
           20000 + (g % 40) * 5000,
           make_date(${year} - g % 4, 1 + g % 12, 1 + g % 28),
           (array['union','government','donation','union','other'])[1 + (g / 5) % 5],
           (array['signed','signed','approved','pending','cancelled'])[1 + (g / 3) % 5],
           -- one payment per person per campaign: the first of a member's payments, if not paid in it yet
           case when k = 0 and member_id % 4 = 0
                 and not exists (select 1 from aid_records a where a.campaign_id = (select min(id) from care_campaigns) and a.member_id = x.member_id)
                then (select min(id) from care_campaigns) end
      from (select ms.org_id, ms.member_id, k, ms.member_id * 4 + k as g
              from memberships ms cross join generate_series(0, 3) k
             where ms.left_on is null
             order by (ms.member_id::bigint * 7919 + k * 104729) % 1000003
             limit ${aid}) x`);
  await db.execute(sql`
    insert into mutual_aid_enrolments (plan_id, member_id, org_id, shares, premium_fen, paid_on, status, source)
    select p.id, ms.member_id, ms.org_id, 1 + ms.member_id % 3, (1 + ms.member_id % 3) * p.premium_fen,
           make_date(${year}, 1 + ms.member_id % 10, 1 + ms.member_id % 28), 'enrolled', 'import'
      from (select id, premium_fen from mutual_aid_plans where year = ${year} order by id limit 1) p
      join memberships ms on ms.left_on is null
     where not exists (select 1 from mutual_aid_enrolments e where e.plan_id = p.id and e.member_id = ms.member_id)
     order by ms.member_id limit ${enrolments}`);
  await db.execute(sql`
    insert into health_check_signups (programme_id, member_id, org_id, "group", slot_on, status, done_on, channel)
    select p.id, ms.member_id, ms.org_id, 'frontline', make_date(${year}, 4 + ms.member_id % 6, 1 + ms.member_id % 28), 'done',
           make_date(${year}, 4 + ms.member_id % 6, 1 + ms.member_id % 28), 'union'
      from (select id from health_check_programmes where year = ${year} order by id limit 1) p
      join memberships ms on ms.left_on is null
     where not exists (select 1 from health_check_signups s where s.programme_id = p.id and s.member_id = ms.member_id)
     order by ms.member_id desc limit ${checks}`);
}

async function build(t: TestApp, members: number): Promise<void> {
  await growMembers(t.database.db, members);
  await fillLedgers(t.database.db, Math.floor(members / 2));
  if (t.database.kind === 'postgres') await t.database.db.execute(sql`vacuum analyze`);
  else await analyzeDatabase(t.database.db);
}

function migrationsKey(): string {
  return createHash('sha256').update(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'))).digest('hex').slice(0, 16);
}

export interface BenchDistrict {
  t: TestApp;
  members: number;
  ledgerRecords: number;
  /** Seconds spent building it (0 when an existing database was reused). */
  builtSeconds: number;
  reused: boolean;
}

/** The district of `members` members on the embedded database (in memory) or, with `pgUrl`, on the server. */
export async function benchDistrict(members: number, pgUrl?: string): Promise<BenchDistrict> {
  const t0 = performance.now();
  if (!pgUrl) {
    delete process.env.TEST_DATABASE_URL;
    const t = await createTestApp({ demoMembers: Math.min(members, SEEDED_MAX) });
    await build(t, members);
    return { t, members, ledgerRecords: await ledgerCount(t.database.db), builtSeconds: (performance.now() - t0) / 1000, reused: false };
  }
  const name = `bench_scale_${members}`;
  const key = JSON.stringify({ members, migrations: migrationsKey(), today: chinaToday(), version: 1 });
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  let reuse = false;
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    if (exists) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        const r = await c.query<{ key: string }>('select key from bench_scale_info').catch(() => ({ rows: [] as { key: string }[] }));
        reuse = r.rows[0]?.key === key;
      } finally {
        await c.end();
      }
      if (!reuse) await admin.query(`drop database ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
  // A bigger district starts as a copy of the 200,000-member one (built first if need be): only the copies of
  // its members and the extra ledger records are written.
  const grown = !reuse && members > SEEDED_MAX;
  if (grown) {
    const seeded = await benchDistrict(SEEDED_MAX, pgUrl);
    await seeded.t.close();
  }
  if (!reuse) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(grown ? `create database ${name} template bench_scale_${SEEDED_MAX}` : `create database ${name}`);
    } finally {
      await c.end();
    }
  }
  const database = await openDatabase({ databaseUrl: url.toString() });
  if (reuse) {
    const t = await createTestApp({ demo: false, database });
    return { t, members, ledgerRecords: await ledgerCount(t.database.db), builtSeconds: 0, reused: true };
  }
  const t = grown ? await createTestApp({ demo: false, database }) : await createTestApp({ demoMembers: Math.min(members, SEEDED_MAX), database });
  await build(t, members);
  await t.database.db.execute(sql`create table if not exists bench_scale_info (key text not null)`);
  await t.database.db.execute(sql`delete from bench_scale_info`);
  await t.database.db.execute(sql`insert into bench_scale_info values (${key})`);
  return { t, members, ledgerRecords: await ledgerCount(t.database.db), builtSeconds: (performance.now() - t0) / 1000, reused: false };
}
