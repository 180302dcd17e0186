/** Authorization-matrix rows of the hardship routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case, YEAR, caseFile, HOUSEHOLD } from './kit';

export const hardshipMatrix: Record<string, Case> = {
  'GET /api/hardship/cases': {
    foreign: () => [{ method: 'GET', url: '/api/hardship/cases?pageSize=200' }, { method: 'GET', url: `/api/hardship/cases?q=${encodeURIComponent('松岭会员')}` }],
    own: () => ({ method: 'GET', url: '/api/hardship/cases' }),
  },
  'GET /api/hardship/cases/export': {
    foreign: () => [{ method: 'GET', url: '/api/hardship/cases/export' }],
    own: () => ({ method: 'GET', url: '/api/hardship/cases/export' }),
  },
  'POST /api/hardship/cases': {
    foreign: (f) => [{ method: 'POST', url: '/api/hardship/cases', body: { memberId: f.foreignDup, primaryCause: 'illness', assessment: HOUSEHOLD } }],
    own: (f) => ({ method: 'POST', url: '/api/hardship/cases', body: { memberId: f.ownDup, primaryCause: 'illness', assessment: HOUSEHOLD } }),
  },
  'GET /api/hardship/cases/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/hardship/cases/${f.foreignCase}` }],
    own: (f) => ({ method: 'GET', url: `/api/hardship/cases/${f.ownCase}` }),
  },
  'POST /api/hardship/cases/:id/steps': {
    foreign: (f) => [
      { method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/steps`, body: { action: 'first_review' } },
      { method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/steps`, body: { action: 'reject', opinion: '越权不予建档' } },
    ],
    own: (f) => ({ method: 'POST', url: `/api/hardship/cases/${f.ownCase}/steps`, body: { action: 'first_review' } }),
  },
  'POST /api/hardship/cases/:id/consent': {
    foreign: (f) => [{ method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/consent`, body: { covers: ['name'] } }],
    own: (f) => ({ method: 'POST', url: `/api/hardship/cases/${f.ownCase}/consent`, body: { covers: ['name', 'union'] } }),
  },
  'POST /api/hardship/cases/:id/files': {
    foreign: (f) => [caseFile(f.foreignCase)],
    own: (f) => caseFile(f.ownCase),
  },
  'GET /api/hardship/files/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/hardship/files/${f.foreignCaseFile}` }],
    own: (f) => ({ method: 'GET', url: `/api/hardship/files/${f.ownCaseFile}` }),
  },
  'POST /api/hardship/cases/:id/finances': {
    foreign: (f) => [{ method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/finances` }],
    own: (f) => ({ method: 'POST', url: `/api/hardship/cases/${f.ownCase}/finances` }),
  },
  'GET /api/aid': {
    foreign: () => [{ method: 'GET', url: '/api/aid?pageSize=200' }, { method: 'GET', url: `/api/aid?q=${encodeURIComponent('松岭会员')}` }],
    own: () => ({ method: 'GET', url: '/api/aid' }),
  },
  'GET /api/aid/export': {
    foreign: () => [{ method: 'GET', url: '/api/aid/export' }],
    own: () => ({ method: 'GET', url: '/api/aid/export' }),
  },
  'POST /api/aid': {
    foreign: (f) => [{ method: 'POST', url: '/api/aid', body: { memberId: f.foreignDup, kind: 'living', form: 'cash', amountFen: 10_000, givenOn: `${YEAR}-01-05`, fundSource: 'union' } }],
    own: (f) => ({ method: 'POST', url: '/api/aid', body: { memberId: f.ownDup, kind: 'living', form: 'cash', amountFen: 10_000, givenOn: `${YEAR}-01-05`, fundSource: 'union' } }),
  },
  'POST /api/aid/:id/sign': {
    foreign: (f) => [{ method: 'POST', url: `/api/aid/${f.foreignAid}/sign`, body: { signedOn: `${YEAR}-01-06` } }],
    own: (f) => ({ method: 'POST', url: `/api/aid/${f.ownAid}/sign`, body: { signedOn: `${YEAR}-01-06` } }),
  },
  'POST /api/aid/:id/cancel': {
    foreign: (f) => [{ method: 'POST', url: `/api/aid/${f.foreignAid}/cancel`, body: { reason: '越权撤销' } }],
    own: (f) => ({ method: 'POST', url: `/api/aid/${f.ownAid2}/cancel`, body: { reason: '矩阵撤销' } }),
  },
  'GET /api/campaigns': {
    foreign: () => [{ method: 'GET', url: '/api/campaigns' }],
    own: () => ({ method: 'GET', url: '/api/campaigns' }),
  },
  'POST /api/campaigns/:id/recipients': {
    foreign: (f) => [{ method: 'POST', url: `/api/campaigns/${f.foreignCampaign}/recipients`, body: { source: 'cases', form: 'cash', amountFen: 10_000, fundSource: 'union', givenOn: `${YEAR}-01-05` } }],
    own: (f) => ({ method: 'POST', url: `/api/campaigns/${f.ownCampaign}/recipients`, body: { source: 'cases', form: 'cash', amountFen: 10_000, fundSource: 'union', givenOn: `${YEAR}-01-05` } }),
  },
  'POST /api/campaigns/:id/close': {
    foreign: (f) => [{ method: 'POST', url: `/api/campaigns/${f.foreignCampaign}/close` }],
    own: (f) => ({ method: 'POST', url: `/api/campaigns/${f.ownCampaign2}/close` }),
  },
  'GET /api/screenings': {
    foreign: () => [{ method: 'GET', url: '/api/screenings' }],
    own: () => ({ method: 'GET', url: '/api/screenings' }),
  },
  'GET /api/screenings/:id/progress': {
    foreign: (f) => [{ method: 'GET', url: `/api/screenings/${f.foreignScreening}/progress` }],
    own: (f) => ({ method: 'GET', url: `/api/screenings/${f.ownScreening}/progress` }),
  },
  'POST /api/screenings/:id/checks': {
    foreign: (f) => [
      { method: 'POST', url: `/api/screenings/${f.foreignScreening}/checks`, body: { memberId: f.foreignDup, outcome: 'no_hardship' } },
      { method: 'POST', url: `/api/screenings/${f.ownScreening}/checks`, body: { memberId: f.foreignDup, outcome: 'no_hardship' } },
    ],
    own: (f) => ({ method: 'POST', url: `/api/screenings/${f.ownScreening}/checks`, body: { memberId: f.ownDup, outcome: 'no_hardship' } }),
  },
  'POST /api/screenings/:id/close': {
    foreign: (f) => [{ method: 'POST', url: `/api/screenings/${f.foreignScreening}/close` }],
    own: (f) => ({ method: 'POST', url: `/api/screenings/${f.ownScreening2}/close` }),
  },
  'GET /api/hardship/cases/:id/notice': {
    foreign: (f) => [{ method: 'GET', url: `/api/hardship/cases/${f.foreignCase}/notice` }],
    own: (f) => ({ method: 'GET', url: `/api/hardship/cases/${f.ownCase}/notice` }),
  },
};
