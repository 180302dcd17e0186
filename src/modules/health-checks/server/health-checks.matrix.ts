/** health-checks: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { expect } from 'vitest';
import { type TestClient } from '@test/app';
import { createMember, defineMatrixPart, ok, OWN_SCOPE_COUNTS, YEAR } from '@test/matrix/kit';


const HEALTH_DISTRICT = 'health-check programmes belong to the district (healthcheck.manage; health-check.routes.test.ts: "lets the district set up a programme")';
const MY_HEALTH = 'the worker’s own side takes only the caller’s own sign-ups (health-check.routes.test.ts: "Not someone else’s sign-up")';
const TODAY = new Date().toISOString().slice(0, 10);
async function signUp(c: TestClient, programme: number, memberId: number, done: boolean) {
  const r = await ok(c.post(`/api/health-checks/${programme}/signups`, { memberId, group: 'frontline', slotOn: `${YEAR}-01-02` }));
  if (done) {
    expect((await c.post(`/api/health-checks/signups/${r.id}/done`, { doneOn: `${YEAR}-01-02` })).status).toBe(200);
    expect((await c.post(`/api/health-checks/signups/${r.id}/results`, { abnormal: false, findings: '未见异常' })).status).toBe(200);
  }
  return r.id as number;
}

export const matrix = defineMatrixPart({
  module: 'health-checks',
  rows: {
    'GET /api/health-checks': {
      foreign: () => [{ method: 'GET', url: '/api/health-checks' }],
      own: () => ({ method: 'GET', url: '/api/health-checks' }),
    },
    'GET /api/health-checks/:id/signups': {
      foreign: (f) => [{ method: 'GET', url: `/api/health-checks/${f.programme}/signups?q=${encodeURIComponent('松岭会员')}` }],
      own: (f) => ({ method: 'GET', url: `/api/health-checks/${f.programme}/signups` }),
    },
    'GET /api/health-checks/:id/signups/export': {
      foreign: (f) => [{ method: 'GET', url: `/api/health-checks/${f.programme}/signups/export` }],
      own: (f) => ({ method: 'GET', url: `/api/health-checks/${f.programme}/signups/export` }),
    },
    'POST /api/health-checks/:id/signups': {
      foreign: (f) => [{ method: 'POST', url: `/api/health-checks/${f.programme}/signups`, body: { memberId: f.foreignDup, group: 'frontline', slotOn: `${YEAR}-06-01` } }],
      own: (f) => ({ method: 'POST', url: `/api/health-checks/${f.programme}/signups`, body: { memberId: f.ownDup, group: 'frontline', slotOn: `${YEAR}-06-01` } }),
    },
    'POST /api/health-checks/signups/:id/cancel': {
      foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/cancel` }],
      own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignup2}/cancel` }),
    },
    'POST /api/health-checks/signups/:id/done': {
      foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/done`, body: { doneOn: `${YEAR}-01-02` } }],
      own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignup}/done`, body: { doneOn: `${YEAR}-01-02` } }),
    },
    'POST /api/health-checks/signups/:id/results': {
      foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/results`, body: { abnormal: true, findings: '越权登记' } }],
      own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignupDone}/results`, body: { abnormal: false, findings: '矩阵登记' } }),
    },
    'POST /api/health-checks/signups/:id/results/view': {
      foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/results/view` }],
      own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignupDone}/results/view` }),
    },
  },
  exempt: {
    'GET /api/health-checks/due': OWN_SCOPE_COUNTS,
    'POST /api/health-checks': HEALTH_DISTRICT,
    'POST /api/health-checks/:id/close': HEALTH_DISTRICT,
    'GET /api/me/health-checks': MY_HEALTH,
    'POST /api/me/health-checks/:id/signups': MY_HEALTH,
    'POST /api/me/health-checks/signups/:id/cancel': MY_HEALTH,
  },
  exemptWrites: {
    'POST /api/health-checks': {
      role: 'district_admin',
      req: () => ({ method: 'POST', url: '/api/health-checks', body: { year: YEAR, name: '矩阵审计体检', provider: '区人民医院', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, quotas: [{ group: 'frontline', places: 5 }] } }),
      keep: (b, st) => (st.programme = b.id),
    },
    'POST /api/me/health-checks/:id/signups': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/me/health-checks/${st.programme}/signups`, body: { group: 'frontline', slotOn: TODAY } }), keep: (b, st) => (st.signup = b.id) },
    'POST /api/me/health-checks/signups/:id/cancel': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/me/health-checks/signups/${st.signup}/cancel` }) },
    'POST /api/health-checks/:id/close': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/health-checks/${st.programme}/close` }) },
  },
  // The district's programme, shared by every fixture.
  async foreign({ admin, songling }, f) {
    const programme = (await ok(admin.post('/api/health-checks', { year: YEAR, name: '矩阵体检', provider: '区人民医院', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, quotas: [{ group: 'frontline', places: 50 }] }))).id as number;
    return { programme, foreignSignup: await signUp(songling, programme, f.foreignMember, true) };
  },
  async own({ jinxiu }, f) {
    const extra = await createMember(jinxiu, f.ownOrg, '矩阵会员三', { phone: '13911114444' });
    return {
      ownSignupDone: await signUp(jinxiu, f.programme, f.ownMember, true),
      ownSignup: await signUp(jinxiu, f.programme, f.ownMember2, false),
      ownSignup2: await signUp(jinxiu, f.programme, extra.memberId, false),
    };
  },
});
