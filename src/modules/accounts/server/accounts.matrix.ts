/** accounts: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { expect } from 'vitest';
import { DEMO_PASSWORD, defineMatrixPart, NO_RECORD, ok } from '@test/matrix/kit';

export const matrix = defineMatrixPart({
  module: 'accounts',
  rows: {
    'GET /api/accounts': {
      foreign: (f) => [{ method: 'GET', url: `/api/accounts?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/accounts?q=songling' }],
      own: (f) => ({ method: 'GET', url: `/api/accounts?underId=${f.ownParent}` }),
    },
    'GET /api/accounts/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/accounts/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/accounts/export.xlsx' }],
      own: (f) => ({ method: 'GET', url: `/api/accounts/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/accounts/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/accounts/${f.foreignAccount}` }],
      own: (f) => ({ method: 'GET', url: `/api/accounts/${f.ownAccount}` }),
    },
    'POST /api/accounts': {
      foreign: (f) => [{ method: 'POST', url: '/api/accounts', body: { username: 'intruder', displayName: '越权', orgId: f.foreignOrg, roles: ['grassroots_admin'] } }],
      own: (f) => ({ method: 'POST', url: '/api/accounts', body: { username: `matrixnew${f.tag}`, displayName: '矩阵', orgId: f.ownOrg, roles: ['grassroots_admin'] } }),
    },
    'PATCH /api/accounts/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/accounts/${f.foreignAccount}`, body: { displayName: '越权改名' } }],
      own: (f) => ({ method: 'PATCH', url: `/api/accounts/${f.ownAccount}`, body: { displayName: '矩阵改名' } }),
    },
    'POST /api/accounts/:id/reset-password': {
      foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/reset-password`, body: {} }],
      own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/reset-password`, body: {} }),
    },
    'POST /api/accounts/:id/disable': {
      foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/disable` }],
      own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/disable` }),
    },
    'POST /api/accounts/:id/enable': {
      foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/enable` }],
      own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/enable` }),
    },
    'POST /api/accounts/:id/unlock': {
      foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/unlock` }],
      own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/unlock` }),
    },
  },
  exempt: {
    'GET /api/setup/status': NO_RECORD,
    'POST /api/setup': NO_RECORD,
    'POST /api/auth/login': NO_RECORD,
    'POST /api/auth/logout': NO_RECORD,
    'GET /api/auth/me': NO_RECORD,
    'POST /api/auth/password': NO_RECORD,
    'GET /api/roles': NO_RECORD,
  },
  exemptWrites: {
    'POST /api/auth/login': { role: 'anonymous', req: () => ({ method: 'POST', url: '/api/auth/login', body: { username: 'staff', password: DEMO_PASSWORD } }) },
    'POST /api/auth/logout': { role: 'district_staff', client: ({ t }) => t.as('staff'), req: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  },
  exemptWritesUnsent: {
    'POST /api/setup': 'answers only before the first account exists (the demo is set up); its audit row is asserted in setup.routes.test.ts',
    'POST /api/auth/password': 'ends the caller’s sessions; the auth.password_change row is asserted in auth.routes.test.ts',
  },
  async foreign({ admin }) {
    return { foreignAccount: (await ok(admin.get('/api/accounts?q=songling'))).items[0].id };
  },
  async own({ admin, tag }, f) {
    const r = await ok(admin.post('/api/accounts', { username: `matrixown${tag}`, displayName: '矩阵自有', orgId: f.ownOrg, roles: ['grassroots_admin'] }));
    return { ownAccount: r.account.id };
  },
  async unchanged({ admin }, f) {
    expect((await admin.get(`/api/accounts/${f.foreignAccount}`)).body).toMatchObject({ status: 'active', displayName: '刘洋（演示）', mustChangePassword: false });
  },
});
