import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '@platform/db';
import { createTestApp, type TestApp } from '@test/app';
import { PrincipalCache } from './principal-cache';

// The principals kept in memory for a moment (decision record 0028): the cache's own rules, and on a real
// database (embedded, and PostgreSQL with TEST_DATABASE_URL) that a change made in the database — not through
// this process — reaches the next requests by the `principals_changed` notice.

describe('PrincipalCache', () => {
  let clock = 1_000;
  const cache = () => {
    const c = new PrincipalCache<string>(100, () => clock, 3);
    c.setFollowing(true);
    return c;
  };

  it('keeps a value for its lifetime only, and not from a clock set back', () => {
    const c = cache();
    c.put('a', 'A', c.begin());
    expect(c.get('a')).toBe('A');
    clock += 99;
    expect(c.get('a')).toBe('A');
    clock += 1;
    expect(c.get('a')).toBeUndefined();
    c.put('b', 'B', c.begin());
    clock -= 10;
    expect(c.get('b')).toBeUndefined();
  });

  it('does not keep an answer read while a change came in', () => {
    const c = cache();
    const generation = c.begin();
    c.forget(); // the notice of a change arrives while the read is on its way
    c.put('a', 'old', generation);
    expect(c.get('a')).toBeUndefined();
    c.put('a', 'new', c.begin());
    expect(c.get('a')).toBe('new');
  });

  it('keeps nothing for a moment after a change made in this process (its transaction has not committed yet)', () => {
    const c = cache();
    c.forgetAndHold();
    c.put('a', 'A', c.begin());
    expect(c.get('a')).toBeUndefined();
  });

  it('keeps nothing while it does not follow the notices, and forgets when it stops', () => {
    const c = cache();
    c.put('a', 'A', c.begin());
    c.setFollowing(false);
    expect(c.get('a')).toBeUndefined();
    c.put('b', 'B', c.begin());
    expect(c.get('b')).toBeUndefined();
    c.setFollowing(true);
    c.put('b', 'B', c.begin());
    expect(c.get('b')).toBe('B');
  });

  it('drops the oldest entry when full', () => {
    const c = cache();
    for (const k of ['a', 'b', 'c', 'd']) c.put(k, k.toUpperCase(), c.begin());
    expect(c.size).toBe(3);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('d')).toBe('D');
  });
});

/** Polls `check` until it passes or two seconds are up (a notice crosses a connection). */
async function eventually(check: () => Promise<void>): Promise<void> {
  const until = Date.now() + 2_000;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('principals kept in memory follow the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demoMembers: 5 });
  });
  afterAll(() => t.close());

  it('serves a session it read a moment ago from memory, until a notice says it changed', async () => {
    const c = await t.as('jinxiu');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    // The session expires in the database without a notice (triggers off in this transaction): still served.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update sessions set expires_at = now() - interval '1 minute' where account_id = (select id from accounts where username = 'jinxiu')`);
    });
    expect((await c.get('/api/auth/me')).status).toBe(200);
    await t.database.db.execute(sql`select pg_notify('principals_changed', '')`);
    await eventually(async () => expect((await c.get('/api/auth/me')).status).toBe(401));
  });

  it('refuses a session ended in the database by someone else, within a moment', async () => {
    const c = await t.as('jinxiu');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(200); // served from memory now
    await t.database.db.execute(sql`delete from sessions where account_id = (select id from accounts where username = 'jinxiu')`);
    await eventually(async () => expect((await c.get('/api/auth/me')).status).toBe(401));
  });

  it('applies roles taken away in the database, within a moment', async () => {
    const c = await t.as('songling');
    expect((await c.get('/api/members')).status).toBe(200);
    await t.database.db.execute(sql`delete from account_roles where account_id = (select id from accounts where username = 'songling')`);
    await eventually(async () => expect((await c.get('/api/members')).status).toBe(403));
  });

  it('applies a logout at once in this process (disabling: account.routes.test.ts)', async () => {
    const c = await t.as('union');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('keeps nothing when its notices do not arrive: a LISTEN on another database (PostgreSQL)', async () => {
    if (t.database.kind !== 'postgres') return;
    const [{ db } = { db: '' }] = await queryRows<{ db: string }>(t.database.db, sql`select current_database() as db`);
    const url = (name: string) => Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${name}` }).toString();
    const database = await openDatabase({ databaseUrl: url(db), listenUrl: url('postgres'), migrate: false });
    const other = await createTestApp({ database, demo: false });
    try {
      const c = await other.as('admin');
      expect((await c.get('/api/auth/me')).status).toBe(200);
      await other.database.db.execute(sql`delete from sessions where account_id = (select id from accounts where username = 'admin')`);
      expect((await c.get('/api/auth/me')).status).toBe(401); // read from the database, not from memory
    } finally {
      await other.close();
    }
  });

  it('listens again after its connection to the server breaks (PostgreSQL)', async () => {
    if (t.database.kind !== 'postgres') return;
    const listening = async () =>
      queryRows<{ pid: number }>(t.database.db, sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
    const [listener] = await listening();
    expect(listener).toBeDefined();
    await t.database.db.execute(sql`select pg_terminate_backend(${listener!.pid})`);
    // It reconnects within about a second; meanwhile it keeps nothing, so the database answers every request.
    await eventually(async () => expect((await listening()).map((l) => l.pid)).not.toContain(listener!.pid));
    await new Promise((r) => setTimeout(r, 1_500));
    const [again] = await listening();
    expect(again).toBeDefined();
    const c = await t.as('admin');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    await t.database.db.execute(sql`delete from sessions where account_id = (select id from accounts where username = 'admin')`);
    await eventually(async () => expect((await c.get('/api/auth/me')).status).toBe(401));
  });
});
