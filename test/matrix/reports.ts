/** Authorization-matrix rows of the reports routes: route key → how to aim it at another subtree and inside the scope. */
import { type Case } from './kit';

export const reportsMatrix: Record<string, Case> = {
  'GET /api/indicators/values': {
    foreign: (f) => [{ method: 'GET', url: `/api/indicators/values?orgId=${f.foreignParent}&period=2024` }],
    own: (f) => ({ method: 'GET', url: `/api/indicators/values?orgId=${f.ownParent}&period=2024` }),
  },
  'GET /api/indicators/:code/records': {
    foreign: (f) => [{ method: 'GET', url: `/api/indicators/org.grassroots_total/records?orgId=${f.foreignParent}` }],
    own: (f) => ({ method: 'GET', url: `/api/indicators/org.grassroots_total/records?orgId=${f.ownParent}` }),
  },
  'GET /api/indicators/:code/records/export.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/indicators/org.grassroots_total/records/export.xlsx?orgId=${f.foreignParent}` }],
    own: (f) => ({ method: 'GET', url: `/api/indicators/org.grassroots_total/records/export.xlsx?orgId=${f.ownParent}` }),
  },
  'GET /api/indicators/:code/trend': {
    foreign: (f) => [{ method: 'GET', url: `/api/indicators/org.grassroots_total/trend?orgId=${f.foreignParent}` }],
    own: (f) => ({ method: 'GET', url: `/api/indicators/org.grassroots_total/trend?orgId=${f.ownParent}` }),
  },
  'GET /api/indicators/:code/breakdown': {
    foreign: (f) => [{ method: 'GET', url: `/api/indicators/org.grassroots_total/breakdown?orgId=${f.foreignParent}` }],
    own: (f) => ({ method: 'GET', url: `/api/indicators/org.grassroots_total/breakdown?orgId=${f.ownParent}` }),
  },
  'GET /api/reports': {
    foreign: () => [{ method: 'GET', url: '/api/reports?pageSize=200' }],
    own: () => ({ method: 'GET', url: '/api/reports' }),
  },
  'POST /api/reports': {
    foreign: (f) => [{ method: 'POST', url: '/api/reports', body: { orgId: f.foreignParent, period: '2024' } }],
    own: (f) => ({ method: 'POST', url: '/api/reports', body: { orgId: f.ownParent, period: '2024' } }),
  },
  'GET /api/reports/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/reports/${f.foreignReport}` }],
    own: (f) => ({ method: 'GET', url: `/api/reports/${f.ownReport}` }),
  },
  'PATCH /api/reports/:id': {
    foreign: (f) => [{ method: 'PATCH', url: `/api/reports/${f.foreignReport}`, body: { title: '越权改标题' } }],
    own: (f) => ({ method: 'PATCH', url: `/api/reports/${f.ownReport}`, body: { title: '矩阵测试报告' } }),
  },
  'POST /api/reports/:id/finalise': {
    foreign: (f) => [{ method: 'POST', url: `/api/reports/${f.foreignReport}/finalise` }],
    own: (f) => ({ method: 'POST', url: `/api/reports/${f.ownReport}/finalise` }),
  },
  'POST /api/reports/:id/copy': {
    foreign: (f) => [{ method: 'POST', url: `/api/reports/${f.foreignReport}/copy` }],
    own: (f) => ({ method: 'POST', url: `/api/reports/${f.ownReport}/copy` }),
  },
  'GET /api/reports/:id/export.docx': {
    foreign: (f) => [{ method: 'GET', url: `/api/reports/${f.foreignReport}/export.docx` }],
    own: (f) => ({ method: 'GET', url: `/api/reports/${f.ownReport}/export.docx` }),
  },
  'GET /api/reports/:id/export.pdf': {
    foreign: (f) => [{ method: 'GET', url: `/api/reports/${f.foreignReport}/export.pdf` }],
    own: (f) => ({ method: 'GET', url: `/api/reports/${f.ownReport}/export.pdf` }),
  },
};
