/** unions: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import type { TestClient } from '@test/app';
import { defineMatrixPart, ok, OWN_SCOPE_COUNTS, send, upload } from '@test/matrix/kit';

const termPaper = (termId: number) => upload(`/api/unions/terms/${termId}/attachments?kind=result_report&fileName=${encodeURIComponent('选举结果报告.pdf')}`);
/** A committee term of the union with one 选举材料 uploaded. */
async function termWithPaper(c: TestClient, orgId: number) {
  const term = (await ok(c.post(`/api/unions/${orgId}/terms`, { electedOn: '2023-01-01', termYears: 5, chairName: '矩阵主席', chairFullTime: false }))).id as number;
  const r = await send(c, termPaper(term));
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return { term, paper: (r.body as { items: { id: number }[] }).items[0]!.id };
}

export const matrix = defineMatrixPart({
  module: 'unions',
  rows: {
    'GET /api/unions/:id/terms': {
      foreign: (f) => [{ method: 'GET', url: `/api/unions/${f.foreignOrg}/terms` }],
      own: (f) => ({ method: 'GET', url: `/api/unions/${f.ownOrg}/terms` }),
    },
    'POST /api/unions/:id/terms': {
      foreign: (f) => [{ method: 'POST', url: `/api/unions/${f.foreignOrg}/terms`, body: { electedOn: '2024-01-01', termYears: 5, chairName: '越权', chairFullTime: false } }],
      own: (f) => ({ method: 'POST', url: `/api/unions/${f.ownOrg}/terms`, body: { electedOn: '2024-01-01', termYears: 5, chairName: '矩阵主席', chairFullTime: false } }),
    },
    'GET /api/unions/elections': {
      foreign: () => [{ method: 'GET', url: '/api/unions/elections?status=all&pageSize=200' }, { method: 'GET', url: '/api/unions/elections?status=overdue&pageSize=200' }],
      own: () => ({ method: 'GET', url: '/api/unions/elections?status=all' }),
    },
    'GET /api/unions/elections/export.xlsx': {
      foreign: () => [{ method: 'GET', url: '/api/unions/elections/export.xlsx?status=all' }],
      own: () => ({ method: 'GET', url: '/api/unions/elections/export.xlsx?status=all' }),
    },
    // 选举材料 (the ledger kit's attachments): in this order, so the own paper is downloaded before it is deleted.
    'GET /api/unions/terms/:id/attachments': {
      foreign: (f) => [{ method: 'GET', url: `/api/unions/terms/${f.foreignTerm}/attachments` }],
      own: (f) => ({ method: 'GET', url: `/api/unions/terms/${f.ownTerm}/attachments` }),
    },
    'POST /api/unions/terms/:id/attachments': {
      foreign: (f) => [termPaper(f.foreignTerm)],
      own: (f) => termPaper(f.ownTerm),
    },
    'GET /api/unions/terms/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'GET', url: `/api/unions/terms/${f.foreignTerm}/attachments/${f.foreignTermPaper}` },
        // A foreign paper through an own record answers 404 too.
        { method: 'GET', url: `/api/unions/terms/${f.ownTerm}/attachments/${f.foreignTermPaper}` },
      ],
      own: (f) => ({ method: 'GET', url: `/api/unions/terms/${f.ownTerm}/attachments/${f.ownTermPaper}` }),
    },
    'DELETE /api/unions/terms/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'DELETE', url: `/api/unions/terms/${f.foreignTerm}/attachments/${f.foreignTermPaper}` },
        { method: 'DELETE', url: `/api/unions/terms/${f.ownTerm}/attachments/${f.foreignTermPaper}` },
      ],
      own: (f) => ({ method: 'DELETE', url: `/api/unions/terms/${f.ownTerm}/attachments/${f.ownTermPaper}` }),
    },
  },
  async foreign({ songling }, f) {
    const t = await termWithPaper(songling, f.foreignOrg);
    return { foreignTerm: t.term, foreignTermPaper: t.paper };
  },
  async own({ jinxiu }, f) {
    const t = await termWithPaper(jinxiu, f.ownOrg);
    return { ownTerm: t.term, ownTermPaper: t.paper };
  },
  exempt: { 'GET /api/unions/elections/summary': OWN_SCOPE_COUNTS },
});
