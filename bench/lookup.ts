/**
 * Member lookup under load: 50 concurrent keep-alive connections for a fixed time against the real HTTP
 * server (session, validation, scope, blind-index or prefix search, count + page, masking, serialisation),
 * beside a bare Fastify route on its own pool running the same single lookup query, in the same run on the
 * same data. The load generator runs in a separate process (bench/load-worker.mjs). Lookups rotate over ID
 * numbers, phones and two-character name prefixes.
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
import { escapeLike } from '@platform/access';
import { copyRows, queryRows } from '@platform/db';
import { sealIdNumber, sealPhone } from '@modules/members/server';
import { searchDigest } from '@modules/members/server/member.fields';
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

function load(port: number, paths: string[], headers: Record<string, string>, seconds: number): Promise<Result> {
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

export async function benchLookup(label: string, t: TestApp, orgCodes: string[], pgUrl: string | undefined, seconds = 15): Promise<void> {
  const [count] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from members`);
  const n = count!.n;
  const samples = Array.from({ length: 600 }, (_, k) => rosterRow(Math.floor((k * 7919) % Math.max(1, n - 10)), orgCodes));
  const terms = samples.flatMap((r) => [r[3]!, r[4]!, r[0]!.slice(0, 2)]);

  // The platform, on a real port.
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (t.app.server.address() as AddressInfo).port;
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const platformPaths = terms.map((q) => `/api/members?pageSize=20&q=${encodeURIComponent(q)}`);
  const probe = await fetch(`http://127.0.0.1:${port}${platformPaths[0]}`, { headers: { cookie } });
  if (probe.status !== 200 || (await probe.json()).total !== 1) throw new Error('the platform lookup does not find the sample member');

  // The bare route: the same lookup as one SQL statement, no session, no count, no presenter.
  const bare = Fastify();
  const pool = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 10 }) : null;
  pool?.on('error', () => undefined); // the test database is dropped (with force) at the end
  const { cipher } = t.deps;
  bare.get<{ Querystring: { q: string } }>('/bare', async (req) => {
    const q = req.query.q;
    const digest = searchDigest(cipher, q);
    const where = digest ? (digest.column === 'id' ? 'p.id_number_idx = $1' : 'p.phone_idx = $1') : 'p.name like $1';
    const text = `select p.id, p.name, p.id_number_masked, p.phone_masked, o.name as org_name, m.joined_on
                    from memberships m join members p on p.id = m.member_id join organisations o on o.id = m.org_id
                   where ${where} and m.left_on is null order by m.id desc limit 20`;
    const param = digest?.idx ?? escapeLike(q) + '%';
    if (pool) return (await pool.query(text, [param])).rows;
    const client = (t.database.db as unknown as { $client: { query(s: string, p: unknown[]): Promise<{ rows: unknown[] }> } }).$client;
    return (await client.query(text, [param])).rows;
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const barePort = (bare.server.address() as AddressInfo).port;
  const barePaths = terms.map((q) => `/bare?q=${encodeURIComponent(q)}`);

  await load(port, platformPaths.slice(0, 200), { cookie }, 3); // warm-up
  await load(barePort, barePaths.slice(0, 200), {}, 3);
  const p = await load(port, platformPaths, { cookie }, seconds);
  const b = await load(barePort, barePaths, {}, seconds);
  console.log(
    `${label.padEnd(10)} lookup on ${n.toLocaleString()} members, ${CONCURRENCY} connections (load generator in its own process), ${seconds} s each: platform ${p.rps.toFixed(0)} req/s p50 ${p.p50.toFixed(1)} ms p99 ${p.p99.toFixed(1)} ms (errors ${p.errors}) · bare Fastify + SQL ${b.rps.toFixed(0)} req/s p50 ${b.p50.toFixed(1)} ms p99 ${b.p99.toFixed(1)} ms · throughput ratio ${(p.rps / b.rps).toFixed(2)} (target ≥ 0.5, p99 < 20 ms)`,
  );
  await bare.close();
  await pool?.end();
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const pgUrl = process.argv.includes('--pg') ? process.env.BENCH_DATABASE_URL : undefined;
  if (process.argv.includes('--pg') && !pgUrl) throw new Error('--pg needs BENCH_DATABASE_URL');
  if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
  else delete process.env.TEST_DATABASE_URL;
  const t = await createTestApp({ demoMembers: 0 });
  const orgs = await queryRows<{ id: number; code: string }>(t.database.db, sql`select id, code from organisations where kind in ('enterprise', 'joint', 'trade', 'institution') order by id`);
  await seedMembers(t, n, orgs.map((o) => o.id), orgs.map((o) => o.code));
  const [row] = await queryRows<{ db: string }>(t.database.db, sql`select current_database() as db`);
  if (process.env.BENCH_SEED_ONLY) {
    // Diagnosis: leave the seeded database in place and stop.
    console.log(`lookup: seeded database ${row!.db} kept`);
    process.exit(0);
  }
  await benchLookup(pgUrl ? 'PostgreSQL' : 'PGlite', t, orgs.map((o) => o.code), pgUrl ? Object.assign(new URL(pgUrl), { pathname: `/${row!.db}` }).toString() : undefined);
  await t.close();
}
