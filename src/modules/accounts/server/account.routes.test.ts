import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { factories, type BuiltAccount, type BuiltOrg } from '@test/factories';

let t: TestApp;
let admin: TestClient;
let jinxiu: TestClient;
/** Two streets; street A holds a union (恒达) with its administrator and a member's account. */
let streetA: BuiltOrg;
let streetB: BuiltOrg;
let hengda: BuiltOrg;
const account: Record<'streetA' | 'streetB' | 'union' | 'member', BuiltAccount> = {} as never;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const f = await factories(t);
  admin = f.kit.admin;
  streetA = await f.org({ kind: 'street', name: '甲街道总工会' });
  streetB = await f.org({ kind: 'street', name: '乙街道总工会' });
  hengda = await f.org({ parent: streetA, name: '恒达物流有限公司工会委员会' });
  account.streetA = await f.account({ org: streetA, role: 'intermediate_admin', username: 'jinxiu' });
  account.streetB = await f.account({ org: streetB, role: 'intermediate_admin', username: 'songling' });
  account.union = await f.account({ org: hengda, role: 'grassroots_admin', username: 'union' });
  account.member = await f.account({ org: hengda, role: 'member', username: 'member' });
  jinxiu = await account.streetA.login();
});
afterAll(() => t?.close());

describe('accounts', () => {
  it('lists only accounts in the scope', async () => {
    const all = await admin.get('/api/accounts');
    expect(all.body.items.map((a: { username: string }) => a.username).sort()).toEqual(['factory_admin', 'jinxiu', 'member', 'songling', 'union']);
    const mine = await jinxiu.get('/api/accounts');
    expect(mine.body.items.map((a: { username: string }) => a.username).sort()).toEqual(['jinxiu', 'member', 'union']);
    // The search matches the organisation's name too: 恒达's two accounts.
    const search = await admin.get(`/api/accounts?q=${encodeURIComponent('恒达')}`);
    expect(search.body.total).toBe(2);
    const role = await admin.get('/api/accounts?role=intermediate_admin');
    expect(role.body.total).toBe(2);
  });

  it('creates an account with a generated one-time password that must be changed', async () => {
    const r = await jinxiu.post('/api/accounts', {
      username: 'Hengda2',
      displayName: '钱进',
      orgId: hengda.id,
      roles: ['grassroots_admin'],
    });
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({ username: 'hengda2', mustChangePassword: true, status: 'active' });
    expect(r.body.temporaryPassword).toHaveLength(12);
    const c = await t.as('hengda2', r.body.temporaryPassword);
    const blocked = await c.get('/api/orgs');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('COMMON.PASSWORD_CHANGE_REQUIRED');
    await c.post('/api/auth/password', { currentPassword: r.body.temporaryPassword, newPassword: 'Hengda#2026' });
    expect((await c.get('/api/orgs')).status).toBe(200);
  });

  it('refuses roles above the actor, roles that do not fit the tier, and organisations out of scope', async () => {
    const above = await jinxiu.post('/api/accounts', { username: 'boss', displayName: '某某', orgId: streetA.id, roles: ['district_admin'] });
    expect(above.body.code).toBe('ACCOUNT.ROLE_NOT_ASSIGNABLE');
    const tier = await jinxiu.post('/api/accounts', { username: 'tier1', displayName: '某某', orgId: streetA.id, roles: ['grassroots_admin'] });
    expect(tier.body.code).toBe('ACCOUNT.ROLE_TIER_MISMATCH');
    const scope = await jinxiu.post('/api/accounts', { username: 'other1', displayName: '某某', orgId: streetB.id, roles: ['intermediate_admin'] });
    expect(scope.status).toBe(404);
    const dup = await admin.post('/api/accounts', { username: 'songling', displayName: '某某', orgId: streetA.id, roles: ['intermediate_admin'] });
    expect(dup.body.code).toBe('ACCOUNT.USERNAME_TAKEN');
    const weak = await admin.post('/api/accounts', { username: 'weak1', displayName: '某某', orgId: streetA.id, roles: ['intermediate_admin'], password: 'abc' });
    expect(weak.body.code).toBe('ACCOUNT.WEAK_PASSWORD');
    const bad = await admin.post('/api/accounts', { username: '中文', displayName: '', orgId: 0, roles: [] });
    expect(bad.status).toBe(400);
    for (const label of ['用户名', '姓名', '所属组织', '角色']) expect(bad.body.message).toContain(label);
  });

  it('resets a password: old sessions end, lockout clears, a new password must be chosen', async () => {
    const member = await account.member.login();
    const id = account.member.id;
    const r = await jinxiu.post(`/api/accounts/${id}/reset-password`, { password: 'Reset#2026a' });
    expect(r.body.temporaryPassword).toBeNull();
    expect((await member.get('/api/auth/me')).status).toBe(401);
    const again = await t.as('member', 'Reset#2026a');
    expect((await again.get('/api/auth/me')).body.account.mustChangePassword).toBe(true);
    const self = await jinxiu.post(`/api/accounts/${(await jinxiu.get('/api/auth/me')).body.account.id}/reset-password`, {});
    expect(self.body.code).toBe('ACCOUNT.SELF_ACTION');
  });

  it('disables an account at once (live sessions end) and enables it again', async () => {
    const union = await account.union.login();
    const id = (await union.get('/api/auth/me')).body.account.id;
    const r = await jinxiu.post(`/api/accounts/${id}/disable`);
    expect(r.body.status).toBe('disabled');
    expect((await union.get('/api/auth/me')).status).toBe(401);
    const login = await t.client().post('/api/auth/login', { username: 'union', password: account.union.password });
    expect(login.body.code).toBe('ACCOUNT.DISABLED');
    expect((await jinxiu.post(`/api/accounts/${id}/disable`)).body.code).toBe('ACCOUNT.ALREADY_DISABLED');
    expect((await jinxiu.post(`/api/accounts/${id}/enable`)).body.status).toBe('active');
    await account.union.login();
  });

  it('cannot manage an account holding a higher role, nor change its own roles', async () => {
    const jinxiuId = account.streetA.id;
    const union = await account.union.login();
    expect((await union.post(`/api/accounts/${jinxiuId}/disable`)).status).toBe(404);
    const self = await jinxiu.patch(`/api/accounts/${jinxiuId}`, { roles: ['grassroots_admin'] });
    expect(self.body.code).toBe('ACCOUNT.SELF_ACTION');
    const renamed = await admin.patch(`/api/accounts/${jinxiuId}`, { displayName: '王芳' });
    expect(renamed.body.displayName).toBe('王芳');
  });

  it('exports the scoped account list to Excel without password hashes', async () => {
    const r = await jinxiu.get('/api/accounts/export.xlsx');
    const rows = await readXlsxRows(r.raw.rawPayload);
    expect(rows[0]).toEqual(['用户名', '姓名', '所属组织', '角色', '状态', '最近登录', '创建时间']);
    expect(rows.slice(1).map((x) => x[0]).sort()).toEqual(['hengda2', 'jinxiu', 'member', 'union']);
    expect(r.raw.rawPayload.toString('latin1')).not.toContain('scrypt$');
  });
});
