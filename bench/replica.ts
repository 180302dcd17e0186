/**
 * READ_DATABASE_URL against a real streaming replica (issue #15 §4). Started by bench/replica.sh, which makes a
 * primary and a hot standby (pg_basebackup) on this machine; or by hand:
 *
 *   tsx bench/replica.ts <primary URL> <replica URL> [members]      (URLs of the servers; database `gonghui_replica`)
 *
 * 1. Creates `gonghui_replica` on the primary, migrates and seeds the demo district there (30,000 members by
 *    default), and waits until the standby has replayed it.
 * 2. Opens the platform as `npm start` would with DATABASE_URL on the primary and READ_DATABASE_URL on the
 *    standby, and a second one on the primary alone.
 * 3. Proves where the figures are read: with replay paused on the standby, a member added on the primary is
 *    counted by the primary-only platform and not by the replica-reading one; once replay resumes, both count it.
 * 4. Times the full default 述职报告 (GET /api/reports/:id) on both, median of 10, and checks their figures agree.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '@platform/db';
import { chinaToday } from '@platform/periods';
import { createTestApp, type TestApp } from '../test/app';
import { timeRuns } from './timing';

const [primaryArg, replicaArg, membersArg] = process.argv.slice(2);
if (!primaryArg || !replicaArg) throw new Error('usage: tsx bench/replica.ts <primary URL> <replica URL> [members]');
const MEMBERS = Number(membersArg ?? 30_000);
const NAME = 'gonghui_replica';
const on = (base: string) => {
  const u = new URL(base);
  u.pathname = `/${NAME}`;
  return u.toString();
};
const primaryUrl = on(primaryArg);
const replicaUrl = on(replicaArg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function one<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows[0]!;
  } finally {
    await c.end();
  }
}

/** Waits until the standby has replayed everything the primary has written so far; returns the wait in ms. */
async function caughtUp(): Promise<number> {
  const start = performance.now();
  const { lsn } = await one<{ lsn: string }>(primaryArg!, 'select pg_current_wal_lsn()::text as lsn');
  for (;;) {
    const { done } = await one<{ done: boolean }>(replicaArg!, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]);
    if (done) return performance.now() - start;
    if (performance.now() - start > 120_000) throw new Error('the standby did not catch up within 2 minutes');
    await sleep(50);
  }
}

const { standby } = await one<{ standby: boolean }>(replicaArg, 'select pg_is_in_recovery() as standby');
if (!standby) throw new Error(`${replicaArg} is not a standby (pg_is_in_recovery() is false)`);
const { version } = await one<{ version: string }>(primaryArg, "select current_setting('server_version') as version");
console.log(`replica: primary ${new URL(primaryArg).port}, hot standby ${new URL(replicaArg).port} (PostgreSQL ${version}, streaming replication)`);

await one(primaryArg, `drop database if exists ${NAME} with (force)`);
await one(primaryArg, `create database ${NAME}`);
await caughtUp();
const t0 = performance.now();
const database = await openDatabase({ databaseUrl: primaryUrl, readUrl: replicaUrl });
let replicaApp: TestApp | undefined;
let primaryApp: TestApp | undefined;
try {
  replicaApp = await createTestApp({ demoMembers: MEMBERS, database });
  const lag = await caughtUp();
  console.log(`replica: demo district with ${MEMBERS.toLocaleString()} members seeded on the primary in ${((performance.now() - t0) / 1000).toFixed(1)} s; the standby caught up ${lag.toFixed(0)} ms later`);
  // The same database without a replica: what a platform reading the primary answers.
  primaryApp = await createTestApp({ demo: false, database: { ...database, read: undefined, close: async () => {} } });

  const viaReplica = await replicaApp.as('admin');
  const viaPrimary = await primaryApp.as('admin');
  const me = (await viaReplica.get('/api/auth/me')).body as { account: { orgId: number } };
  const orgId = me.account.orgId;
  const year = chinaToday().slice(0, 4);
  const total = async (c: typeof viaReplica) => {
    const r = await c.get(`/api/indicators/values?orgId=${orgId}&period=${year}&codes=member.total`);
    if (r.status !== 200) throw new Error(`values ${r.status}`);
    return r.body.values[0].value as number;
  };

  const before = { replica: await total(viaReplica), primary: await total(viaPrimary) };
  await one(replicaArg, 'select pg_wal_replay_pause()');
  // One more member in a grassroots union, written on the primary, as the member form would.
  const [union] = await queryRows<{ id: number }>(database.db, sql`select id from organisations where kind = 'enterprise' and closed_on is null order by id limit 1`);
  const [source] = await queryRows<{ id: number }>(database.db, sql`select id from members where account_id is null order by id limit 1`);
  const [{ id: newId }] = (await queryRows<{ id: number }>(
    database.db,
    sql`insert into members (name, sex, birth_date, ethnicity, id_number_enc, id_number_idx, id_number_masked)
        select name, sex, birth_date, ethnicity, id_number_enc, md5(id_number_idx || ':replica'), id_number_masked from members where id = ${source!.id}
        returning id`,
  )) as [{ id: number }];
  await database.db.execute(sql`insert into memberships (member_id, org_id, joined_on, channel) values (${newId}, ${union!.id}, ${chinaToday()}, 'offline')`);
  const paused = { replica: await total(viaReplica), primary: await total(viaPrimary) };
  await one(replicaArg, 'select pg_wal_replay_resume()');
  const replayMs = await caughtUp();
  const after = { replica: await total(viaReplica), primary: await total(viaPrimary) };
  console.log(`replica: 会员总数 before ${before.replica} (replica-reading platform) / ${before.primary} (primary); replay paused, one member added on the primary: ${paused.replica} / ${paused.primary}; replay resumed (${replayMs.toFixed(0)} ms): ${after.replica} / ${after.primary}`);
  const proven = before.replica === before.primary && paused.replica === before.replica && paused.primary === before.primary + 1 && after.replica === after.primary && after.replica === before.replica + 1;
  if (!proven) throw new Error('the figures did not move as they would if the replica-reading platform read the standby');
  console.log('replica: the figures are read from the standby (READ_DATABASE_URL), and the new member is counted once replayed');

  const created = await viaReplica.post('/api/reports', { orgId, period: year });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
  const id = created.body.report.id as number;
  await caughtUp();
  const report = async (c: typeof viaReplica) => {
    const r = await c.get(`/api/reports/${id}`);
    if (r.status !== 200) throw new Error(`report ${r.status}`);
    return r.body;
  };
  const figures = (body: { sections: { paragraphs: { type: string; name?: string; value?: number }[][] }[] }) =>
    JSON.stringify(body.sections.flatMap((s) => s.paragraphs.flat().filter((t) => t.type === 'figure').map((t) => [t.name, t.value])));
  const a = await report(viaReplica);
  const b = await report(viaPrimary);
  if (figures(a) !== figures(b)) throw new Error('the report read on the standby differs from the one read on the primary');
  const onReplica = await timeRuns(() => report(viaReplica));
  const onPrimary = await timeRuns(() => report(viaPrimary));
  const ms = (x: { median: number; min: number; max: number }) => `${x.median.toFixed(0)} ms (${x.min.toFixed(0)}–${x.max.toFixed(0)})`;
  console.log(`replica: full default 述职报告, ${MEMBERS.toLocaleString()} members: figures read on the standby ${ms(onReplica)} · on the primary ${ms(onPrimary)} · same figures`);
} finally {
  await primaryApp?.close();
  await replicaApp?.close();
}
