/** reports: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { defineMatrixPart, MARKER, NO_RECORD, ok } from '@test/matrix/kit';

export const matrix = defineMatrixPart({
  module: 'reports',
  rows: {
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
  },
  exempt: { 'GET /api/indicators': NO_RECORD, 'GET /api/reports/capabilities': NO_RECORD },
  businessRefusals: {
    'GET /api/reports/:id/export.pdf': { code: 'REPORT.PDF_UNAVAILABLE', reason: 'the test machine has no LibreOffice to convert the report' },
  },
  async foreign({ songling, songlingStreet }) {
    return { foreignReport: (await ok(songling.post('/api/reports', { orgId: songlingStreet.id, period: '2024', title: `${MARKER}报告` }))).report.id };
  },
  async own({ admin, jinxiuStreet }) {
    const ownReport = (await ok(admin.post('/api/reports', { orgId: jinxiuStreet.id, period: '2024' }))).report.id;
    await ok(admin.patch(`/api/reports/${ownReport}`, { sections: [{ heading: '', paragraphs: ['新建工会组织{新建工会组织数}家。'] }] }));
    return { ownReport };
  },
});
