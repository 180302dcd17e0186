/** Authorization-matrix rows of the standards routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case, evidence, MARKER, YEAR } from './kit';

export const standardsMatrix: Record<string, Case> = {
  'GET /api/standards/assessments': {
    foreign: () => [{ method: 'GET', url: `/api/standards/assessments?year=${YEAR}&pageSize=200` }, { method: 'GET', url: `/api/standards/assessments?year=${YEAR}&status=draft&pageSize=200` }],
    own: () => ({ method: 'GET', url: `/api/standards/assessments?year=${YEAR}` }),
  },
  'GET /api/standards/assessments/export.xlsx': {
    foreign: () => [{ method: 'GET', url: `/api/standards/assessments/export.xlsx?year=${YEAR}` }],
    own: () => ({ method: 'GET', url: `/api/standards/assessments/export.xlsx?year=${YEAR}` }),
  },
  'POST /api/standards/assessments': {
    foreign: (f) => [{ method: 'POST', url: '/api/standards/assessments', body: { orgId: f.foreignOrg, year: YEAR - 1, series: 'liuyou' } }],
    // Starting one for a union that has one already returns it unchanged: start one for a union without.
    own: (f) => ({ method: 'POST', url: '/api/standards/assessments', body: { orgId: f.ownEmptyOrg, year: YEAR, series: 'liuyou' } }),
  },
  'GET /api/standards/assessments/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/standards/assessments/${f.foreignAssessment}` }],
    own: (f) => ({ method: 'GET', url: `/api/standards/assessments/${f.ownAssessment}` }),
  },
  'PUT /api/standards/assessments/:id/self': {
    foreign: (f) => [{ method: 'PUT', url: `/api/standards/assessments/${f.foreignAssessment}/self`, body: { scores: [] } }],
    own: (f) => ({ method: 'PUT', url: `/api/standards/assessments/${f.ownAssessment}/self`, body: { scores: f.ownItems.map((itemId) => ({ itemId, score: 0 })) } }),
  },
  'POST /api/standards/assessments/:id/items/:itemId/evidence': {
    foreign: (f) => [evidence(f.foreignAssessment, f.ownItem)],
    own: (f) => evidence(f.ownAssessment, f.ownItem),
  },
  'GET /api/standards/evidence/:id/file': {
    foreign: (f) => [{ method: 'GET', url: `/api/standards/evidence/${f.foreignEvidence}/file` }],
    own: (f) => ({ method: 'GET', url: `/api/standards/evidence/${f.ownEvidence2}/file` }),
  },
  'DELETE /api/standards/evidence/:id': {
    foreign: (f) => [{ method: 'DELETE', url: `/api/standards/evidence/${f.foreignEvidence}` }],
    own: (f) => ({ method: 'DELETE', url: `/api/standards/evidence/${f.ownEvidence}` }),
  },
  'POST /api/standards/assessments/:id/submit': {
    foreign: (f) => [{ method: 'POST', url: `/api/standards/assessments/${f.foreignAssessment}/submit` }],
    own: (f) => ({ method: 'POST', url: `/api/standards/assessments/${f.ownAssessment}/submit` }),
  },
  'POST /api/standards/assessments/:id/review': {
    foreign: (f) => [{ method: 'POST', url: `/api/standards/assessments/${f.foreignAssessment}/review`, body: { decision: 'return', opinion: '越权退回' } }],
    // jinxiu filled ownAssessment in, so it may not review it (STANDARD.FILLER_REVIEW): review one the district filled.
    own: (f) => ({ method: 'POST', url: `/api/standards/assessments/${f.ownSubmitted}/review`, body: { decision: 'return', opinion: '矩阵退回' } }),
  },
  'GET /api/standards/honours': {
    foreign: () => [{ method: 'GET', url: '/api/standards/honours?pageSize=200' }, { method: 'GET', url: `/api/standards/honours?q=${encodeURIComponent(MARKER)}` }],
    own: () => ({ method: 'GET', url: '/api/standards/honours' }),
  },
  'GET /api/standards/honours/export.xlsx': {
    foreign: () => [{ method: 'GET', url: '/api/standards/honours/export.xlsx' }],
    own: () => ({ method: 'GET', url: '/api/standards/honours/export.xlsx' }),
  },
  'POST /api/standards/honours': {
    foreign: (f) => [{ method: 'POST', url: '/api/standards/honours', body: { orgId: f.foreignOrg, title: '越权荣誉', level: 'district', year: YEAR, awardingBody: '云溪区总工会' } }],
    own: (f) => ({ method: 'POST', url: '/api/standards/honours', body: { orgId: f.ownOrg, title: '职工小家', level: 'district', year: YEAR, awardingBody: '云溪区总工会' } }),
  },
  'POST /api/standards/honours/:id/revoke': {
    foreign: (f) => [{ method: 'POST', url: `/api/standards/honours/${f.foreignHonour}/revoke`, body: { revokedOn: `${YEAR}-01-02`, reason: '越权撤销' } }],
    own: (f) => ({ method: 'POST', url: `/api/standards/honours/${f.ownHonour}/revoke`, body: { revokedOn: `${YEAR}-01-02`, reason: '矩阵撤销' } }),
  },
};
