/**
 * Platform-wide security behaviour that no single module owns: text the database cannot store, unique
 * violations from a race, the audit of exports and of refused access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
