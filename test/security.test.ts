/**
 * Platform-wide security behaviour that no single module owns: text the database cannot store, unique
 * violations from a race, the audit of exports and of refused access.
 */
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { createHttpServer, defineRoute } from '@platform/http';
import { findOrgUnscoped, findRootOrg, insertOrg } from '@modules/organisations/server';
import { createTestApp, type TestApp, type TestClient } from './app';
import { factories, type BuiltAccount, type BuiltOrg } from './factories';
import { fakeIdNumber, fakeUscc } from './fixtures/people';

let t: TestApp;
let admin: TestClient;
let orgId: number;
/** Two streets, a union in the first with a member's account, and the first street's administrator. */
let streetB: BuiltOrg;
let streetAdmin: BuiltAccount;
let memberAccount: BuiltAccount;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const f = await factories(t);
  admin = f.kit.admin;
  const { street: streetA, unions } = await f.street({ unions: 1 });
  streetB = await f.org({ kind: 'street' });
  orgId = unions[0]!.id;
  // A member on the roll, so that the full register export below has rows beyond the one this file adds.
  await f.member({ org: unions[0]! });
  streetAdmin = await f.account({ org: streetA, role: 'intermediate_admin', username: 'jinxiu' });
  memberAccount = await f.account({ org: unions[0]!, role: 'member' });
});
afterAll(() => t?.close());

describe('text the database cannot store', () => {
  const NUL = '张\u0000三';
  const LONE = '李\udc00四';

  it('answers 400 naming the field for a NUL byte or a lone surrogate, on every kind of route', async () => {
    const attempts: { method: string; url: string; body?: unknown; label: string }[] = [
      { method: 'POST', url: '/api/orgs', body: { parentId: orgId, name: NUL, kind: 'enterprise' }, label: '组织名称' },
      { method: 'PATCH', url: `/api/orgs/${orgId}`, body: { remark: LONE }, label: '备注' },
      { method: 'POST', url: '/api/members', body: { name: NUL, idNumber: fakeIdNumber(), joinedOn: '2024-01-01', orgId }, label: '姓名' },
      { method: 'POST', url: '/api/members', body: { name: '王五', idNumber: fakeIdNumber(), joinedOn: '2024-01-01', orgId, remark: LONE }, label: '备注' },
      { method: 'POST', url: '/api/employers', body: { name: `某某${NUL}公司`, uscc: fakeUscc(), orgId, employees: 5 }, label: '单位名称' },
      { method: 'POST', url: '/api/accounts', body: { username: 'nultest', displayName: LONE, orgId, roles: ['grassroots_admin'] }, label: '姓名' },
      { method: 'GET', url: `/api/members?q=${encodeURIComponent('张')}%00${encodeURIComponent('三')}`, label: '姓名、身份证号码或手机号码' },
      { method: 'GET', url: `/api/audit?actor=a%00b`, label: '操作人' },
    ];
    const wrong: string[] = [];
    for (const a of attempts) {
      const r = await admin.request(a.method, a.url, a.body);
      if (r.status !== 400 || r.body.code !== 'COMMON.VALIDATION' || !String(r.body.message).includes(a.label)) {
        wrong.push(`${a.method} ${a.url}: ${r.status} ${JSON.stringify(r.body)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await admin.get('/api/accounts?q=nultest')).body.total).toBe(0);
  });

  it('still accepts ordinary Chinese text and emoji (a valid surrogate pair)', async () => {
    const r = await admin.patch(`/api/orgs/${orgId}`, { remark: '职工之家 👍 已挂牌' });
    expect(r.status).toBe(200);
    expect(r.body.remark).toBe('职工之家 👍 已挂牌');
  });
});

describe('a duplicate key from a race', () => {
  it('answers the module\'s 409 for its unique constraint, and a generic Chinese 409 otherwise (never 500)', async () => {
    const db = t.database.db;
    const root = (await findRootOrg(db))!;
    const taken = (await findOrgUnscoped(db, orgId))!;
    // The routes write past any service check, as the second of two simultaneous requests does.
    const app = await createHttpServer(t.config, async () => null, async () => undefined);
    defineRoute(app, {
      method: 'POST',
      url: '/api/race/org',
      permission: 'public',
      summary: '测试',
      tags: [],
      response: z.object({}),
      async handler() {
        await db.transaction((tx) => insertOrg(tx, { parentId: root.id, name: '竞态重复工会', code: taken.code, kind: 'enterprise' }, root.path, root.level));
        return {};
      },
    });
    defineRoute(app, {
      method: 'POST',
      url: '/api/race/other',
      permission: 'public',
      summary: '测试',
      tags: [],
      response: z.object({}),
      async handler() {
        await db.transaction(async (tx) => {
          await tx.execute(sql`create temporary table race_probe (v int unique) on commit drop`);
          await tx.execute(sql`insert into race_probe values (1)`);
          await tx.execute(sql`insert into race_probe values (1)`);
        });
        return {};
      },
    });
    await app.ready();
    try {
      const org = await app.inject({ method: 'POST', url: '/api/race/org', payload: {} });
      expect(org.statusCode).toBe(409);
      expect(org.json()).toEqual({ code: 'ORG.CODE_TAKEN', message: '组织代码已被使用，请换一个' });
      const other = await app.inject({ method: 'POST', url: '/api/race/other', payload: {} });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe('COMMON.DUPLICATE');
      expect(other.json().message).toMatch(/[\u4e00-\u9fa5]/);
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a real race on the PostgreSQL server', () => {
  it('two creations of the same organisation code: the second answers ORG.CODE_TAKEN (409), not 500', async () => {
    const pool = (t.database.db as unknown as { session: { client: pg.Pool } }).session.client;
    const other = await pool.connect();
    try {
      const root = (await findRootOrg(t.database.db))!;
      // The first request's transaction holds the new code, uncommitted: the second's check cannot see it yet,
      // so its insert waits on the unique index until the first commits.
      await other.query('begin');
      await other.query(
        `insert into organisations (id, parent_id, name, code, kind, path, level) values (nextval(pg_get_serial_sequence('organisations', 'id')), $1, '竞态甲工会', 'RACE-0001', 'enterprise', $2 || currval(pg_get_serial_sequence('organisations', 'id')) || '/', $3)`,
        [root.id, root.path, root.level + 1],
      );
      const second = admin.post('/api/orgs', { parentId: root.id, name: '竞态乙工会', kind: 'enterprise', code: 'RACE-0001' });
      for (;;) {
        const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into "organisations"%'`);
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await other.query('commit');
      const r = await second;
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('ORG.CODE_TAKEN');
    } finally {
      other.release();
    }
  });
});

describe('audit of exports and of refused access (等保 8.1.4.3)', () => {
  it('writes an audit row for an Excel export of personal data: who, which list, filters (masked), row count', async () => {
    const idNumber = fakeIdNumber('19800101');
    expect((await admin.post('/api/members', { name: '导出审计', idNumber, joinedOn: '2024-01-01', orgId })).status).toBe(200);
    const r = await admin.get(`/api/members/export.xlsx?status=active&underId=${orgId}&q=${idNumber}`);
    expect(r.status).toBe(200);
    const rows = (await readXlsxRows(r.raw.rawPayload)).length - 1;
    expect(rows).toBe(1);
    const all = await admin.get('/api/members/export.xlsx');
    const allRows = (await readXlsxRows(all.raw.rawPayload)).length - 1;
    const events = (await admin.get('/api/audit?category=export')).body.items as AuditItem[];
    expect(events.length).toBe(2);
    const [latest, filtered] = events;
    expect(latest).toMatchObject({ action: 'data.export', actionLabel: '导出数据（Excel）', outcome: 'success' });
    expect(latest!.actorName).toContain('admin');
    expect(latest!.summary).toContain('会员名册');
    expect(latest!.after).toMatchObject({ list: '会员名册', rowCount: allRows });
    expect(filtered!.after).toMatchObject({ list: '会员名册', rowCount: 1, filters: { status: 'active', underId: orgId } });
    // The ID number typed into the search is kept masked, like every snapshot.
    const q = (filtered!.after as { filters: { q: string } }).filters.q;
    expect(q).not.toBe(idNumber);
    // Digit runs keep their first three and last two digits; an ID number's check letter X is not a digit.
    expect(q).toMatch(/^\d{3}\*+\d{2}X?$/);
    expect(JSON.stringify(filtered)).not.toContain(idNumber);
  });

  it('records refused access (403, 404 on an out-of-scope record, CSRF) as security events the audit page filters', async () => {
    const songling = streetB;
    const jinxiu = await streetAdmin.login();
    expect((await jinxiu.get(`/api/orgs/${songling.id}`)).status).toBe(404);
    const member = await memberAccount.login();
    expect((await member.get('/api/audit')).status).toBe(403);
    expect((await jinxiu.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' })).status).toBe(403);
    // Not events: an unknown route, and a page of one's own.
    expect((await jinxiu.get('/api/no-such-route')).status).toBe(404);
    expect((await jinxiu.get(`/api/orgs/${songling.id + 100000}/nothing`)).status).toBe(404);

    const events = (await admin.get('/api/audit?category=security&pageSize=100')).body.items as AuditItem[];
    const of = (action: string) => events.filter((e) => e.action === action);
    expect(of('security.not_found')).toHaveLength(1);
    expect(of('security.not_found')[0]).toMatchObject({ outcome: 'failure', actionLabel: '拒绝访问（记录不存在或不在管辖范围内）' });
    expect(of('security.not_found')[0]!.summary).toContain(`GET /api/orgs/${songling.id}`);
    expect(of('security.not_found')[0]!.actorName).toContain('jinxiu');
    expect(of('security.forbidden')).toHaveLength(1);
    expect(of('security.forbidden')[0]!.summary).toContain('GET /api/audit');
    expect(of('security.csrf')).toHaveLength(1);
    expect(events.every((e) => e.action.startsWith('security.') || e.action.startsWith('auth.'))).toBe(true);
    // The street administrator sees the events of its own people in its audit page.
    const own = (await jinxiu.get('/api/audit?category=security')).body.items as AuditItem[];
    expect(own.some((e) => e.action === 'security.not_found')).toBe(true);
    const labels = (await admin.get('/api/audit/actions')).body as { value: string; label: string }[];
    expect(labels.find((l) => l.value === 'security.forbidden')?.label).toBe('拒绝访问（无权限）');
  });
});

interface AuditItem {
  action: string;
  actionLabel: string;
  actorName: string;
  summary: string;
  outcome: string;
  after: unknown;
}
