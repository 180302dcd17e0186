/** activities: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { BLANK_TEMPLATE, createMember, defineMatrixPart, MARKER, ok, send, upload, YEAR } from '@test/matrix/kit';

const activity = (orgId: number, title: string) => ({ orgId, kind: 'volunteer', title, heldOn: `${YEAR}-01-05`, personTimes: 10 });
const paper = (id: number) => upload(`/api/activities/${id}/attachments?kind=photo&fileName=${encodeURIComponent('活动照片.pdf')}`);
const volunteer = (memberId: number) => ({ memberId, role: 'volunteer', hours: 2 });

export const matrix = defineMatrixPart({
  module: 'activities',
  rows: {
    'GET /api/activities': {
      foreign: (f) => [{ method: 'GET', url: `/api/activities?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/activities?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/activities?underId=${f.ownParent}` }),
    },
    'GET /api/activities/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/activities/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/activities/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/activities/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/activities/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/activities/${f.foreignActivity}` }],
      own: (f) => ({ method: 'GET', url: `/api/activities/${f.ownActivity}` }),
    },
    'POST /api/activities': {
      foreign: (f) => [{ method: 'POST', url: '/api/activities', body: activity(f.foreignOrg, '越权登记活动') }],
      own: (f) => ({ method: 'POST', url: '/api/activities', body: activity(f.ownOrg, `矩阵登记活动${f.tag}`) }),
    },
    'PATCH /api/activities/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/activities/${f.foreignActivity}`, body: { personTimes: 11 } }],
      own: (f) => ({ method: 'PATCH', url: `/api/activities/${f.ownActivity}`, body: { personTimes: 12 } }),
    },
    'POST /api/activities/:id/participants': {
      foreign: (f) => [
        { method: 'POST', url: `/api/activities/${f.foreignActivity}/participants`, body: volunteer(f.foreignVolunteer) },
        { method: 'POST', url: `/api/activities/${f.ownActivity}/participants`, body: volunteer(f.foreignVolunteer) },
      ],
      own: (f) => ({ method: 'POST', url: `/api/activities/${f.ownActivity}/participants`, body: volunteer(f.ownVolunteer) }),
    },
    'DELETE /api/activities/:id/participants/:memberId': {
      foreign: (f) => [{ method: 'DELETE', url: `/api/activities/${f.foreignActivity}/participants/${f.foreignNamed}` }],
      own: (f) => ({ method: 'DELETE', url: `/api/activities/${f.ownActivity}/participants/${f.ownVolunteer}` }),
    },
    'GET /api/activities/:id/attachments': {
      foreign: (f) => [{ method: 'GET', url: `/api/activities/${f.foreignActivity}/attachments` }],
      own: (f) => ({ method: 'GET', url: `/api/activities/${f.ownActivity}/attachments` }),
    },
    'POST /api/activities/:id/attachments': {
      foreign: (f) => [paper(f.foreignActivity)],
      own: (f) => paper(f.ownActivity),
    },
    'GET /api/activities/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'GET', url: `/api/activities/${f.foreignActivity}/attachments/${f.foreignActivityPaper}` },
        { method: 'GET', url: `/api/activities/${f.ownActivity}/attachments/${f.foreignActivityPaper}` },
      ],
      own: (f) => ({ method: 'GET', url: `/api/activities/${f.ownActivity}/attachments/${f.ownActivityPaper}` }),
    },
    'DELETE /api/activities/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'DELETE', url: `/api/activities/${f.foreignActivity}/attachments/${f.foreignActivityPaper}` },
        { method: 'DELETE', url: `/api/activities/${f.ownActivity}/attachments/${f.foreignActivityPaper}` },
      ],
      own: (f) => ({ method: 'DELETE', url: `/api/activities/${f.ownActivity}/attachments/${f.ownActivityPaper}` }),
    },
  },
  exempt: {
    'GET /api/imports/activities/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/activities': 'a row naming a union outside the importer’s scope is refused row by row, and the whole file is then rejected (activity.routes.test.ts: "imports")',
  },
  exemptWritesUnsent: {
    'POST /api/imports/activities': 'an import writes its audit row when its rows commit, on the worker’s schedule (activity.routes.test.ts)',
  },
  async foreign({ songling }, f) {
    const foreignActivity = (await ok(songling.post('/api/activities', activity(f.foreignOrg, `${MARKER}活动`)))).id as number;
    const named = (await createMember(songling, f.foreignOrg, '松岭志愿者')).memberId;
    await ok(songling.post(`/api/activities/${foreignActivity}/participants`, volunteer(named)));
    const papers = await ok(send(songling, paper(foreignActivity)));
    return { foreignActivity, foreignNamed: named, foreignVolunteer: (await createMember(songling, f.foreignOrg, '松岭会员')).memberId, foreignActivityPaper: papers.items[0].id };
  },
  async own({ jinxiu, tag }, f) {
    const ownActivity = (await ok(jinxiu.post('/api/activities', activity(f.ownOrg, `矩阵活动${tag}`)))).id as number;
    const papers = await ok(send(jinxiu, paper(ownActivity)));
    return { ownActivity, ownVolunteer: (await createMember(jinxiu, f.ownOrg, '锦绣志愿者')).memberId, ownActivityPaper: papers.items[0].id };
  },
});
