/** legal: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { BLANK_TEMPLATE, defineMatrixPart, MARKER, ok, send, upload, YEAR } from '@test/matrix/kit';

const MY_LEGAL = 'the worker’s own side takes only the caller’s own requests (legal.routes.test.ts: "Another worker’s case is not theirs to withdraw")';
const event = (orgId: number, title: string) => ({ orgId, kind: 'enterprise', title, heldOn: `${YEAR}-01-05`, audience: 50 });
const legalCase = (orgId: number) => ({ orgId, kind: 'consultation', issue: 'wage_arrears', source: 'visit', receivedOn: `${YEAR}-01-05`, workerName: '矩阵职工', employerName: '矩阵用人单位', workersAffected: 1, handledBy: '某律师', facts: '用人单位拖欠工资，请求工会帮助。' });
const note = { action: 'progress', on: `${YEAR}-01-06`, note: '约谈用人单位' };
const eventPaper = (id: number) => upload(`/api/legal/events/${id}/attachments?kind=photo&fileName=${encodeURIComponent('活动照片.pdf')}`);
const casePaper = (id: number) => upload(`/api/legal/cases/${id}/attachments?kind=evidence&fileName=${encodeURIComponent('证据.pdf')}`);
const request = { issue: 'wage_arrears', employerName: '矩阵用人单位', workersAffected: 1, phone: '13800002222', facts: '公司拖欠两个月工资，请求帮助。' };

export const matrix = defineMatrixPart({
  module: 'legal',
  rows: {
    'GET /api/legal/events': {
      foreign: (f) => [{ method: 'GET', url: `/api/legal/events?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/legal/events?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/legal/events?underId=${f.ownParent}` }),
    },
    'GET /api/legal/events/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/legal/events/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/legal/events/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/legal/events/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/legal/events/:id': { foreign: (f) => [{ method: 'GET', url: `/api/legal/events/${f.foreignLegalEvent}` }], own: (f) => ({ method: 'GET', url: `/api/legal/events/${f.ownLegalEvent}` }) },
    'POST /api/legal/events': {
      foreign: (f) => [{ method: 'POST', url: '/api/legal/events', body: event(f.foreignOrg, '越权登记普法活动') }],
      own: (f) => ({ method: 'POST', url: '/api/legal/events', body: event(f.ownOrg, `矩阵普法活动${f.tag}`) }),
    },
    'PATCH /api/legal/events/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/legal/events/${f.foreignLegalEvent}`, body: { audience: 51 } }],
      own: (f) => ({ method: 'PATCH', url: `/api/legal/events/${f.ownLegalEvent}`, body: { audience: 52 } }),
    },
    'GET /api/legal/events/:id/attachments': { foreign: (f) => [{ method: 'GET', url: `/api/legal/events/${f.foreignLegalEvent}/attachments` }], own: (f) => ({ method: 'GET', url: `/api/legal/events/${f.ownLegalEvent}/attachments` }) },
    'POST /api/legal/events/:id/attachments': { foreign: (f) => [eventPaper(f.foreignLegalEvent)], own: (f) => eventPaper(f.ownLegalEvent) },
    'GET /api/legal/events/:id/attachments/:attachmentId': {
      foreign: (f) => [{ method: 'GET', url: `/api/legal/events/${f.foreignLegalEvent}/attachments/${f.foreignLegalEventPaper}` }, { method: 'GET', url: `/api/legal/events/${f.ownLegalEvent}/attachments/${f.foreignLegalEventPaper}` }],
      own: (f) => ({ method: 'GET', url: `/api/legal/events/${f.ownLegalEvent}/attachments/${f.ownLegalEventPaper}` }),
    },
    'DELETE /api/legal/events/:id/attachments/:attachmentId': {
      foreign: (f) => [{ method: 'DELETE', url: `/api/legal/events/${f.foreignLegalEvent}/attachments/${f.foreignLegalEventPaper}` }, { method: 'DELETE', url: `/api/legal/events/${f.ownLegalEvent}/attachments/${f.foreignLegalEventPaper}` }],
      own: (f) => ({ method: 'DELETE', url: `/api/legal/events/${f.ownLegalEvent}/attachments/${f.ownLegalEventPaper}` }),
    },
    'GET /api/legal/cases': {
      foreign: (f) => [{ method: 'GET', url: `/api/legal/cases?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/legal/cases?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/legal/cases?underId=${f.ownParent}` }),
    },
    'GET /api/legal/cases/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/legal/cases/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/legal/cases/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/legal/cases/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/legal/cases/:id': { foreign: (f) => [{ method: 'GET', url: `/api/legal/cases/${f.foreignLegalCase}` }], own: (f) => ({ method: 'GET', url: `/api/legal/cases/${f.ownLegalCase}` }) },
    'POST /api/legal/cases': {
      foreign: (f) => [{ method: 'POST', url: '/api/legal/cases', body: legalCase(f.foreignOrg) }],
      own: (f) => ({ method: 'POST', url: '/api/legal/cases', body: legalCase(f.ownOrg) }),
    },
    'POST /api/legal/cases/:id/steps': {
      foreign: (f) => [{ method: 'POST', url: `/api/legal/cases/${f.foreignLegalCase}/steps`, body: note }],
      own: (f) => ({ method: 'POST', url: `/api/legal/cases/${f.ownLegalCase}/steps`, body: note }),
    },
    'POST /api/legal/cases/:id/reveal': { foreign: (f) => [{ method: 'POST', url: `/api/legal/cases/${f.foreignLegalCase}/reveal` }], own: (f) => ({ method: 'POST', url: `/api/legal/cases/${f.ownLegalCase}/reveal` }) },
    'GET /api/legal/cases/:id/attachments': { foreign: (f) => [{ method: 'GET', url: `/api/legal/cases/${f.foreignLegalCase}/attachments` }], own: (f) => ({ method: 'GET', url: `/api/legal/cases/${f.ownLegalCase}/attachments` }) },
    'POST /api/legal/cases/:id/attachments': { foreign: (f) => [casePaper(f.foreignLegalCase)], own: (f) => casePaper(f.ownLegalCase) },
    'GET /api/legal/cases/:id/attachments/:attachmentId': {
      foreign: (f) => [{ method: 'GET', url: `/api/legal/cases/${f.foreignLegalCase}/attachments/${f.foreignLegalCasePaper}` }, { method: 'GET', url: `/api/legal/cases/${f.ownLegalCase}/attachments/${f.foreignLegalCasePaper}` }],
      own: (f) => ({ method: 'GET', url: `/api/legal/cases/${f.ownLegalCase}/attachments/${f.ownLegalCasePaper}` }),
    },
    'DELETE /api/legal/cases/:id/attachments/:attachmentId': {
      foreign: (f) => [{ method: 'DELETE', url: `/api/legal/cases/${f.foreignLegalCase}/attachments/${f.foreignLegalCasePaper}` }, { method: 'DELETE', url: `/api/legal/cases/${f.ownLegalCase}/attachments/${f.foreignLegalCasePaper}` }],
      own: (f) => ({ method: 'DELETE', url: `/api/legal/cases/${f.ownLegalCase}/attachments/${f.ownLegalCasePaper}` }),
    },
  },
  exempt: {
    'GET /api/imports/legal-events/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/legal-events': 'a row naming a union outside the importer’s scope is refused row by row, and the whole file is then rejected (legal.routes.test.ts: "imports")',
    'GET /api/me/legal-cases': MY_LEGAL,
    'POST /api/me/legal-cases': MY_LEGAL,
    'POST /api/me/legal-cases/:id/withdraw': MY_LEGAL,
  },
  exemptWrites: {
    'POST /api/me/legal-cases': { role: 'member', req: () => ({ method: 'POST', url: '/api/me/legal-cases', body: request }), keep: (b, st) => (st.legalRequest = b.id) },
    'POST /api/me/legal-cases/:id/withdraw': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/me/legal-cases/${st.legalRequest}/withdraw` }) },
  },
  exemptWritesUnsent: {
    'POST /api/imports/legal-events': 'an import writes its audit row when its rows commit, on the worker’s schedule (legal.routes.test.ts)',
  },
  async foreign({ songling }, f) {
    const foreignLegalEvent = (await ok(songling.post('/api/legal/events', event(f.foreignOrg, `${MARKER}普法活动`)))).id as number;
    const foreignLegalCase = (await ok(songling.post('/api/legal/cases', legalCase(f.foreignOrg)))).id as number;
    const eventPapers = await ok(send(songling, eventPaper(foreignLegalEvent)));
    const casePapers = await ok(send(songling, casePaper(foreignLegalCase)));
    return { foreignLegalEvent, foreignLegalCase, foreignLegalEventPaper: eventPapers.items[0].id, foreignLegalCasePaper: casePapers.items[0].id };
  },
  async own({ jinxiu }, f) {
    const ownLegalEvent = (await ok(jinxiu.post('/api/legal/events', event(f.ownOrg, '矩阵普法活动')))).id as number;
    const ownLegalCase = (await ok(jinxiu.post('/api/legal/cases', legalCase(f.ownOrg)))).id as number;
    const eventPapers = await ok(send(jinxiu, eventPaper(ownLegalEvent)));
    const casePapers = await ok(send(jinxiu, casePaper(ownLegalCase)));
    return { ownLegalEvent, ownLegalCase, ownLegalEventPaper: eventPapers.items[0].id, ownLegalCasePaper: casePapers.items[0].id };
  },
});
