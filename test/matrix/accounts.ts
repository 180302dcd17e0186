/** Authorization-matrix rows of the accounts routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case } from './kit';

export const accountsMatrix: Record<string, Case> = {
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
};
