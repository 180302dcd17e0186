/**
 * Production split (README, 生产部署): the schema owner migrates, the app runs as a role that cannot ALTER the
 * tables nor UPDATE, DELETE or TRUNCATE the audit trail (等保 8.1.4.3 c). PostgreSQL server only (PGlite has one
 * built-in role); runs when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@platform/db';
import { createTestApp, type TestApp } from './app';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the app as a database role that cannot change the audit trail', () => {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const owner = `gh_owner_${suffix}`;
  const appRole = `gh_app_${suffix}`;
  const dbName = `gh_roles_${suffix}`;
  const as = (user: string) => {
    const u = new URL(url!);
    u.username = user;
    u.password = '';
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const superuser = async (statements: string[]) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };
  let t: TestApp;
  let app: pg.Client;

  beforeAll(async () => {
    await superuser([`create role ${owner} login`, `create role ${appRole} login`, `create database ${dbName} owner ${owner}`]);
    const database = await openDatabase({ databaseUrl: as(appRole), migrationUrl: as(owner) });
    // The demo district is written through the app role: the app works with only the grants it was given.
    t = await createTestApp({ database, demoMembers: 30 });
    app = new pg.Client({ connectionString: as(appRole) });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
    await superuser([`drop database if exists ${dbName} with (force)`, `drop role if exists ${appRole}`, `drop role if exists ${owner}`]);
  });

  it('migrates as the owner and runs as the app role: sign-in, a change with its audit row, an export', async () => {
    const { rows } = await app.query<{ owner: string }>(`select tableowner as owner from pg_tables where tablename = 'audit_events'`);
    expect(rows[0]!.owner).toBe(owner);
    const admin = await t.as('admin');
    const org = (await admin.get('/api/orgs?tier=grassroots&pageSize=1')).body.items[0];
    expect((await admin.patch(`/api/orgs/${org.id}`, { remark: '角色分离测试' })).status).toBe(200);
    expect((await admin.get('/api/members/export.xlsx')).status).toBe(200);
    const audit = (await admin.get('/api/audit?pageSize=5')).body.items as { action: string }[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['org.update', 'data.export']));
  });

  it('refuses the app role UPDATE, DELETE, TRUNCATE and ALTER of audit_events by privilege, not only by trigger', async () => {
    const refused = async (statement: string) => {
      const error = await app.query(statement).then(() => null, (e: { code?: string; message: string }) => e);
      return error ? `${error.code} ${error.message}` : 'accepted';
    };
    expect(await refused(`update audit_events set summary = '篡改'`)).toMatch(/^42501 permission denied for table audit_events/);
    expect(await refused('delete from audit_events')).toMatch(/^42501 permission denied for table audit_events/);
    expect(await refused('truncate audit_events')).toMatch(/^42501 permission denied for table audit_events/);
    expect(await refused('alter table audit_events disable trigger all')).toMatch(/^42501 must be owner of table audit_events/);
    expect(await refused('drop table audit_events')).toMatch(/^42501 must be owner of table audit_events/);
    expect(await refused('alter table organisations add column x int')).toMatch(/^42501 must be owner of table organisations/);
    // Reading and appending remain.
    expect(await refused('select count(*) from audit_events')).toBe('accepted');
    const { rows } = await app.query<{ n: number }>('select count(*)::int as n from audit_events');
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
