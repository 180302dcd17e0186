/** standards: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { type TestClient } from '@test/app';
import { defineMatrixPart, MARKER, ok, OWN_SCOPE_COUNTS, send, upload, YEAR, type Req } from '@test/matrix/kit';

const CHECKLISTS = 'standardisation standards are district-wide, not a subtree’s record: readable by every administrator, maintained by the district only (standard.routes.test.ts: "only the district maintains standards")';
const CHECKLIST = { name: '矩阵标准', effectiveFrom: `${YEAR}-01-01`, gradeBands: [{ label: '合格', minScore: 1 }], items: [{ title: '矩阵项', maxScore: 1 }] };
const evidence = (assessment: number, item: number): Req => upload(`/api/standards/assessments/${assessment}/items/${item}/evidence?fileName=${encodeURIComponent('佐证.pdf')}`);
async function startWithEvidence(c: TestClient, orgId: number) {
  const a = await ok(c.post('/api/standards/assessments', { orgId, year: YEAR, series: 'liuyou' }));
  const item = a.items[0].id as number;
  const up = async () => (await send(c, evidence(a.id, item))).body.id as number;
  return { id: a.id as number, item, items: a.items.map((i: { id: number }) => i.id) as number[], ev: await up(), ev2: await up() };
}
const honour = async (c: TestClient, orgId: number, remark: string) =>
  (await ok(c.post('/api/standards/honours', { orgId, title: '模范职工之家', level: 'city', year: YEAR, awardingBody: '市总工会', remark }))).id as number;

export const matrix = defineMatrixPart({
  module: 'standards',
  rows: {
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
      own: (f) => ({ method: 'PUT', url: `/api/standards/assessments/${f.ownAssessment}/self`, body: { scores: f.ownItems.map((itemId: number) => ({ itemId, score: 0 })) } }),
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
  },
  exempt: {
    'GET /api/standards/summary': OWN_SCOPE_COUNTS,
    'GET /api/standards/checklists': CHECKLISTS,
    'GET /api/standards/checklists/:id': CHECKLISTS,
    'POST /api/standards/checklists': CHECKLISTS,
    'PUT /api/standards/checklists/:id': CHECKLISTS,
    'POST /api/standards/checklists/:id/versions': CHECKLISTS,
    'POST /api/standards/checklists/:id/publish': CHECKLISTS,
    'DELETE /api/standards/checklists/:id': CHECKLISTS,
  },
  exemptWrites: {
    'POST /api/standards/checklists': { role: 'district_admin', req: () => ({ method: 'POST', url: '/api/standards/checklists', body: CHECKLIST }), keep: (b, st) => (st.checklist = b.id) },
    'PUT /api/standards/checklists/:id': { role: 'district_admin', req: (_, st) => ({ method: 'PUT', url: `/api/standards/checklists/${st.checklist}`, body: { ...CHECKLIST, name: '矩阵标准（改）' } }) },
    'POST /api/standards/checklists/:id/publish': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/standards/checklists/${st.checklist}/publish` }) },
    'POST /api/standards/checklists/:id/versions': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/standards/checklists/${st.checklist}/versions` }), keep: (b, st) => (st.draft = b.id) },
    'DELETE /api/standards/checklists/:id': { role: 'district_admin', req: (_, st) => ({ method: 'DELETE', url: `/api/standards/checklists/${st.draft}` }) },
  },
  async foreign({ songling, foreign }) {
    const fa = await startWithEvidence(songling, foreign.id);
    return { foreignAssessment: fa.id, foreignEvidence: fa.ev, foreignHonour: await honour(songling, foreign.id, MARKER) };
  },
  async own({ jinxiu, filler }, f) {
    const oa = await startWithEvidence(jinxiu, f.ownOrg);
    // One the filler filled in and submitted, for the role to review.
    const sa = await ok(filler.post('/api/standards/assessments', { orgId: f.ownSibling, year: YEAR, series: 'liuyou' }));
    await ok(filler.request('PUT', `/api/standards/assessments/${sa.id}/self`, { scores: sa.items.map((i: { id: number }) => ({ itemId: i.id, score: 0 })) }));
    if ((await ok(filler.post(`/api/standards/assessments/${sa.id}/submit`))).status !== 'submitted') throw new Error('assessment not submitted');
    return { ownAssessment: oa.id, ownItem: oa.item, ownItems: oa.items, ownEvidence: oa.ev, ownEvidence2: oa.ev2, ownSubmitted: sa.id, ownHonour: await honour(jinxiu, f.ownOrg, '矩阵') };
  },
});
