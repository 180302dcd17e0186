/** hardship: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { type TestClient } from '@test/app';
import { defineMatrixPart, MARKER, ok, OWN_SCOPE_COUNTS, PDF, send, upload, YEAR } from '@test/matrix/kit';


const HARDSHIP_SETTINGS = 'hardship parameters are district-wide (the 低保 standard, intervals): readable by administrators, set by the district only (hardship.routes.test.ts)';
const MY_CASES = 'the member’s own applications: each takes only the caller’s own case (hardship.routes.test.ts: "a member cannot act on another member’s case")';
const AID_DISTRICT = 'aid approval and the 金秋助学 rates belong to the district (hardship.file, hardship.config), whose roles administer the whole tree (aid.routes.test.ts: "approved by the district")';
const OWN_UNION = 'created under the caller’s own union: there is no foreign record to aim it at';

/** A household below the demo's 低保 standard (relative or deep hardship). */
const HOUSEHOLD = { householdSize: 3, incomes: [{ kind: 'wage', annualFen: 3_000_000 }], expenses: [], accidentLossFen: 0, members: [] };
const caseFile = (caseId: number) => upload(`/api/hardship/cases/${caseId}/files?kind=authorization&fileName=${encodeURIComponent('授权书.pdf')}`);
async function mkCase(c: TestClient, memberId: number) {
  const r = await ok(c.post('/api/hardship/cases', { memberId, primaryCause: 'illness', assessment: HOUSEHOLD, consent: { covers: ['name', 'union'] } }));
  const up = await send(c, caseFile(r.id));
  return { id: r.id as number, file: up.body.files[0].id as number };
}
const payAid = async (c: TestClient, memberId: number) =>
  (await ok(c.post('/api/aid', { memberId, kind: 'living', form: 'cash', amountFen: 20_000, givenOn: `${YEAR}-01-02`, fundSource: 'union' }))).id as number;
const campaign = async (c: TestClient, name: string) => (await c.post('/api/campaigns', { name, season: 'winter', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-02-01` })).body.id as number;
const screening = async (c: TestClient, name: string) => (await c.post('/api/screenings', { name, deadline: `${YEAR}-12-31` })).body.id as number;

export const matrix = defineMatrixPart({
  module: 'hardship',
  rows: {
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
  },
  exempt: {
    'GET /api/hardship/due': OWN_SCOPE_COUNTS,
    'GET /api/aid/summary': OWN_SCOPE_COUNTS,
    'GET /api/hardship/settings': HARDSHIP_SETTINGS,
    'PUT /api/hardship/settings': HARDSHIP_SETTINGS,
    'POST /api/hardship/thresholds': HARDSHIP_SETTINGS,
    'GET /api/hardship/my': MY_CASES,
    'POST /api/hardship/my/cases': MY_CASES,
    'POST /api/hardship/my/cases/:id/files': MY_CASES,
    'POST /api/hardship/my/cases/:id/consent': MY_CASES,
    'POST /api/hardship/my/cases/:id/withdraw': MY_CASES,
    'POST /api/aid/:id/approve': AID_DISTRICT,
    'GET /api/aid/education-rates': AID_DISTRICT,
    'PUT /api/aid/education-rates': AID_DISTRICT,
    'POST /api/campaigns': OWN_UNION,
    'POST /api/screenings': OWN_UNION,
  },
  exemptWrites: {
    'POST /api/campaigns': { role: 'intermediate_admin', req: () => ({ method: 'POST', url: '/api/campaigns', body: { name: '矩阵审计活动', season: 'winter', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-02-01` } }) },
    'POST /api/screenings': { role: 'intermediate_admin', req: () => ({ method: 'POST', url: '/api/screenings', body: { name: '矩阵审计排查', deadline: `${YEAR}-12-31` } }) },
    'POST /api/hardship/thresholds': { role: 'district_admin', req: () => ({ method: 'POST', url: '/api/hardship/thresholds', body: { place: '外区', year: 2020, minimumLivingFen: 90_000 } }) },
    'PUT /api/hardship/settings': {
      role: 'district_admin',
      req: () => ({ method: 'PUT', url: '/api/hardship/settings', body: { reviewIntervalMonths: 12, exitMonths: 6, watchMonths: 12, watchVisitMonths: 6, exitIncomePercent: 100, relapseIncomePercent: 100, noticeDays: 5, visitDueDays: 15 } }),
    },
    'PUT /api/aid/education-rates': { role: 'district_admin', req: () => ({ method: 'PUT', url: '/api/aid/education-rates', body: { rates: [{ level: 'undergraduate', onFile: true, amountFen: 550_000 }] } }) },
    'POST /api/aid/:id/approve': {
      role: 'district_admin',
      async req(f, _, { clients }) {
        const r = await ok(clients.intermediate_admin!.post('/api/aid', { memberId: f.ownMember, kind: 'living', form: 'cash', amountFen: 10_000, givenOn: `${YEAR}-01-07`, fundSource: 'union' }));
        return { method: 'POST', url: `/api/aid/${r.id}/approve` };
      },
    },
    'POST /api/hardship/my/cases': { role: 'member', req: () => ({ method: 'POST', url: '/api/hardship/my/cases', body: { primaryCause: 'illness', assessment: HOUSEHOLD, statement: '矩阵申请' } }), keep: (b, st) => (st.myCase = b.id) },
    'POST /api/hardship/my/cases/:id/files': {
      role: 'member',
      req: (_, st) => ({ method: 'POST', url: `/api/hardship/my/cases/${st.myCase}/files?kind=application&fileName=${encodeURIComponent('申请书.pdf')}`, body: PDF, headers: { 'content-type': 'application/octet-stream' } }),
    },
    'POST /api/hardship/my/cases/:id/consent': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/hardship/my/cases/${st.myCase}/consent`, body: { covers: ['name'] } }) },
    'POST /api/hardship/my/cases/:id/withdraw': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/hardship/my/cases/${st.myCase}/withdraw` }) },
  },
  async foreign({ songling }, f) {
    const fc = await mkCase(songling, f.foreignMember);
    return {
      foreignCase: fc.id,
      foreignCaseFile: fc.file,
      foreignAid: await payAid(songling, f.foreignMember),
      foreignCampaign: await campaign(songling, `${MARKER}冬送温暖`),
      foreignScreening: await screening(songling, `${MARKER}摸底排查`),
    };
  },
  async own({ admin, jinxiu, tag }, f) {
    const oc = await mkCase(jinxiu, f.ownMember);
    const ownAid = await payAid(jinxiu, f.ownMember);
    await ok(admin.post(`/api/aid/${ownAid}/approve`));
    return {
      ownCase: oc.id,
      ownCaseFile: oc.file,
      ownAid,
      ownAid2: await payAid(jinxiu, f.ownMember),
      ownCampaign: await campaign(jinxiu, `矩阵冬送温暖${tag}`),
      ownCampaign2: await campaign(jinxiu, `矩阵夏送清凉${tag}`),
      ownScreening: await screening(jinxiu, `矩阵摸底排查${tag}`),
      ownScreening2: await screening(jinxiu, `矩阵第二次排查${tag}`),
    };
  },
});
