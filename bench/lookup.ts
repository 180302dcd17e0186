/**
 * Member lookup under load: 50 concurrent keep-alive connections for a fixed time against the real HTTP
 * server (session, CSRF-free GET, validation, scope, blind-index or prefix search, count + page, masking,
 * serialisation), beside a bare Fastify route on its own pool running the same single lookup query, in the
 * same run on the same data. Lookups rotate over ID numbers, phones and two-character name prefixes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import type { TestApp } from '../test/app';
import { rosterRow } from './roster';

const CONCURRENCY = 50;

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(port: number, paths: string[], headers: Record<string, string>, seconds: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          else latencies.push(performance.now() - start);
          resolve();
        });
      });
      req.on('error', () => (errors++, resolve()));
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) await one(paths[next++ % paths.length]!);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
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

  // The bare route: the same lookup as one SQL statement, no session, no count, no presenter.
  const bare = Fastify();
  const pool = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 10 }) : null;
  const { cipher } = t.deps;
  bare.get<{ Querystring: { q: string } }>('/bare', async (req) => {
    const q = req.query.q;
    const idx = /^\d{17}[\dX]$/.test(q) ? cipher.blindIndex(q, 'member.id_number') : /^1\d{10}$/.test(q) ? cipher.blindIndex(q, 'member.phone') : null;
    const where = idx ? (q.length === 18 ? 'p.id_number_idx = $1' : 'p.phone_idx = $1') : `p.name like $1 || '%'`;
    const text = `select p.id, p.name, p.id_number_masked, p.phone_masked, o.name as org_name, m.joined_on
                    from memberships m join members p on p.id = m.member_id join organisations o on o.id = m.org_id
                   where ${where} and m.left_on is null order by m.id desc limit 20`;
    if (pool) return (await pool.query(text, [idx ?? q])).rows;
    const client = (t.database.db as unknown as { $client: { query(s: string, p: unknown[]): Promise<{ rows: unknown[] }> } }).$client;
    return (await client.query(text, [idx ?? q])).rows;
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const barePort = (bare.server.address() as AddressInfo).port;
  const barePaths = terms.map((q) => `/bare?q=${encodeURIComponent(q)}`);

  await load(port, platformPaths.slice(0, 200), { cookie }, 3); // warm-up
  await load(barePort, barePaths.slice(0, 200), {}, 3);
  const p = await load(port, platformPaths, { cookie }, seconds);
  const b = await load(barePort, barePaths, {}, seconds);
  console.log(
    `${label.padEnd(10)} lookup on ${n.toLocaleString()} members, ${CONCURRENCY} connections, ${seconds} s each: platform ${p.rps.toFixed(0)} req/s p50 ${p.p50.toFixed(1)} ms p99 ${p.p99.toFixed(1)} ms (errors ${p.errors}) · bare Fastify + SQL ${b.rps.toFixed(0)} req/s p50 ${b.p50.toFixed(1)} ms p99 ${b.p99.toFixed(1)} ms · throughput ratio ${(p.rps / b.rps).toFixed(2)} (target ≥ 0.5, p99 < 20 ms)`,
  );
  await bare.close();
  await pool?.end();
}
