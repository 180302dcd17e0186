/** Authorization-matrix rows of the unions routes: route key → how to aim it at another subtree and inside the scope. */
import { termPaper, type Case } from './kit';

export const unionsMatrix: Record<string, Case> = {
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
};
