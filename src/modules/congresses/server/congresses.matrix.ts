/** congresses: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { BLANK_TEMPLATE, defineMatrixPart, MARKER, ok, send, upload, YEAR, type Fixture } from '@test/matrix/kit';

const on = `${YEAR}-01-05`;
const MY = 'the member’s own side reads their own union’s disclosures and their own proposals only (congress.routes.test.ts: "a delegate submits a proposal on the phone")';
/** A 职工大会 of 50 workers: lawful at any roster, so sessions and elections succeed without a roster. */
const congress = (orgId: number) => ({ orgId, form: 'assembly', establishedOn: `${YEAR}-01-02`, termNo: 1, termStartsOn: `${YEAR}-01-02`, termYears: 3, staff: 50, womenStaff: 20, stateOwned: false });
const delegate = { name: '矩阵代表', sex: 'male', category: 'frontline', electedOn: on };
const session = { kind: 'plenary', sessionNo: 1, heldOn: on, present: 40, agenda: '审议行政工作报告', votes: [] };
const director = { role: 'supervisor', name: '矩阵监事', board: '矩阵公司监事会', electedOn: on, votesFor: 30, termEndsOn: `${YEAR + 3}-01-04` };
const report = { action: 'report', on, year: YEAR, rating: 'good' };
const proposal = (congressId: number, title: string) => ({ congressId, title, content: '建议改善车间通风条件。', proposer: '矩阵代表', submittedOn: on });
const disclosure = (orgId: number, matter: string) => ({ orgId, matter, category: 'rights', channel: 'board', disclosedOn: on });
const paper = (base: string) => upload(`${base}/attachments?kind=other&fileName=${encodeURIComponent('材料.pdf')}`);
const list = (url: string) => ({
  foreign: (f: Fixture) => [{ method: 'GET' as const, url: `${url}?underId=${f.foreignParent}` }, { method: 'GET' as const, url: `${url}?pageSize=200&status=all` }],
  own: (f: Fixture) => ({ method: 'GET' as const, url: `${url}?underId=${f.ownParent}` }),
});
const attachments = (base: (id: number) => string, foreignId: string, ownId: string, foreignPaper: string, ownPaper: string) => ({
  'GET :a': { foreign: (f: Fixture) => [{ method: 'GET' as const, url: `${base(f[foreignId])}/attachments` }], own: (f: Fixture) => ({ method: 'GET' as const, url: `${base(f[ownId])}/attachments` }) },
  'POST :a': { foreign: (f: Fixture) => [paper(base(f[foreignId]))], own: (f: Fixture) => paper(base(f[ownId])) },
  'GET :a/:attachmentId': {
    foreign: (f: Fixture) => [{ method: 'GET' as const, url: `${base(f[foreignId])}/attachments/${f[foreignPaper]}` }, { method: 'GET' as const, url: `${base(f[ownId])}/attachments/${f[foreignPaper]}` }],
    own: (f: Fixture) => ({ method: 'GET' as const, url: `${base(f[ownId])}/attachments/${f[ownPaper]}` }),
  },
  'DELETE :a/:attachmentId': {
    foreign: (f: Fixture) => [{ method: 'DELETE' as const, url: `${base(f[foreignId])}/attachments/${f[foreignPaper]}` }, { method: 'DELETE' as const, url: `${base(f[ownId])}/attachments/${f[foreignPaper]}` }],
    own: (f: Fixture) => ({ method: 'DELETE' as const, url: `${base(f[ownId])}/attachments/${f[ownPaper]}` }),
  },
});
/** The attachment rows of a ledger, keyed by route. */
const attachmentRows = (route: string, rows: ReturnType<typeof attachments>) => ({
  [`GET ${route}/attachments`]: rows['GET :a'],
  [`POST ${route}/attachments`]: rows['POST :a'],
  [`GET ${route}/attachments/:attachmentId`]: rows['GET :a/:attachmentId'],
  [`DELETE ${route}/attachments/:attachmentId`]: rows['DELETE :a/:attachmentId'],
});

export const matrix = defineMatrixPart({
  module: 'congresses',
  rows: {
    'GET /api/congresses': list('/api/congresses'),
    'GET /api/congresses/export.xlsx': list('/api/congresses/export.xlsx'),
    'GET /api/congresses/:id': { foreign: (f) => [{ method: 'GET', url: `/api/congresses/${f.foreignCongress}` }], own: (f) => ({ method: 'GET', url: `/api/congresses/${f.ownCongress}` }) },
    'POST /api/congresses': { foreign: (f) => [{ method: 'POST', url: '/api/congresses', body: congress(f.foreignOrg) }], own: (f) => ({ method: 'POST', url: '/api/congresses', body: congress(f.ownSibling) }) },
    'PATCH /api/congresses/:id': { foreign: (f) => [{ method: 'PATCH', url: `/api/congresses/${f.foreignCongress}`, body: { staff: 60 } }], own: (f) => ({ method: 'PATCH', url: `/api/congresses/${f.ownCongress}`, body: { staff: 55 } }) },
    'POST /api/congresses/:id/delegates': { foreign: (f) => [{ method: 'POST', url: `/api/congresses/${f.foreignCongress}/delegates`, body: delegate }], own: (f) => ({ method: 'POST', url: `/api/congresses/${f.ownCongress}/delegates`, body: { ...delegate, name: `矩阵新代表${f.tag}` } }) },
    'POST /api/congresses/:id/delegates/:delegateId/leave': {
      foreign: (f) => [{ method: 'POST', url: `/api/congresses/${f.foreignCongress}/delegates/${f.foreignDelegate}/leave`, body: { leftOn: on } }, { method: 'POST', url: `/api/congresses/${f.ownCongress}/delegates/${f.foreignDelegate}/leave`, body: { leftOn: on } }],
      own: (f) => ({ method: 'POST', url: `/api/congresses/${f.ownCongress}/delegates/${f.ownDelegate}/leave`, body: { leftOn: on } }),
    },
    'POST /api/congresses/:id/sessions': { foreign: (f) => [{ method: 'POST', url: `/api/congresses/${f.foreignCongress}/sessions`, body: session }], own: (f) => ({ method: 'POST', url: `/api/congresses/${f.ownCongress}/sessions`, body: session }) },
    'POST /api/congresses/:id/directors': { foreign: (f) => [{ method: 'POST', url: `/api/congresses/${f.foreignCongress}/directors`, body: director }], own: (f) => ({ method: 'POST', url: `/api/congresses/${f.ownCongress}/directors`, body: director }) },
    'POST /api/congresses/:id/directors/:directorId': {
      foreign: (f) => [{ method: 'POST', url: `/api/congresses/${f.foreignCongress}/directors/${f.foreignDirector}`, body: report }, { method: 'POST', url: `/api/congresses/${f.ownCongress}/directors/${f.foreignDirector}`, body: report }],
      own: (f) => ({ method: 'POST', url: `/api/congresses/${f.ownCongress}/directors/${f.ownDirector}`, body: report }),
    },
    ...attachmentRows('/api/congresses/:id', attachments((id) => `/api/congresses/${id}`, 'foreignCongress', 'ownCongress', 'foreignCongressPaper', 'ownCongressPaper')),
    'GET /api/congresses/proposals': list('/api/congresses/proposals'),
    'GET /api/congresses/proposals/export.xlsx': list('/api/congresses/proposals/export.xlsx'),
    'GET /api/congresses/proposals/:id': { foreign: (f) => [{ method: 'GET', url: `/api/congresses/proposals/${f.foreignProposal}` }], own: (f) => ({ method: 'GET', url: `/api/congresses/proposals/${f.ownProposal}` }) },
    'POST /api/congresses/proposals': { foreign: (f) => [{ method: 'POST', url: '/api/congresses/proposals', body: proposal(f.foreignCongress, '越权登记提案') }], own: (f) => ({ method: 'POST', url: '/api/congresses/proposals', body: proposal(f.ownCongress, `矩阵提案${f.tag}`) }) },
    'POST /api/congresses/proposals/:id/steps': {
      foreign: (f) => [{ method: 'POST', url: `/api/congresses/proposals/${f.foreignProposal}/steps`, body: { action: 'accept', on, department: '行政部' } }],
      own: (f) => ({ method: 'POST', url: `/api/congresses/proposals/${f.ownProposal}/steps`, body: { action: 'accept', on, department: '行政部' } }),
    },
    'GET /api/congresses/disclosures': list('/api/congresses/disclosures'),
    'GET /api/congresses/disclosures/export.xlsx': list('/api/congresses/disclosures/export.xlsx'),
    'GET /api/congresses/disclosures/:id': { foreign: (f) => [{ method: 'GET', url: `/api/congresses/disclosures/${f.foreignDisclosure}` }], own: (f) => ({ method: 'GET', url: `/api/congresses/disclosures/${f.ownDisclosure}` }) },
    'POST /api/congresses/disclosures': { foreign: (f) => [{ method: 'POST', url: '/api/congresses/disclosures', body: disclosure(f.foreignOrg, '越权登记厂务公开') }], own: (f) => ({ method: 'POST', url: '/api/congresses/disclosures', body: disclosure(f.ownOrg, `矩阵厂务公开${f.tag}`) }) },
    'PATCH /api/congresses/disclosures/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/congresses/disclosures/${f.foreignDisclosure}`, body: { feedback: '越权' } }],
      own: (f) => ({ method: 'PATCH', url: `/api/congresses/disclosures/${f.ownDisclosure}`, body: { feedback: '收到意见 1 条' } }),
    },
    ...attachmentRows('/api/congresses/disclosures/:id', attachments((id) => `/api/congresses/disclosures/${id}`, 'foreignDisclosure', 'ownDisclosure', 'foreignDisclosurePaper', 'ownDisclosurePaper')),
  },
  exempt: {
    'GET /api/congresses/rules': 'the district’s one standard for a congress’s make-up: no record of any subtree',
    'PUT /api/congresses/rules': 'a district-wide setting held by congress.rules (district administrators only; congress.routes.test.ts: "the district sets stricter rules")',
    'GET /api/imports/congress-delegates/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/congress-delegates': 'a row naming a union outside the importer’s scope is refused row by row, and the whole file is then rejected (congress.routes.test.ts: "imports a delegate roster")',
    'GET /api/imports/disclosures/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/disclosures': 'a row naming a union outside the importer’s scope is refused row by row, and the whole file is then rejected (congress.routes.test.ts: "an import with a wrong row")',
    'GET /api/me/congress': MY,
    'POST /api/me/congress/proposals': MY,
    'POST /api/me/congress/proposals/:id/rate': MY,
  },
  exemptWrites: {
    'PUT /api/congresses/rules': {
      role: 'district_admin',
      req: () => ({ method: 'PUT', url: '/api/congresses/rules', body: { assemblyBelow: 100, bands: [{ from: 100, min: 30 }, { from: 1000, min: 100 }, { from: 10000, min: 150 }], frontlineMin: 50, managersMax: 20, womenTolerance: 5, effectiveFrom: `${YEAR + 1}-01-01` } }),
    },
  },
  exemptWritesUnsent: {
    'POST /api/imports/congress-delegates': 'an import writes its audit row when its rows commit, on the worker’s schedule (congress.routes.test.ts)',
    'POST /api/imports/disclosures': 'an import writes its audit row when its rows commit, on the worker’s schedule (congress.routes.test.ts)',
    'POST /api/me/congress/proposals': 'only a delegate on a roster may submit; the matrix’s member is none (congress.routes.test.ts submits and audits as a delegate)',
    'POST /api/me/congress/proposals/:id/rate': 'only the proposer rates the reply to their own proposal (congress.routes.test.ts)',
  },
  async foreign({ songling }, f) {
    const c = await ok(songling.post('/api/congresses', { ...congress(f.foreignOrg), note: MARKER }));
    const withDelegate = await ok(songling.post(`/api/congresses/${c.id}/delegates`, delegate));
    const withDirector = await ok(songling.post(`/api/congresses/${c.id}/directors`, director));
    const p = await ok(songling.post('/api/congresses/proposals', proposal(c.id, `${MARKER}提案`)));
    const d = await ok(songling.post('/api/congresses/disclosures', disclosure(f.foreignOrg, `${MARKER}厂务公开`)));
    const cp = await ok(send(songling, paper(`/api/congresses/${c.id}`)));
    const dp = await ok(send(songling, paper(`/api/congresses/disclosures/${d.id}`)));
    return { foreignCongress: c.id, foreignDelegate: withDelegate.delegateList[0].id, foreignDirector: withDirector.directorList[0].id, foreignProposal: p.id, foreignDisclosure: d.id, foreignCongressPaper: cp.items[0].id, foreignDisclosurePaper: dp.items[0].id };
  },
  async own({ jinxiu }, f) {
    const c = await ok(jinxiu.post('/api/congresses', congress(f.ownOrg)));
    const withDelegate = await ok(jinxiu.post(`/api/congresses/${c.id}/delegates`, delegate));
    const withDirector = await ok(jinxiu.post(`/api/congresses/${c.id}/directors`, director));
    const p = await ok(jinxiu.post('/api/congresses/proposals', proposal(c.id, '矩阵提案')));
    const d = await ok(jinxiu.post('/api/congresses/disclosures', disclosure(f.ownOrg, '矩阵厂务公开')));
    const cp = await ok(send(jinxiu, paper(`/api/congresses/${c.id}`)));
    const dp = await ok(send(jinxiu, paper(`/api/congresses/disclosures/${d.id}`)));
    return { ownCongress: c.id, ownDelegate: withDelegate.delegateList[0].id, ownDirector: withDirector.directorList[0].id, ownProposal: p.id, ownDisclosure: d.id, ownCongressPaper: cp.items[0].id, ownDisclosurePaper: dp.items[0].id };
  },
});
