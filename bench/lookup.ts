/**
 * Member lookup under load: 50 concurrent keep-alive connections, a session each, for a fixed time against the
 * real HTTP server (session, validation, scope, blind-index or prefix search with its count, masking,
 * serialisation), beside a bare Fastify route on its own pool sending the same single search statement, in the
 * same run on the same data. The load generator runs in a separate process (bench/load-worker.mjs). Lookups
 * rotate over ID numbers, phones and two-character name prefixes.
 *
 * `tsx bench/lookup.ts <members> [--pg]`: seeds <members> members (encrypted, with blind indexes) straight into
 * the tables by COPY, then measures. --pg uses BENCH_DATABASE_URL, otherwise the embedded database.
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { copyRows, openDatabase, queryRows, statementName } from '@platform/db';
import { sealIdNumber, sealPhone } from '@modules/members/server';
import { searchDigest } from '@modules/members/server/member.fields';
import { memberListQueries } from '@modules/members/server/member.repository';
import { createTestApp, type TestApp } from '../test/app';
import { rosterRow } from './roster';

const CONCURRENCY = 50;

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

function load(port: number, paths: string[], headers: Record<string, string> | Record<string, string>[], seconds: number): Promise<Result> {
  const child = fork(path.join(import.meta.dirname, 'load-worker.mjs'));
  return new Promise((resolve, reject) => {
    child.once('message', (r) => (child.kill(), resolve(r as Result)));
    child.once('error', reject);
    child.send({ port, paths, headers, seconds, concurrency: CONCURRENCY });
  });
}

/** N members with one open membership each, sealed exactly as the platform seals them, loaded by COPY. */
async function seedMembers(t: TestApp, n: number, orgIds: number[], orgCodes: string[]) {
  const { cipher } = t.deps;
  const start = performance.now();
  for (let from = 0; from < n; from += 20_000) {
    const members: (string | number | null)[][] = [];
    const memberships: (string | number | null)[][] = [];
    for (let i = from; i < Math.min(n, from + 20_000); i++) {
      const r = rosterRow(i, orgCodes);
      const id = i + 1;
      const idSeal = sealIdNumber(cipher, 'members', id, r[3]!);
      const phoneSeal = sealPhone(cipher, 'members', id, r[4]!);
      const birth = `${r[3]!.slice(6, 10)}-${r[3]!.slice(10, 12)}-${r[3]!.slice(12, 14)}`;
      members.push([id, r[0]!, Number(r[3]![16]) % 2 ? 'male' : 'female', birth, '汉族', idSeal.enc, idSeal.idx, idSeal.masked, phoneSeal.enc, phoneSeal.idx, phoneSeal.masked, r[7]!]);
      memberships.push([id, orgIds[i % orgIds.length]!, '2024-03-01', 'import']);
    }
    await copyRows(t.database.db, 'members', ['id', 'name', 'sex', 'birth_date', 'ethnicity', 'id_number_enc', 'id_number_idx', 'id_number_masked', 'phone_enc', 'phone_idx', 'phone_masked', 'occupation'], members);
    await copyRows(t.database.db, 'memberships', ['member_id', 'org_id', 'joined_on', 'channel'], memberships);
  }
  await t.database.db.execute(sql`select setval(pg_get_serial_sequence('members', 'id'), ${n})`);
  // Planner statistics and visibility maps now, so that autovacuum does not start on the fresh million rows
  // in the middle of the measurement.
  await t.database.db.execute(sql`vacuum analyze`);
  console.log(`lookup: seeded ${n.toLocaleString()} members in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

type RawClient = { query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/** A node of EXPLAIN (FORMAT JSON). */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows a plan read from each table: its scan nodes' rows kept and removed (by filter or recheck), over all loops. */
function rowsRead(node: PlanNode, into = new Map<string, number>()): Map<string, number> {
  if (/Scan$/.test(node['Node Type']) && node['Node Type'] !== 'Bitmap Index Scan' && node['Relation Name']) {
    const read = (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops'];
    into.set(node['Relation Name'], (into.get(node['Relation Name']) ?? 0) + Math.round(read));
  }
  for (const c of node.Plans ?? []) rowsRead(c, into);
  return into;
}

/**
 * Each search kind's page and count queries, exactly as the platform builds them, EXPLAIN (ANALYZE)ed and
 * printed; throws when one reads more than 10× the rows it returns from any one table (for a count: the rows it
 * counts). A joined row costs one more row from each joined table, which is what an index-ordered plan pays.
 */
async function explainSearches(label: string, t: TestApp, client: RawClient, sample: string[]) {
  const { cipher } = t.deps;
  const [root] = await queryRows<{ path: string }>(t.database.db, sql`select path from organisations where parent_id is null order by id limit 1`);
  const [street] = await queryRows<{ path: string }>(t.database.db, sql`select path from organisations where kind = 'street' order by id limit 1`);
  const scope = (path: string) => ({ permission: 'member:read', paths: [path], accountId: 0 });
  const kinds: [string, string, string][] = [
    ['ID number', sample[3]!, root!.path],
    ['phone', sample[4]!, root!.path],
    ['name prefix', sample[0]!.slice(0, 2), root!.path],
    ['name prefix, one street', sample[0]!.slice(0, 2), street!.path],
  ];
  const failures: string[] = [];
  for (const [kind, q, path] of kinds) {
    const digest = searchDigest(cipher, q);
    const queries = memberListQueries(t.database.db, scope(path), { status: 'active', digest, name: digest ? undefined : q }, null, { page: 1, pageSize: 20 });
    for (const [part, query] of [['page', queries.rows], ['count', queries.total]] as const) {
      const { sql: text, params } = query.toSQL();
      const [json] = (await client.query(`explain (analyze, format json) ${text}`, params)).rows;
      const raw = json!['QUERY PLAN'];
      const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw)[0] as { Plan: PlanNode; 'Execution Time': number };
      // A search's page carries its count (decision record 0028): it returns the rows it counts.
      const first = (await client.query(text, params)).rows[0];
      const returned = part === 'count' ? Number(Object.values(first!)[0]) : Math.max(plan.Plan['Actual Rows'], Number(first?.total ?? 0));
      const perTable = rowsRead(plan.Plan);
      const read = Math.max(0, ...perTable.values());
      const all = [...perTable].map(([table, rows]) => `${table} ${rows}`).join(', ');
      const lines = (await client.query(`explain (analyze, costs off, timing off, summary off) ${text}`, params)).rows.map((r) => r['QUERY PLAN']);
      const verdict = read > 10 * Math.max(1, returned) ? 'FAIL' : 'ok';
      console.log(`${label.padEnd(10)} plan ${kind} (${part}): ${part === 'count' ? 'counts' : 'returns'} ${returned}, reads ${all} rows, ${plan['Execution Time'].toFixed(2)} ms: ${verdict}\n    ${lines.join('\n    ')}`);
      if (verdict === 'FAIL') failures.push(`${kind} (${part}) reads ${read} rows for ${returned}`);
    }
  }
  if (failures.length) throw new Error(`lookup: a search plan reads more than 10× the rows it returns: ${failures.join('; ')}`);
}

export async function benchLookup(label: string, t: TestApp, orgCodes: string[], pgUrl: string | undefined, seconds = 15): Promise<void> {
  const [count] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from members`);
  const n = count!.n;
  const samples = Array.from({ length: 600 }, (_, k) => rosterRow(Math.floor((k * 7919) % Math.max(1, n - 10)), orgCodes));
  const terms = samples.flatMap((r) => [r[3]!, r[4]!, r[0]!.slice(0, 2)]);

  const pool = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 10 }) : null;
  pool?.on('error', () => undefined); // the test database is dropped (with force) at the end
  const client: RawClient = pool ?? (t.database.db as unknown as { $client: RawClient }).$client;
  await explainSearches(label, t, client, samples[1]!);
  if (process.env.BENCH_EXPLAIN_ONLY) {
    // The plans only (light: no load), e.g. while another benchmark holds the machine.
    await pool?.end();
    return;
  }

  // The platform, on a real port.
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (t.app.server.address() as AddressInfo).port;
  // A session per connection, as 50 cadres searching at once would hold (each cadre's session is read once and
  // then kept for a moment: decision record 0028).
  const cookies: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
    });
    if (login.status !== 200) throw new Error(`lookup: login ${i + 1} answered ${login.status}`);
    cookies.push((login.headers.get('set-cookie') ?? '').split(';')[0]!);
  }
  const cookie = cookies[0]!;
  const sessions = cookies.map((c) => ({ cookie: c }));
  const platformPaths = terms.map((q) => `/api/members?pageSize=20&q=${encodeURIComponent(q)}`);
  const probe = await fetch(`http://127.0.0.1:${port}${platformPaths[0]}`, { headers: { cookie } });
  if (probe.status !== 200 || (await probe.json()).total !== 1) throw new Error('the platform lookup does not find the sample member');

  // The bare route: the platform's own search statement for the term (its SQL text and values worked out
  // before the load; the page carries the search's count, decision record 0028), sent on its own pool: no
  // session, no validation, no presenter, no response schema.
  const bare = Fastify();
  const { cipher } = t.deps;
  const [root] = await queryRows<{ path: string }>(t.database.db, sql`select path from organisations where parent_id is null order by id limit 1`);
  const rootScope = { permission: 'member:read', paths: [root!.path], accountId: 0 };
  // Every search kind is a named statement, planned once per connection, as the platform sends it (decision
  // records 0027, 0028). The SQL text and values of each term are worked out before the load starts.
  const prepared = new Map<string, { name: string | undefined; text: string; values: unknown[] }>();
  for (const q of new Set(terms)) {
    const digest = searchDigest(cipher, q);
    const f = { status: 'active' as const, digest, name: digest ? undefined : q };
    const { sql: text, params } = memberListQueries(t.database.db, rootScope, f, null, { page: 1, pageSize: 20 }).rows.toSQL();
    prepared.set(q, { name: pool ? statementName(`bare:${digest ? digest.column : 'name'}`) : undefined, text, values: params });
  }
  bare.get<{ Querystring: { q: string } }>('/bare', async (req) => {
    const { name, text, values } = prepared.get(req.query.q)!;
    return (await (name ? pool!.query({ name, text, values }) : client.query(text, values))).rows;
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const barePort = (bare.server.address() as AddressInfo).port;
  const barePaths = terms.map((q) => `/bare?q=${encodeURIComponent(q)}`);

  await load(port, platformPaths.slice(0, 200), sessions, 3); // warm-up
  await load(barePort, barePaths.slice(0, 200), {}, 3);
  if (process.env.BENCH_PLATFORM_ONLY) {
    // Diagnosis (e.g. under --cpu-prof): the platform's run alone.
    const only = await load(port, platformPaths, sessions, seconds);
    console.log(`${label.padEnd(10)} lookup, platform only: ${only.rps.toFixed(0)} req/s p50 ${only.p50.toFixed(1)} ms p99 ${only.p99.toFixed(1)} ms`);
    await bare.close();
    await pool?.end();
    return;
  }
  const p = await load(port, platformPaths, sessions, seconds);
  const b = await load(barePort, barePaths, {}, seconds);
  console.log(
    `${label.padEnd(10)} lookup on ${n.toLocaleString()} members, ${CONCURRENCY} connections (load generator in its own process), ${seconds} s each: platform ${p.rps.toFixed(0)} req/s p50 ${p.p50.toFixed(1)} ms p99 ${p.p99.toFixed(1)} ms (errors ${p.errors}) · bare Fastify + SQL ${b.rps.toFixed(0)} req/s p50 ${b.p50.toFixed(1)} ms p99 ${b.p99.toFixed(1)} ms · throughput ratio ${(p.rps / b.rps).toFixed(2)} (target ≥ 0.5, p99 < 20 ms)`,
  );
  await bare.close();
  await pool?.end();
}

/** The benchmark logs in once per connection: more than the default 20 logins a minute allow. */
const benchConfig = { login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1_000 } };

/**
 * The benchmark's database. With BENCH_LOOKUP_DB=<name> and --pg, a database of that name on the server, created
 * and seeded once and reused by later runs (migrations still apply: a new index is built on the kept rows);
 * otherwise a fresh one (a copy of the migrated template), dropped at the end.
 */
async function benchApp(n: number, pgUrl: string | undefined): Promise<{ t: TestApp; seeded: boolean; url: string | undefined }> {
  const keep = pgUrl ? process.env.BENCH_LOOKUP_DB : undefined;
  if (!keep) return { t: await createTestApp({ demoMembers: 0, config: benchConfig }), seeded: false, url: pgUrl };
  if (!/^[a-z0-9_]+$/.test(keep)) throw new Error('BENCH_LOOKUP_DB: lower-case letters, digits and _ only');
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [keep])).rowCount;
  if (!exists) await admin.query(`create database ${keep}`);
  await admin.end();
  const url = Object.assign(new URL(pgUrl!), { pathname: `/${keep}` }).toString();
  const database = await openDatabase({ databaseUrl: url });
  const [state] = await queryRows<{ orgs: number; members: number }>(database.db, sql`select (select count(*)::int from organisations) as orgs, (select count(*)::int from members) as members`);
  if (state!.orgs > 0 && state!.members !== n) throw new Error(`${keep} holds ${state!.members} members, not ${n}: drop it or use another name`);
  const t = await createTestApp({ database, demo: state!.orgs === 0, demoMembers: 0, config: benchConfig });
  return { t, seeded: state!.members === n, url };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const pgUrl = process.argv.includes('--pg') ? process.env.BENCH_DATABASE_URL : undefined;
  if (process.argv.includes('--pg') && !pgUrl) throw new Error('--pg needs BENCH_DATABASE_URL');
  if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
  else delete process.env.TEST_DATABASE_URL;
  const { t, seeded, url } = await benchApp(n, pgUrl);
  const orgs = await queryRows<{ id: number; code: string }>(t.database.db, sql`select id, code from organisations where kind in ('enterprise', 'joint', 'trade', 'institution') order by id`);
  if (seeded) console.log(`lookup: reusing the ${n.toLocaleString()} members already in ${process.env.BENCH_LOOKUP_DB}`);
  else await seedMembers(t, n, orgs.map((o) => o.id), orgs.map((o) => o.code));
  const [row] = await queryRows<{ db: string }>(t.database.db, sql`select current_database() as db`);
  if (process.env.BENCH_SEED_ONLY) {
    // Diagnosis: leave the seeded database in place and stop.
    console.log(`lookup: seeded database ${row!.db} kept`);
    process.exit(0);
  }
  await benchLookup(pgUrl ? 'PostgreSQL' : 'PGlite', t, orgs.map((o) => o.code), url ? Object.assign(new URL(url), { pathname: `/${row!.db}` }).toString() : undefined);
  await t.close();
}
