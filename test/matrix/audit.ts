/** Authorization-matrix rows of the audit routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case } from './kit';

export const auditMatrix: Record<string, Case> = {
  'GET /api/audit': {
    foreign: (f) => [{ method: 'GET', url: `/api/audit?orgId=${f.foreignParent}` }, { method: 'GET', url: '/api/audit?pageSize=200' }],
    own: (f) => ({ method: 'GET', url: `/api/audit?orgId=${f.ownParent}` }),
  },
  'GET /api/audit/export.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/audit/export.xlsx?orgId=${f.foreignParent}` }, { method: 'GET', url: '/api/audit/export.xlsx' }],
    own: (f) => ({ method: 'GET', url: `/api/audit/export.xlsx?orgId=${f.ownParent}` }),
  },
};
