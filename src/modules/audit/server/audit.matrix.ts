/** audit: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { defineMatrixPart, NO_RECORD } from '@test/matrix/kit';

export const matrix = defineMatrixPart({
  module: 'audit',
  rows: {
    'GET /api/audit': {
      foreign: (f) => [{ method: 'GET', url: `/api/audit?orgId=${f.foreignParent}` }, { method: 'GET', url: '/api/audit?pageSize=200' }],
      own: (f) => ({ method: 'GET', url: `/api/audit?orgId=${f.ownParent}` }),
    },
    'GET /api/audit/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/audit/export.xlsx?orgId=${f.foreignParent}` }, { method: 'GET', url: '/api/audit/export.xlsx' }],
      own: (f) => ({ method: 'GET', url: `/api/audit/export.xlsx?orgId=${f.ownParent}` }),
    },
  },
  exempt: { 'GET /api/audit/actions': NO_RECORD },
});
