/** Authorization-matrix rows of the mutual-aid routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case, YEAR, claimFile } from './kit';

export const mutualAidMatrix: Record<string, Case> = {
  'GET /api/mutual-aid/plans': {
    foreign: () => [{ method: 'GET', url: '/api/mutual-aid/plans' }],
    own: () => ({ method: 'GET', url: '/api/mutual-aid/plans' }),
  },
  'GET /api/mutual-aid/plans/:id/quotas': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/quotas` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/quotas` }),
    leaks: (r, f) => r.status === 200 && (r.body as { orgId: number }[]).some((q) => q.orgId === f.foreignParent),
  },
  'GET /api/mutual-aid/plans/:id/enrolments': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments?q=${encodeURIComponent('松岭会员')}` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments` }),
  },
  'GET /api/mutual-aid/plans/:id/enrolments/export': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments/export` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments/export` }),
  },
  'POST /api/mutual-aid/plans/:id/enrolments': {
    foreign: (f) => [{ method: 'POST', url: `/api/mutual-aid/plans/${f.plan}/enrolments`, body: { memberId: f.foreignDup, shares: 1, paidOn: `${YEAR}-01-03` } }],
    own: (f) => ({ method: 'POST', url: `/api/mutual-aid/plans/${f.plan}/enrolments`, body: { memberId: f.ownDup, shares: 1, paidOn: `${YEAR}-01-03` } }),
  },
  'POST /api/mutual-aid/enrolments/:id/withdraw': {
    foreign: (f) => [{ method: 'POST', url: `/api/mutual-aid/enrolments/${f.foreignEnrolment}/withdraw`, body: { reason: '越权退保' } }],
    own: (f) => ({ method: 'POST', url: `/api/mutual-aid/enrolments/${f.ownEnrolment2}/withdraw`, body: { reason: '矩阵退保' } }),
  },
  'GET /api/mutual-aid/plans/:id/claims': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims` }),
  },
  'GET /api/mutual-aid/plans/:id/claims/export': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims/export` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims/export` }),
  },
  'POST /api/mutual-aid/claims': {
    foreign: (f) => [{ method: 'POST', url: '/api/mutual-aid/claims', body: { enrolmentId: f.foreignEnrolment, diagnosis: '越权理赔', hospital: '区人民医院', admittedOn: `${YEAR}-01-05`, claimedFen: 1000 } }],
    own: (f) => ({ method: 'POST', url: '/api/mutual-aid/claims', body: { enrolmentId: f.ownEnrolment, diagnosis: '矩阵理赔', hospital: '区人民医院', admittedOn: `${YEAR}-01-05`, claimedFen: 1000 } }),
  },
  'POST /api/mutual-aid/claims/:id/diagnosis': {
    foreign: (f) => [{ method: 'POST', url: `/api/mutual-aid/claims/${f.foreignClaim}/diagnosis` }],
    own: (f) => ({ method: 'POST', url: `/api/mutual-aid/claims/${f.ownClaim}/diagnosis` }),
  },
  'POST /api/mutual-aid/claims/:id/files': {
    foreign: (f) => [claimFile(f.foreignClaim)],
    own: (f) => claimFile(f.ownClaim),
  },
  'GET /api/mutual-aid/claim-files/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/claim-files/${f.foreignClaimFile}` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/claim-files/${f.ownClaimFile}` }),
  },
};
