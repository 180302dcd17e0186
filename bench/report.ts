/**
 * report — generating the full default 述职报告 (issue #5) for a district of 200,000 members and 100,000 ledger
 * records, beside the same indicator queries run directly in SQL in the same process.
 *
 * Data: the benchmark district (bench/district.ts): the demo district seeded with 200,000 members (its own
 * ledgers: employers, terms, standards, hardship cases and aid, mutual aid, health checks), then ledger records
 * added in bulk until the ledgers hold 100,000: aid payments over four years (kinds, fund sources, statuses,
 * campaigns), mutual-aid enrolments in this year's plan and health checks done — then ANALYZE, as the platform
 * does after an import. Another size (`tsx bench/report.ts 1000000 --pg`) copies the seeded members up to it,
 * with half as many ledger records (issue #15 §4); on the server it is kept as `bench_scale_<members>`.
 *
 * Platform: GET /api/reports/:id for the district's report of this year (session, scope, every placeholder of
 * the default template resolved for the year and the year before, the report rendered and serialised).
 * Bare SQL: for each placeholder an indicator answers, its aggregate over its records query for both periods
 * (rates: their two parts) — the statements the catalogue runs, sent directly on the same connection.
 *
 *   tsx bench/report.ts [members]                 embedded database (PGlite, in memory)
 *   BENCH_DATABASE_URL=… tsx bench/report.ts [members] --pg
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { parsePeriod, samePeriodLastYear } from '@platform/periods';
import { DEFAULT_TEMPLATE } from '@modules/reports/shared/default-template';
import { placeholderNames } from '@modules/reports/shared/placeholders';
import { benchDistrict, sizeArgument } from './district';
import { timeRuns } from './timing';

const MEMBERS = sizeArgument(200_000);
// From a million members on, 5 rounds a side instead of 10: a round of the bare SQL takes seconds there.
const ROUNDS = MEMBERS >= 1_000_000 ? 5 : 10;
const pg = process.argv.includes('--pg');
if (pg) {
  if (!process.env.BENCH_DATABASE_URL) throw new Error('--pg needs BENCH_DATABASE_URL');
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
} else delete process.env.TEST_DATABASE_URL;
const label = pg ? 'PostgreSQL' : 'PGlite';

const district = await benchDistrict(MEMBERS, pg ? process.env.BENCH_DATABASE_URL : undefined);
const { t } = district;
const db = t.database.db;
const year = new Date().getFullYear();
try {
  const total = district.ledgerRecords;
  console.log(`${label}: district of ${MEMBERS.toLocaleString()} members, ${total.toLocaleString()} ledger records ${district.reused ? 'reused' : `built in ${district.builtSeconds.toFixed(1)} s`}`);

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
  const a = await timeRuns(platform, ROUNDS);
  const b = await timeRuns(bare, ROUNDS);
  const missingNames = (body.missing ?? []) as string[];
  console.log(`${label}: ${used.length} figures from the ledgers (${parts.length} queries × 2 periods); ${missingNames.length} placeholders no ledger answers yet`);
  console.log(
    `${label.padEnd(10)} report: full default 述职报告, ${MEMBERS.toLocaleString()} members, ${total.toLocaleString()} ledger records   ` +
      `platform ${a.median.toFixed(0)} ms (${a.min.toFixed(0)}–${a.max.toFixed(0)}) · bare SQL ${b.median.toFixed(0)} ms (${b.min.toFixed(0)}–${b.max.toFixed(0)}) · ratio ${(a.median / b.median).toFixed(2)}×`,
  );
} finally {
  await t.close();
}
