/** employment: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { fakeIdNumber, fakeUscc } from '@test/fixtures/people';
import { BLANK_TEMPLATE, defineMatrixPart, MARKER, ok } from '@test/matrix/kit';

const fair = (orgId: number, name: string) => ({ orgId, name, heldOn: '2025-03-08', mode: 'onsite' });
const firm = () => ({ employerName: '矩阵参会单位', employerUscc: fakeUscc(), posts: 1, headcount: 2 });
const seeker = (orgId: number, name: string) => ({ orgId, personName: name, idNumber: fakeIdNumber('19990909'), category: 'graduate', service: 'referral', servedOn: '2025-03-01', outcome: 'following' });
const today = new Date().toISOString().slice(0, 10); // UTC: never after China's date
const inMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const interest = { name: '求职者', phone: '13800138000', consent: true };
const post = (orgId: number, name: string) => ({ orgId, employerName: name, employerUscc: fakeUscc(), post: '仓储管理员', workKind: 'full_time', headcount: 3, recordedOn: '2025-03-01', validUntil: '2025-06-30', source: 'survey' });

export const matrix = defineMatrixPart({
  module: 'employment',
  rows: {
    'GET /api/employment/hiring': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/hiring?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employment/hiring?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/employment/hiring?underId=${f.ownParent}` }),
    },
    'GET /api/employment/hiring/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/hiring/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employment/hiring/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/employment/hiring/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/employment/hiring/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/hiring/${f.foreignHiring}` }],
      own: (f) => ({ method: 'GET', url: `/api/employment/hiring/${f.ownHiring}` }),
    },
    'POST /api/employment/hiring': {
      foreign: (f) => [{ method: 'POST', url: '/api/employment/hiring', body: post(f.foreignOrg, '越权录入单位') }],
      own: (f) => ({ method: 'POST', url: '/api/employment/hiring', body: post(f.ownOrg, `矩阵录入单位${f.tag}`) }),
    },
    'PATCH /api/employment/hiring/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/employment/hiring/${f.foreignHiring}`, body: { headcount: 1 } }],
      own: (f) => ({ method: 'PATCH', url: `/api/employment/hiring/${f.ownHiring}`, body: { headcount: 5 } }),
    },
    'POST /api/employment/hiring/:id/fill': {
      foreign: (f) => [{ method: 'POST', url: `/api/employment/hiring/${f.foreignHiring}/fill` }],
      own: (f) => ({ method: 'POST', url: `/api/employment/hiring/${f.ownHiring}/fill` }),
    },
    'POST /api/employment/hiring/:id/interests/:interestId/reveal': {
      foreign: (f) => [
        { method: 'POST', url: `/api/employment/hiring/${f.foreignOpenPost}/interests/${f.foreignInterest}/reveal` },
        { method: 'POST', url: `/api/employment/hiring/${f.ownOpenPost}/interests/${f.foreignInterest}/reveal` },
      ],
      own: (f) => ({ method: 'POST', url: `/api/employment/hiring/${f.ownOpenPost}/interests/${f.ownInterest}/reveal` }),
    },
    'GET /api/employment/fairs': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/fairs?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employment/fairs?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/employment/fairs?underId=${f.ownParent}` }),
    },
    'GET /api/employment/fairs/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/fairs/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employment/fairs/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/employment/fairs/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/employment/fairs/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/fairs/${f.foreignFair}` }],
      own: (f) => ({ method: 'GET', url: `/api/employment/fairs/${f.ownFair}` }),
    },
    'POST /api/employment/fairs': {
      foreign: (f) => [{ method: 'POST', url: '/api/employment/fairs', body: fair(f.foreignOrg, '越权登记招聘会') }],
      own: (f) => ({ method: 'POST', url: '/api/employment/fairs', body: fair(f.ownOrg, `矩阵登记招聘会${f.tag}`) }),
    },
    'PATCH /api/employment/fairs/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/employment/fairs/${f.foreignFair}`, body: { visitors: 1 } }],
      own: (f) => ({ method: 'PATCH', url: `/api/employment/fairs/${f.ownFair}`, body: { visitors: 100 } }),
    },
    'POST /api/employment/fairs/:id/enterprises': {
      foreign: (f) => [{ method: 'POST', url: `/api/employment/fairs/${f.foreignFair}/enterprises`, body: firm() }],
      own: (f) => ({ method: 'POST', url: `/api/employment/fairs/${f.ownFair}/enterprises`, body: firm() }),
    },
    'DELETE /api/employment/fairs/:id/enterprises/:enterpriseId': {
      foreign: (f) => [
        { method: 'DELETE', url: `/api/employment/fairs/${f.foreignFair}/enterprises/${f.foreignParticipant}` },
        { method: 'DELETE', url: `/api/employment/fairs/${f.ownFair}/enterprises/${f.foreignParticipant}` },
      ],
      own: (f) => ({ method: 'DELETE', url: `/api/employment/fairs/${f.ownFair}/enterprises/${f.ownParticipant}` }),
    },
    'GET /api/employment/seekers': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/seekers?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employment/seekers?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/employment/seekers?underId=${f.ownParent}` }),
    },
    'GET /api/employment/seekers/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/seekers/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employment/seekers/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/employment/seekers/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/employment/seekers/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/employment/seekers/${f.foreignSeeker}` }],
      own: (f) => ({ method: 'GET', url: `/api/employment/seekers/${f.ownSeeker}` }),
    },
    'POST /api/employment/seekers': {
      foreign: (f) => [{ method: 'POST', url: '/api/employment/seekers', body: seeker(f.foreignOrg, '越权登记') }],
      own: (f) => ({ method: 'POST', url: '/api/employment/seekers', body: seeker(f.ownOrg, `矩阵登记${f.tag}`) }),
    },
    'PATCH /api/employment/seekers/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/employment/seekers/${f.foreignSeeker}`, body: { outcome: 'employed' } }],
      own: (f) => ({ method: 'PATCH', url: `/api/employment/seekers/${f.ownSeeker}`, body: { outcome: 'employed' } }),
    },
  },
  exempt: {
    'GET /api/public/jobs': 'public page: open posts and upcoming fairs of the whole district, without contact details (fair.routes.test.ts)',
    'POST /api/public/jobs/:id/interest': 'public page: a worker’s own name and phone left for an open post, with consent (hiring.routes.test.ts)',
    'GET /api/imports/employment-hiring/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/employment-hiring': 'a row naming a union outside the importer’s scope is refused row by row, and the whole file is then rejected (hiring.routes.test.ts: "imports from the template")',
  },
  businessRefusals: {
    'POST /api/employment/hiring/:id/interests/:interestId/reveal': {
      code: 'HIRING.NOT_KEEPER',
      reason: 'only the union keeping the post sees a worker’s number (the consent names that union); the positive controls are above it, and hiring.routes.test.ts reveals as the keeper',
    },
  },
  exemptWrites: {
    'POST /api/public/jobs/:id/interest': {
      role: 'anonymous',
      async req(f, _, { admin }) {
        const open = await ok(admin.post('/api/employment/hiring', { ...post(f.ownOrg, '审计用工单位'), recordedOn: today, validUntil: inMonth }));
        return { method: 'POST', url: `/api/public/jobs/${open.id}/interest`, body: { ...interest, phone: '13800138999' } };
      },
    },
  },
  exemptWritesUnsent: {
    'POST /api/imports/employment-hiring': 'an import writes its audit row when its rows commit, on the worker’s schedule (hiring.routes.test.ts)',
  },
  async foreign({ songling, t }, f) {
    const foreignOpenPost = (await ok(songling.post('/api/employment/hiring', { ...post(f.foreignOrg, `${MARKER}招聘单位`), recordedOn: today, validUntil: inMonth }))).id as number;
    await ok(t.client().post(`/api/public/jobs/${foreignOpenPost}/interest`, interest));
    const foreignInterest = (await ok(songling.get(`/api/employment/hiring/${foreignOpenPost}`))).interests[0].id as number;
    const foreignFair = (await ok(songling.post('/api/employment/fairs', fair(f.foreignOrg, `${MARKER}招聘会`)))).id as number;
    const withFirm = await ok(songling.post(`/api/employment/fairs/${foreignFair}/enterprises`, firm()));
    return {
      foreignOpenPost,
      foreignInterest,
      foreignHiring: (await ok(songling.post('/api/employment/hiring', post(f.foreignOrg, `${MARKER}单位`)))).id,
      foreignFair,
      foreignParticipant: withFirm.participants[0].id,
      foreignSeeker: (await ok(songling.post('/api/employment/seekers', seeker(f.foreignOrg, '松岭求职者')))).id,
    };
  },
  async own({ jinxiu, tag, t }, f) {
    const ownOpenPost = (await ok(jinxiu.post('/api/employment/hiring', { ...post(f.ownOrg, `矩阵招聘单位${tag}`), recordedOn: today, validUntil: inMonth }))).id as number;
    await ok(t.client().post(`/api/public/jobs/${ownOpenPost}/interest`, interest));
    const ownInterest = (await ok(jinxiu.get(`/api/employment/hiring/${ownOpenPost}`))).interests[0].id as number;
    const ownFair = (await ok(jinxiu.post('/api/employment/fairs', fair(f.ownOrg, `矩阵招聘会${tag}`)))).id as number;
    const withFirm = await ok(jinxiu.post(`/api/employment/fairs/${ownFair}/enterprises`, firm()));
    return {
      ownOpenPost,
      ownInterest,
      ownHiring: (await ok(jinxiu.post('/api/employment/hiring', post(f.ownOrg, `矩阵单位${tag}`)))).id,
      ownFair,
      ownParticipant: withFirm.participants[0].id,
      ownSeeker: (await ok(jinxiu.post('/api/employment/seekers', seeker(f.ownOrg, `锦绣求职者${tag}`)))).id,
    };
  },
});
