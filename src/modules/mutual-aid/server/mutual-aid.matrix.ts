/** mutual-aid: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { type TestClient } from '@test/app';
import { BLANK_TEMPLATE, defineMatrixPart, ok, OWN_SCOPE_COUNTS, send, upload, YEAR } from '@test/matrix/kit';


const MUTUAL_AID_DISTRICT = 'mutual-aid plans, their targets and the decisions on claims belong to the district (mutualaid.manage), whose roles administer the whole tree (mutual-aid.routes.test.ts: "lets only the district set up a plan", "the union cannot decide")';
const claimFile = (claimId: number) => upload(`/api/mutual-aid/claims/${claimId}/files?kind=diagnosis&fileName=${encodeURIComponent('诊断证明.pdf')}`);
const enrol = async (c: TestClient, plan: number, memberId: number) => (await c.post(`/api/mutual-aid/plans/${plan}/enrolments`, { memberId, shares: 1, paidOn: `${YEAR}-01-02` })).body.id as number;
const claim = async (c: TestClient, enrolmentId: number) =>
  (await c.post('/api/mutual-aid/claims', { enrolmentId, diagnosis: '肺炎', hospital: '区人民医院', admittedOn: `${YEAR}-01-04`, claimedFen: 50_000 })).body.id as number;

export const matrix = defineMatrixPart({
  module: 'mutual-aid',
  rows: {
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
  },
  exempt: {
    'GET /api/mutual-aid/due': OWN_SCOPE_COUNTS,
    'POST /api/mutual-aid/plans': MUTUAL_AID_DISTRICT,
    'POST /api/mutual-aid/plans/:id/close': MUTUAL_AID_DISTRICT,
    'PUT /api/mutual-aid/plans/:id/quotas': MUTUAL_AID_DISTRICT,
    'POST /api/mutual-aid/claims/:id/decision': MUTUAL_AID_DISTRICT,
    'GET /api/me/mutual-aid': 'the member’s own enrolments and claims',
    'GET /api/imports/mutual-aid-enrolments/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/mutual-aid-enrolments': 'an enrolment upload refuses, row by row, members outside the importer’s scope (mutual-aid.routes.test.ts: "imports an enrolment list")',
  },
  exemptWrites: {
    'POST /api/mutual-aid/plans': {
      role: 'district_admin',
      req: () => ({ method: 'POST', url: '/api/mutual-aid/plans', body: { year: YEAR, name: '矩阵审计计划', product: 'inpatient', premiumFen: 3000, maxShares: 1, benefitPerShareFen: 100_000, coverStart: `${YEAR}-01-01`, coverEnd: `${YEAR}-12-31`, enrolUntil: `${YEAR}-12-31` } }),
      keep: (b, st) => (st.plan = b.id),
    },
    'PUT /api/mutual-aid/plans/:id/quotas': { role: 'district_admin', req: (f, st) => ({ method: 'PUT', url: `/api/mutual-aid/plans/${st.plan}/quotas`, body: { quotas: [{ orgId: f.ownParent, persons: 4 }] } }) },
    'POST /api/mutual-aid/plans/:id/close': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/mutual-aid/plans/${st.plan}/close` }) },
    'POST /api/mutual-aid/claims/:id/decision': { role: 'district_staff', req: (f) => ({ method: 'POST', url: `/api/mutual-aid/claims/${f.ownClaim}/decision`, body: { action: 'reject', opinion: '矩阵驳回' } }) },
  },
  exemptWritesUnsent: {
    'POST /api/imports/mutual-aid-enrolments': 'an import writes its audit row when its rows commit, on the worker’s schedule (mutual-aid.routes.test.ts)',
  },
  // The district's plan, shared by every fixture.
  async foreign({ admin, songling }, f) {
    const plan = (await ok(admin.post('/api/mutual-aid/plans', { year: YEAR, name: '矩阵互助计划', product: 'inpatient', premiumFen: 3000, maxShares: 1, benefitPerShareFen: 100_000, coverStart: `${YEAR}-01-01`, coverEnd: `${YEAR}-12-31`, enrolUntil: `${YEAR}-12-31` }))).id as number;
    const foreignEnrolment = await enrol(songling, plan, f.foreignMember);
    const foreignClaim = await claim(songling, foreignEnrolment);
    return { plan, foreignEnrolment, foreignClaim, foreignClaimFile: (await send(songling, claimFile(foreignClaim))).body.id };
  },
  async own({ jinxiu }, f) {
    const ownEnrolment = await enrol(jinxiu, f.plan, f.ownMember);
    const ownClaim = await claim(jinxiu, ownEnrolment);
    return { ownEnrolment, ownClaim, ownEnrolment2: await enrol(jinxiu, f.plan, f.ownMember2), ownClaimFile: (await send(jinxiu, claimFile(ownClaim))).body.id };
  },
});
