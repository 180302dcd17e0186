/** unions: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { defineMatrixPart, OWN_SCOPE_COUNTS } from '@test/matrix/kit';

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
  },
  exempt: { 'GET /api/unions/elections/summary': OWN_SCOPE_COUNTS },
});
