/** employers: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { fakeUscc } from '@test/fixtures/people';
import { BLANK_TEMPLATE, defineMatrixPart, MARKER, ok } from '@test/matrix/kit';

export const matrix = defineMatrixPart({
  module: 'employers',
  rows: {
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
  },
  exempt: {
    'GET /api/imports/employers/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/employers': 'a row naming a union or street outside the importer’s scope is refused row by row, and the whole file is then rejected (employer.routes.test.ts: "rows outside the scope")',
  },
  exemptWritesUnsent: {
    'POST /api/imports/employers': 'an import writes its audit row when its rows commit, on the worker’s schedule (employer.routes.test.ts)',
  },
  async foreign({ songling, songlingStreet }) {
    return { foreignEmployer: (await ok(songling.post('/api/employers', { name: '松岭矩阵单位', uscc: fakeUscc(), orgId: songlingStreet.id, employees: 50, remark: MARKER }))).id };
  },
  async own({ jinxiu, jinxiuStreet, tag }) {
    return { ownEmployer: (await ok(jinxiu.post('/api/employers', { name: `锦绣矩阵单位${tag}`, uscc: fakeUscc(), orgId: jinxiuStreet.id, employees: 50 }))).id };
  },
});
