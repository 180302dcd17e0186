/** Authorization-matrix rows of the health-checks routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case, YEAR } from './kit';

export const healthChecksMatrix: Record<string, Case> = {
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
};
