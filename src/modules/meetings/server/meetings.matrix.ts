/** meetings: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { defineMatrixPart, MARKER, ok, send, upload, YEAR } from '@test/matrix/kit';

const meeting = (orgId: number, title: string) => ({ orgId, kind: 'standing', title, heldOn: `${YEAR}-01-05`, membersTotal: 9, attendees: 8 });
const decision = { content: '矩阵决定事项', owner: '办公室', dueOn: `${YEAR}-02-05` };
const done = { doneOn: `${YEAR}-01-06`, followUp: '已落实' };
const paper = (id: number) => upload(`/api/meetings/${id}/attachments?kind=minutes&fileName=${encodeURIComponent('会议纪要.pdf')}`);

export const matrix = defineMatrixPart({
  module: 'meetings',
  rows: {
    'GET /api/meetings': {
      foreign: (f) => [{ method: 'GET', url: `/api/meetings?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/meetings?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/meetings?underId=${f.ownParent}` }),
    },
    'GET /api/meetings/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/meetings/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/meetings/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/meetings/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/meetings/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/meetings/${f.foreignMeeting}` }],
      own: (f) => ({ method: 'GET', url: `/api/meetings/${f.ownMeeting}` }),
    },
    'POST /api/meetings': {
      foreign: (f) => [{ method: 'POST', url: '/api/meetings', body: meeting(f.foreignOrg, '越权登记会议') }],
      own: (f) => ({ method: 'POST', url: '/api/meetings', body: meeting(f.ownOrg, `矩阵登记会议${f.tag}`) }),
    },
    'PATCH /api/meetings/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/meetings/${f.foreignMeeting}`, body: { attendees: 9 } }],
      own: (f) => ({ method: 'PATCH', url: `/api/meetings/${f.ownMeeting}`, body: { attendees: 9 } }),
    },
    'POST /api/meetings/:id/decisions': {
      foreign: (f) => [{ method: 'POST', url: `/api/meetings/${f.foreignMeeting}/decisions`, body: decision }],
      own: (f) => ({ method: 'POST', url: `/api/meetings/${f.ownMeeting}/decisions`, body: decision }),
    },
    'POST /api/meetings/:id/decisions/:decisionId/done': {
      foreign: (f) => [
        { method: 'POST', url: `/api/meetings/${f.foreignMeeting}/decisions/${f.foreignDecision}/done`, body: done },
        { method: 'POST', url: `/api/meetings/${f.ownMeeting}/decisions/${f.foreignDecision}/done`, body: done },
      ],
      own: (f) => ({ method: 'POST', url: `/api/meetings/${f.ownMeeting}/decisions/${f.ownDecision}/done`, body: done }),
    },
    'GET /api/meetings/:id/attachments': {
      foreign: (f) => [{ method: 'GET', url: `/api/meetings/${f.foreignMeeting}/attachments` }],
      own: (f) => ({ method: 'GET', url: `/api/meetings/${f.ownMeeting}/attachments` }),
    },
    'POST /api/meetings/:id/attachments': {
      foreign: (f) => [paper(f.foreignMeeting)],
      own: (f) => paper(f.ownMeeting),
    },
    'GET /api/meetings/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'GET', url: `/api/meetings/${f.foreignMeeting}/attachments/${f.foreignMeetingPaper}` },
        { method: 'GET', url: `/api/meetings/${f.ownMeeting}/attachments/${f.foreignMeetingPaper}` },
      ],
      own: (f) => ({ method: 'GET', url: `/api/meetings/${f.ownMeeting}/attachments/${f.ownMeetingPaper}` }),
    },
    'DELETE /api/meetings/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'DELETE', url: `/api/meetings/${f.foreignMeeting}/attachments/${f.foreignMeetingPaper}` },
        { method: 'DELETE', url: `/api/meetings/${f.ownMeeting}/attachments/${f.foreignMeetingPaper}` },
      ],
      own: (f) => ({ method: 'DELETE', url: `/api/meetings/${f.ownMeeting}/attachments/${f.ownMeetingPaper}` }),
    },
  },
  async foreign({ songling }, f) {
    const foreignMeeting = (await ok(songling.post('/api/meetings', meeting(f.foreignOrg, `${MARKER}会议`)))).id as number;
    const withDecision = await ok(songling.post(`/api/meetings/${foreignMeeting}/decisions`, decision));
    const papers = await ok(send(songling, paper(foreignMeeting)));
    return { foreignMeeting, foreignDecision: withDecision.items[0].id, foreignMeetingPaper: papers.items[0].id };
  },
  async own({ jinxiu, tag }, f) {
    const ownMeeting = (await ok(jinxiu.post('/api/meetings', meeting(f.ownOrg, `矩阵会议${tag}`)))).id as number;
    const withDecision = await ok(jinxiu.post(`/api/meetings/${ownMeeting}/decisions`, decision));
    const papers = await ok(send(jinxiu, paper(ownMeeting)));
    return { ownMeeting, ownDecision: withDecision.items[0].id, ownMeetingPaper: papers.items[0].id };
  },
});
