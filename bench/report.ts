/**
 * report — generating the full default 述职报告 (issue #5) for a district of 200,000 members and 100,000 ledger
 * records, beside the same indicator queries run directly in SQL in the same process.
 *
 * Data: the demo district seeded with 200,000 members (its own ledgers: employers, terms, standards, hardship
 * cases and aid, mutual aid, health checks), then ledger records added in bulk until the ledgers hold 100,000:
 * aid payments over four years (kinds, fund sources, statuses, campaigns), mutual-aid enrolments in this
 * year's plan and health checks done — then ANALYZE, as the platform does after an import.
 *
 * Platform: GET /api/reports/:id for the district's report of this year (session, scope, every placeholder of
 * the default template resolved for the year and the year before, the report rendered and serialised).
 * Bare SQL: for each placeholder an indicator answers, its aggregate over its records query for both periods
 * (rates: their two parts) — the statements the catalogue runs, sent directly on the same connection.
 *
 *   tsx bench/report.ts                 embedded database (PGlite, in memory)
 *   BENCH_DATABASE_URL=… tsx bench/report.ts --pg
 */
import { sql } from 'drizzle-orm';
import { queryRows, analyzeDatabase } from '@platform/db';
import { parsePeriod, samePeriodLastYear } from '@platform/periods';
import { DEFAULT_TEMPLATE } from '@modules/reports/shared/default-template';
import { placeholderNames } from '@modules/reports/shared/placeholders';
import { createTestApp } from '../test/app';
import { timeRuns } from './timing';

const MEMBERS = 200_000;
const LEDGER_TARGET = 100_000;
const pg = process.argv.includes('--pg');
if (pg) {
  if (!process.env.BENCH_DATABASE_URL) throw new Error('--pg needs BENCH_DATABASE_URL');
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
} else delete process.env.TEST_DATABASE_URL;
const label = pg ? 'PostgreSQL' : 'PGlite';

const LEDGERS = ['employers', 'union_terms', 'standard_assessments', 'union_honours', 'hardship_cases', 'hardship_case_events', 'aid_records', 'care_campaigns', 'screening_checks', 'mutual_aid_enrolments', 'mutual_aid_claims', 'health_check_signups'];

async function ledgerCount(db: Parameters<typeof queryRows>[0]) {
  const parts = LEDGERS.map((t) => `(select count(*) from ${t})`).join(' + ');
  const [row] = await queryRows<{ n: string }>(db, sql.raw(`select ${parts} as n`));
  return Number(row!.n);
}

const t0 = Date.now();
const t = await createTestApp({ demoMembers: MEMBERS });
const db = t.database.db;
const year = new Date().getFullYear();
try {
  console.log(`${label}: demo district with ${MEMBERS.toLocaleString()} members seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = Date.now();
  const before = await ledgerCount(db);
  const missing = Math.max(0, LEDGER_TARGET - before);
  // Split what is missing: 45 % aid payments, 45 % enrolments, 10 % health checks.
  const aid = Math.floor(missing * 0.45);
  const enrolments = Math.floor(missing * 0.45);
  const checks = missing - aid - enrolments;
  // Payments over four years, up to four per member, spread over kinds, fund sources, statuses and a campaign.
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
             order by (ms.member_id * 7919 + k * 104729) % 1000003
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
  await analyzeDatabase(db);
  const total = await ledgerCount(db);
  console.log(`${label}: ledgers hold ${total.toLocaleString()} records (${before.toLocaleString()} from the demo) after ${((Date.now() - t1) / 1000).toFixed(1)} s`);

  const admin = await t.as('admin');
  const meBody = (await admin.get('/api/auth/me')).body as { account: { orgId: number }; orgPath: string };
  const me = { orgId: meBody.account.orgId, orgPath: meBody.orgPath };
  const created = await admin.post('/api/reports', { orgId: me.orgId, period: String(year) });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
  const id = created.body.report.id as number;
  const catalogue = t.catalogue;
  const period = parsePeriod(String(year))!;
  const names = placeholderNames(DEFAULT_TEMPLATE);
  const used = names.map((n) => catalogue.find(n)).filter((d) => !!d);
  const parts = used.flatMap((d) => (d.kind === 'rate' ? [catalogue.get(d.numerator)!, catalogue.get(d.denominator)!] : [d]));
  const bare = async () => {
    for (const p of [period, samePeriodLastYear(period)]) {
      for (const d of parts) {
        if (d.kind === 'rate') continue;
        const aggregate = d.kind === 'count' ? sql`count(*)` : sql`coalesce(sum(r.amount), 0)`;
        await queryRows(db, sql`select ${aggregate} from (${d.records({ rootPath: me.orgPath, period: p })}) r`);
      }
    }
  };
  const platform = async () => {
    const r = await admin.get(`/api/reports/${id}`);
    if (r.status !== 200) throw new Error(`report ${r.status}`);
    return r.body;
  };
  const body = await platform();
  await bare();
  // Interleave so that both sides see the same cache state and machine noise.
  const a = await timeRuns(platform);
  const b = await timeRuns(bare);
  const missingNames = (body.missing ?? []) as string[];
  console.log(`${label}: ${used.length} figures from the ledgers (${parts.length} queries × 2 periods); ${missingNames.length} placeholders no ledger answers yet`);
  console.log(
    `${label.padEnd(10)} report: full default 述职报告, ${MEMBERS.toLocaleString()} members, ${total.toLocaleString()} ledger records   ` +
      `platform ${a.median.toFixed(0)} ms (${a.min.toFixed(0)}–${a.max.toFixed(0)}) · bare SQL ${b.median.toFixed(0)} ms (${b.min.toFixed(0)}–${b.max.toFixed(0)}) · ratio ${(a.median / b.median).toFixed(2)}×`,
  );
} finally {
  await t.close();
}
