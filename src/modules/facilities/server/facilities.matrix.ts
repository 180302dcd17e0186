/** facilities: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { BLANK_TEMPLATE, defineMatrixPart, MARKER, NO_RECORD, ok, send, upload, YEAR } from '@test/matrix/kit';

const paper = (fid: number) => upload(`/api/facilities/${fid}/attachments?kind=photo&fileName=${encodeURIComponent('阵地照片.pdf')}`);

const station = (orgId: number, name: string, standardId: number, address = '锦绣路 1 号') => ({ orgId, kind: 'rest_station', name, standardId, declaredOn: `${YEAR}-01-05`, buildMode: 'joint', address, lat: 32.05, lng: 118.78 });
const accept = { action: 'accept', on: `${YEAR}-01-06`, itemsPresent: ['room', 'seats', 'microwave', 'water', 'climate', 'fridge', 'firstaid'] };

export const matrix = defineMatrixPart({
  module: 'facilities',
  rows: {
    'GET /api/facilities': {
      foreign: (f) => [{ method: 'GET', url: `/api/facilities?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/facilities?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/facilities?underId=${f.ownParent}` }),
    },
    'GET /api/facilities/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/facilities/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/facilities/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/facilities/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/facilities/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/facilities/${f.foreignFacility}` }],
      own: (f) => ({ method: 'GET', url: `/api/facilities/${f.ownFacility}` }),
    },
    'POST /api/facilities': {
      foreign: (f) => [{ method: 'POST', url: '/api/facilities', body: station(f.foreignOrg, '越权申报驿站', f.stationStandard) }],
      own: (f) => ({ method: 'POST', url: '/api/facilities', body: station(f.ownOrg, `矩阵申报驿站${f.tag}`, f.stationStandard) }),
    },
    'PATCH /api/facilities/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/facilities/${f.foreignFacility}`, body: { openingHours: '全天' } }],
      own: (f) => ({ method: 'PATCH', url: `/api/facilities/${f.ownFacility}`, body: { openingHours: '08:00-20:00' } }),
    },
    'POST /api/facilities/:id/steps': {
      foreign: (f) => [{ method: 'POST', url: `/api/facilities/${f.foreignFacility}/steps`, body: accept }],
      own: (f) => ({ method: 'POST', url: `/api/facilities/${f.ownFacility}/steps`, body: accept }),
    },
    // Papers, in this order: the own paper is downloaded before it is deleted.
    'GET /api/facilities/:id/attachments': {
      foreign: (f) => [{ method: 'GET', url: `/api/facilities/${f.foreignFacility}/attachments` }],
      own: (f) => ({ method: 'GET', url: `/api/facilities/${f.ownFacility}/attachments` }),
    },
    'POST /api/facilities/:id/attachments': {
      foreign: (f) => [paper(f.foreignFacility)],
      own: (f) => paper(f.ownFacility),
    },
    'GET /api/facilities/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'GET', url: `/api/facilities/${f.foreignFacility}/attachments/${f.foreignPaper}` },
        { method: 'GET', url: `/api/facilities/${f.ownFacility}/attachments/${f.foreignPaper}` },
      ],
      own: (f) => ({ method: 'GET', url: `/api/facilities/${f.ownFacility}/attachments/${f.ownPaper}` }),
    },
    'DELETE /api/facilities/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'DELETE', url: `/api/facilities/${f.foreignFacility}/attachments/${f.foreignPaper}` },
        { method: 'DELETE', url: `/api/facilities/${f.ownFacility}/attachments/${f.foreignPaper}` },
      ],
      own: (f) => ({ method: 'DELETE', url: `/api/facilities/${f.ownFacility}/attachments/${f.ownPaper}` }),
    },
    'PUT /api/facilities/:id/usage': {
      foreign: (f) => [{ method: 'PUT', url: `/api/facilities/${f.foreignFacility}/usage`, body: { on: `${YEAR}-01-01`, count: 9 } }],
      own: (f) => ({ method: 'PUT', url: `/api/facilities/${f.ownFacility}/usage`, body: { on: `${YEAR}-01-01`, count: 120 } }),
    },
  },
  exempt: {
    'GET /api/facilities/standards': 'the district’s construction standards, the same for every union: no record of anyone else',
    'POST /api/facilities/standards': 'district administrators only (facilities.standards); a standard is district-wide configuration, not a record of a union',
    'GET /api/imports/facilities/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/facilities': 'a row naming a union outside the importer’s scope is refused row by row, and the whole file is then rejected (facility.routes.test.ts: "imports")',
    'GET /api/public/facilities/nearby': `${NO_RECORD}: open rest stations and nursing rooms of the whole district, without manager or phone (facility.routes.test.ts)`,
  },
  exemptWritesUnsent: {
    'POST /api/imports/facilities': 'an import writes its audit row when its rows commit, on the worker’s schedule (facility.routes.test.ts)',
  },
  exemptWrites: {
    'POST /api/facilities/standards': {
      role: 'district_admin',
      req: () => ({ method: 'POST', url: '/api/facilities/standards', body: { kind: 'workers_home', name: '矩阵审计标准', effectiveFrom: `${YEAR}-01-01`, items: [{ code: 'space', title: '有固定活动场所', required: true }] } }),
    },
  },
  async foreign({ songling, admin }, f) {
    const standards = await ok(admin.get('/api/facilities/standards'));
    const stationStandard = standards.find((s: { kind: string; name: string }) => s.kind === 'rest_station' && s.name === '七个一').id as number;
    const foreignFacility = (await ok(songling.post('/api/facilities', station(f.foreignOrg, `${MARKER}驿站`, stationStandard, MARKER)))).id as number;
    const papers = await ok(send(songling, paper(foreignFacility)));
    return { stationStandard, foreignFacility, foreignPaper: papers.items[0].id };
  },
  async own({ jinxiu, tag }, f) {
    const ownFacility = (await ok(jinxiu.post('/api/facilities', station(f.ownOrg, `矩阵驿站${tag}`, f.stationStandard)))).id as number;
    const papers = await ok(send(jinxiu, paper(ownFacility)));
    return { ownFacility, ownPaper: papers.items[0].id };
  },
});
