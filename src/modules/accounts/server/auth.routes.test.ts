import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/app';

describe('setup on an empty database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('has no account with a known password before setup', async () => {
    const c = t.client();
    for (const [u, p] of [['admin', 'admin'], ['admin', 'Demo@2026'], ['root', 'root'], ['admin', '123456']]) {
      expect((await c.post('/api/auth/login', { username: u, password: p })).status).toBe(401);
    }
    expect((await c.get('/api/setup/status')).body).toEqual({ needsSetup: true, demo: false, federationName: null });
  });

  it('validates the setup form with Chinese messages naming the field', async () => {
    const r = await t.client().post('/api/setup', {
      federationName: '某区',
      divisionCode: '12',
      adminUsername: 'A',
      adminDisplayName: '张',
      adminPassword: 'x',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('COMMON.VALIDATION');
    for (const label of ['总工会名称', '行政区划代码', '用户名', '姓名']) expect(r.body.message).toContain(label);
  });

  it('refuses a weak administrator password', async () => {
    const r = await t.client().post('/api/setup', {
      federationName: '某某区总工会',
      divisionCode: '320102',
      adminUsername: 'chair',
      adminDisplayName: '张主席',
      adminPassword: 'password',
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('管理员密码');
  });

  it('creates the federation and its administrator, signs in, and cannot run twice', async () => {
    const c = t.client();
    const body = {
      federationName: '某某区总工会',
      divisionCode: '320102',
      adminUsername: 'chair',
      adminDisplayName: '张主席',
      adminPassword: 'Union#2026',
    };
    expect((await c.post('/api/setup', body)).status).toBe(200);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.account.orgName).toBe('某某区总工会');
    expect(me.body.account.roles).toEqual([{ code: 'district_admin', label: '区总工会管理员' }]);
    const again = await t.client().post('/api/setup', { ...body, adminUsername: 'other' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ACCOUNT.SETUP_DONE');
    const tree = await (await t.as('chair', 'Union#2026')).get('/api/orgs/tree');
    expect(tree.body.map((n: { name: string }) => n.name)).toEqual(['某某区总工会']);
  });
});

describe('login, sessions and lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { login: { maxFailures: 5, lockMinutes: 15, ratePerMinute: 1000 } } });
  });
  afterAll(() => t.close());

  it('answers unknown user and wrong password identically', async () => {
    const a = await t.client().post('/api/auth/login', { username: 'nobody', password: 'Wrong#123' });
    const b = await t.client().post('/api/auth/login', { username: 'staff', password: 'Wrong#123' });
    expect(a.status).toBe(401);
    expect(a.body).toEqual(b.body);
    expect(a.body.code).toBe('ACCOUNT.INVALID_CREDENTIALS');
    expect(a.body.message).toMatch(/^用户名或密码错误/);
  });

  it('sets an HttpOnly SameSite session cookie and rotates it at each login', async () => {
    const c = t.client();
    const r = await c.post('/api/auth/login', { username: 'admin', password: 'Demo@2026' });
    const cookie = String(r.raw.headers['set-cookie']);
    expect(cookie).toMatch(/gh_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax/);
    const first = c.cookie;
    // Signing in again while a session exists needs no CSRF token (same-origin check only).
    await c.post('/api/auth/login', { username: 'admin', password: 'Demo@2026' });
    expect(c.cookie).not.toBe(first);
    const stale = t.client();
    stale.cookie = first;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('locks an account after 5 failures for 15 minutes, even for the right password', async () => {
    const c = t.client();
    const unknown = t.client();
    for (let i = 0; i < 6; i++) {
      const real = await c.post('/api/auth/login', { username: 'songling', password: 'Bad#pass1' });
      const nobody = await unknown.post('/api/auth/login', { username: 'nosuchuser', password: 'Bad#pass1' });
      // The lockout must not tell a prober that the account exists: a locked account answers as an unknown one.
      expect(real.status).toBe(401);
      expect(real.body, `attempt ${i + 1}`).toEqual(nobody.body);
    }
    const right = await c.post('/api/auth/login', { username: 'songling', password: 'Demo@2026' });
    expect(right.status).toBe(401);
    expect(right.body).toEqual((await unknown.post('/api/auth/login', { username: 'nosuchuser', password: 'Demo@2026' })).body);
    expect(right.body.message).toContain('锁定 15 分钟');
    t.clock.advanceMinutes(14);
    expect((await c.post('/api/auth/login', { username: 'songling', password: 'Demo@2026' })).status).toBe(401);
    t.clock.advanceMinutes(2);
    expect((await c.post('/api/auth/login', { username: 'songling', password: 'Demo@2026' })).status).toBe(200);
  });

  it('ends a session after 30 idle minutes but not while it is used', async () => {
    const c = await t.as('staff');
    t.clock.advanceMinutes(20);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advanceMinutes(20);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advanceMinutes(31);
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('COMMON.SESSION_EXPIRED');
  });

  it('ends a session at its absolute lifetime of 12 hours even when active', async () => {
    const c = await t.as('staff');
    for (let i = 0; i < 25; i++) {
      t.clock.advanceMinutes(29);
      if ((await c.get('/api/auth/me')).status !== 200) break;
    }
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('requires the CSRF token on every state-changing request with a session', async () => {
    const c = await t.as('admin');
    const noToken = await c.request('POST', '/api/orgs', { parentId: 1, name: '无令牌工会', kind: 'enterprise' }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('COMMON.CSRF');
    const wrong = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(wrong.status).toBe(403);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses percent-encoded spellings of API paths instead of skipping the CSRF check', async () => {
    const c = await t.as('admin');
    const org = (await c.get('/api/orgs?pageSize=1')).body.items[0] as { id: number; remark: string | null };
    const noToken = { 'x-csrf-token': '' };
    const attempts: [string, string, unknown][] = [
      ['PATCH', `/%61pi/orgs/${org.id}`, { remark: '编码路径改写' }],
      ['POST', '/%61pi/orgs', { parentId: org.id, name: '编码路径新建工会', kind: 'enterprise' }],
      ['POST', '/ap%69/accounts', { username: 'encodedpath', displayName: '编码', orgId: org.id, roles: ['grassroots_admin'] }],
      ['PATCH', `/%61%70%69/orgs/${org.id}`, { remark: '编码路径改写' }],
      ['POST', '/%61pi/auth/logout', {}],
    ];
    for (const [method, url, body] of attempts) {
      const r = await c.request(method, url, body, noToken);
      expect([403, 404], `${method} ${url}`).toContain(r.status);
      // With the right token the encoded spelling is still not an API path.
      expect((await c.request(method, url, body)).status, `${method} ${url} with token`).toBe(404);
    }
    expect((await c.get(`/%61pi/orgs/${org.id}`)).status).toBe(404);
    expect((await c.get(`/api/orgs/${org.id}`)).body.remark).toBe(org.remark);
    expect((await c.get('/api/accounts?q=encodedpath')).body.total).toBe(0);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a cross-site login attempt, with or without an existing session', async () => {
    const signedIn = await t.as('staff');
    const cross = await signedIn.request('POST', '/api/auth/login', { username: 'admin', password: 'Demo@2026' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const r = await t
      .client()
      .request('POST', '/api/auth/login', { username: 'admin', password: 'Demo@2026' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(r.status).toBe(403);
  });

  it('logs out on the server: the old cookie no longer works', async () => {
    const c = await t.as('staff');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const replay = t.client();
    replay.cookie = cookie;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('changes the own password with policy checks and ends other sessions', async () => {
    const c1 = await t.as('jinxiu');
    const c2 = await t.as('jinxiu');
    expect((await c1.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'New#Pass2026' })).body.code).toBe(
      'ACCOUNT.WRONG_CURRENT_PASSWORD',
    );
    const weak = await c1.post('/api/auth/password', { currentPassword: 'Demo@2026', newPassword: 'short' });
    expect(weak.body.code).toBe('ACCOUNT.WEAK_PASSWORD');
    expect(weak.body.message).toContain('新密码');
    expect((await c1.post('/api/auth/password', { currentPassword: 'Demo@2026', newPassword: 'New#Pass2026' })).status).toBe(200);
    expect((await c1.get('/api/auth/me')).status).toBe(200);
    expect((await c2.get('/api/auth/me')).status).toBe(401);
    await t.as('jinxiu', 'New#Pass2026');
  });

  it('writes login successes, failures and lockouts to the audit trail', async () => {
    const admin = await t.as('admin');
    const r = await admin.get('/api/audit?action=auth.lockout');
    expect(r.body.items[0].summary).toContain('songling');
    const failures = await admin.get('/api/audit?action=auth.login&outcome=failure&pageSize=100');
    expect(failures.body.items.some((e: { summary: string }) => e.summary.includes('nobody'))).toBe(true);
  });
});

describe('a short idle limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false, config: { session: { idleMinutes: 1, maxHours: 12 } } });
  });
  afterAll(() => t.close());

  it('keeps a session that is used every 45 seconds under a 1-minute idle limit, and ends it after a minute idle', async () => {
    const c = t.client();
    const setup = { federationName: '某某区总工会', divisionCode: '320102', adminUsername: 'chair', adminDisplayName: '张主席', adminPassword: 'Union#2026' };
    expect((await c.post('/api/setup', setup)).status).toBe(200);
    for (let i = 0; i < 6; i++) {
      t.clock.advanceMinutes(0.75);
      expect((await c.get('/api/auth/me')).status, `request ${i + 1}, ${(i + 1) * 45} s after sign-in`).toBe(200);
    }
    t.clock.advanceMinutes(1.05);
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('COMMON.SESSION_EXPIRED');
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { login: { maxFailures: 100, lockMinutes: 15, ratePerMinute: 5 } } });
  });
  afterAll(() => t.close());

  it('answers 429 past the per-minute limit from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.client().post('/api/auth/login', { username: 'x', password: 'y' })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const r = await t.client().post('/api/auth/login', { username: 'x', password: 'y' });
    expect(r.body.code).toBe('COMMON.RATE_LIMITED');
  });
});
