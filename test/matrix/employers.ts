/** Authorization-matrix rows of the employers routes: route key → how to aim it at another subtree and inside the scope. */
import { fakeUscc } from '../fixtures/people';
import { type Case } from './kit';

export const employersMatrix: Record<string, Case> = {
  'GET /api/employers': {
    foreign: (f) => [{ method: 'GET', url: `/api/employers?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employers?pageSize=200&coverage=uncovered' }],
    own: (f) => ({ method: 'GET', url: `/api/employers?underId=${f.ownParent}` }),
  },
  'GET /api/employers/export.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/employers/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employers/export.xlsx' }],
    own: (f) => ({ method: 'GET', url: `/api/employers/export.xlsx?underId=${f.ownParent}` }),
  },
  'GET /api/employers/gaps/summary': {
    foreign: () => [{ method: 'GET', url: '/api/employers/gaps/summary' }],
    own: () => ({ method: 'GET', url: '/api/employers/gaps/summary' }),
    leaks: (r, f) => r.status === 200 && (r.body as { orgId: number }[]).some((x) => x.orgId === f.foreignParent),
  },
  'GET /api/employers/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/employers/${f.foreignEmployer}` }],
    own: (f) => ({ method: 'GET', url: `/api/employers/${f.ownEmployer}` }),
  },
  'POST /api/employers': {
    foreign: (f) => [{ method: 'POST', url: '/api/employers', body: { name: '越权登记单位', uscc: fakeUscc(), orgId: f.foreignParent, employees: 30 } }],
    own: (f) => ({ method: 'POST', url: '/api/employers', body: { name: `矩阵登记单位${f.tag}`, uscc: fakeUscc(), orgId: f.ownParent, employees: 30 } }),
  },
  'PATCH /api/employers/:id': {
    foreign: (f) => [{ method: 'PATCH', url: `/api/employers/${f.foreignEmployer}`, body: { employees: 1 } }],
    own: (f) => ({ method: 'PATCH', url: `/api/employers/${f.ownEmployer}`, body: { employees: 40 } }),
  },
  'POST /api/employers/:id/cover': {
    foreign: (f) => [
      { method: 'POST', url: `/api/employers/${f.foreignEmployer}/cover`, body: { orgId: f.ownOrg, since: '2024-01-01' } },
      { method: 'POST', url: `/api/employers/${f.ownEmployer}/cover`, body: { orgId: f.foreignOrg, since: '2024-01-01' } },
    ],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/cover`, body: { orgId: f.ownOrg, since: '2024-01-01' } }),
  },
  'POST /api/employers/:id/uncover': {
    foreign: (f) => [{ method: 'POST', url: `/api/employers/${f.foreignEmployer}/uncover` }],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/uncover` }),
  },
  'POST /api/employers/:id/founding': {
    foreign: (f) => [{ method: 'POST', url: `/api/employers/${f.foreignEmployer}/founding`, body: { stage: 'visiting' } }],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/founding`, body: { stage: 'visiting', note: '矩阵' } }),
  },
  'POST /api/employers/:id/found': {
    foreign: (f) => [{ method: 'POST', url: `/api/employers/${f.foreignEmployer}/found`, body: { unionName: '越权成立工会', kind: 'enterprise', openedOn: '2025-01-01' } }],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/found`, body: { unionName: `矩阵成立工会${f.tag}`, kind: 'enterprise', openedOn: '2025-01-01' } }),
  },
};
