/**
 * dashboard — the data of the district's 工作台 (issue #15 §2), beside the bare SQL of its indicators in the same
 * process, on the demo district (30,000 members by default) or a bigger one.
 *
 * Platform: the four requests the dashboard sends when it opens, sent together as the browser does: the indicator
 * definitions, the twelve key figures for this year and last (values), the five-year trend and the breakdown by
 * subordinate union of the default chart figure. Time until the last answer.
 * Bare SQL: each of those figures' aggregates over its records query (rates: their two parts), sent one after
 * the other on the same database: 12 figures × 2 periods, 5 trend points, one per subordinate union.
 *
 * Without a size: the demo district (30,000 members). With one: the benchmark district of that size
 * (bench/district.ts: the report benchmark's district at 200,000 members, 100,000 ledger records; kept on the
 * server as `bench_scale_<members>` for the next run).
 *
 * Targets: < 1 s on the demo; < 2 s at 200,000 members, on both engines.
 *
 *   tsx bench/dashboard.ts [members]              embedded database (PGlite, in memory)
 *   BENCH_DATABASE_URL=… tsx bench/dashboard.ts [members] --pg
 */
import { sql } from 'drizzle-orm';
import { analyzeDatabase, queryRows } from '@platform/db';
import type { IndicatorDefinition } from '@platform/indicators';
import { parsePeriod, samePeriodLastYear, type Period } from '@platform/periods';
import { DASHBOARD_TREND_DEFAULT, KEY_FIGURES } from '@modules/reports/shared/dashboard';
import { createTestApp } from '../test/app';
import { benchDistrict, sizeArgument } from './district';
import { timeRuns } from './timing';

const sized = sizeArgument(0) > 0;
const MEMBERS = sizeArgument(30_000);
// From a million members on, 5 rounds a side instead of 10: a round of the bare SQL takes seconds there.
const ROUNDS = MEMBERS >= 1_000_000 ? 5 : 10;
const pg = process.argv.includes('--pg');
if (pg) {
  if (!process.env.BENCH_DATABASE_URL) throw new Error('--pg needs BENCH_DATABASE_URL');
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
} else delete process.env.TEST_DATABASE_URL;
const label = pg ? 'PostgreSQL' : 'PGlite';

const t0 = Date.now();
const district = sized ? await benchDistrict(MEMBERS, pg ? process.env.BENCH_DATABASE_URL : undefined) : undefined;
const t = district?.t ?? (await createTestApp({ demoMembers: MEMBERS }));
const db = t.database.db;
try {
  if (district) console.log(`${label}: district of ${MEMBERS.toLocaleString()} members, ${district.ledgerRecords.toLocaleString()} ledger records ${district.reused ? 'reused' : `built in ${district.builtSeconds.toFixed(1)} s`}`);
  else {
    await analyzeDatabase(db);
    console.log(`${label}: demo district with ${MEMBERS.toLocaleString()} members seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const admin = await t.as('admin');
  const me = (await admin.get('/api/auth/me')).body as { account: { orgId: number }; orgPath: string };
  const orgId = me.account.orgId;
  const year = new Date().getFullYear();
  const period = parsePeriod(String(year))!;
  const children = await queryRows<{ path: string }>(db, sql`select path from organisations where parent_id = ${orgId} and closed_on is null order by id`);

  const get = async (url: string) => {
    const r = await admin.get(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const platform = () =>
    Promise.all([
      get('/api/indicators'),
      get(`/api/indicators/values?orgId=${orgId}&period=${year}&codes=${KEY_FIGURES.join(',')}`),
      get(`/api/indicators/${DASHBOARD_TREND_DEFAULT}/trend?orgId=${orgId}`),
      get(`/api/indicators/${DASHBOARD_TREND_DEFAULT}/breakdown?orgId=${orgId}&period=${year}`),
    ]);

  const parts = (d: IndicatorDefinition): IndicatorDefinition[] => (d.kind === 'rate' ? [t.catalogue.get(d.numerator)!, t.catalogue.get(d.denominator)!] : [d]);
  const aggregate = (d: IndicatorDefinition, rootPath: string, p: Period) =>
    queryRows(db, sql`select ${d.kind === 'count' ? sql`count(*)` : sql`coalesce(sum(r.amount), 0)`} from (${(d as Exclude<IndicatorDefinition, { kind: 'rate' }>).records({ rootPath, period: p })}) r`);
  const chart = t.catalogue.get(DASHBOARD_TREND_DEFAULT)!;
  const bare = async () => {
    for (const code of KEY_FIGURES) for (const d of parts(t.catalogue.get(code)!)) for (const p of [period, samePeriodLastYear(period)]) await aggregate(d, me.orgPath, p);
    for (let y = year - 4; y <= year; y++) for (const d of parts(chart)) await aggregate(d, me.orgPath, parsePeriod(String(y))!);
    for (const c of children) for (const d of parts(chart)) await aggregate(d, c.path, period);
  };

  await platform();
  await bare();
  const a = await timeRuns(platform, ROUNDS);
  const b = await timeRuns(bare, ROUNDS);
  const ms = (x: { median: number; min: number; max: number }) => `${x.median.toFixed(0)} ms (${x.min.toFixed(0)}–${x.max.toFixed(0)})`;
  console.log(
    `${label.padEnd(10)} dashboard: 工作台 data, ${MEMBERS.toLocaleString()} members, ${KEY_FIGURES.length} key figures + trend + ${children.length} subordinate unions   ` +
      `platform ${ms(a)} · bare SQL ${ms(b)} · ratio ${(a.median / b.median).toFixed(2)}×`,
  );
} finally {
  await t.close();
}
