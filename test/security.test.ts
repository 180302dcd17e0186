/**
 * Platform-wide security behaviour that no single module owns: text the database cannot store, unique
 * violations from a race, the audit of exports and of refused access.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, defineRoute } from '@platform/http';
import { findOrgUnscoped, findRootOrg, insertOrg } from '@modules/organisations/server';
import { createTestApp, type TestApp, type TestClient } from './app';
import { fakeIdNumber, fakeUscc } from './fixtures/people';

let t: TestApp;
let admin: TestClient;
let orgId: number;

beforeAll(async () => {
  t = await createTestApp({ demoMembers: 60 });
  admin = await t.as('admin');
  orgId = (await admin.get('/api/orgs?tier=grassroots&pageSize=1')).body.items[0].id;
});
afterAll(() => t.close());

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
    const app = await createHttpServer(t.config, async () => null);
    defineRoute(app, {
      method: 'POST',
      url: '/api/race/org',
      permission: 'public',
      summary: '测试',
      tags: [],
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
