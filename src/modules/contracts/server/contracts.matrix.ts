/** contracts: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { fakeUscc } from '@test/fixtures/people';
import { BLANK_TEMPLATE, defineMatrixPart, MARKER, ok, send, upload, YEAR } from '@test/matrix/kit';

const contract = (orgId: number, title: string) => ({ orgId, kind: 'general', scope: 'single', title, offerOn: `${YEAR}-01-05`, offerBy: 'union', employers: [{ uscc: fakeUscc(), name: '矩阵覆盖企业', workers: 50 }] });
const reply = { action: 'reply', on: `${YEAR}-01-10` };
const paper = (id: number) => upload(`/api/contracts/${id}/attachments?kind=text&fileName=${encodeURIComponent('合同文本.pdf')}`);

export const matrix = defineMatrixPart({
  module: 'contracts',
  rows: {
    'GET /api/contracts': {
      foreign: (f) => [{ method: 'GET', url: `/api/contracts?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/contracts?pageSize=200&status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/contracts?underId=${f.ownParent}` }),
    },
    'GET /api/contracts/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/contracts/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/contracts/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/contracts/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/contracts/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/contracts/${f.foreignContract}` }],
      own: (f) => ({ method: 'GET', url: `/api/contracts/${f.ownContract}` }),
    },
    'POST /api/contracts': {
      foreign: (f) => [{ method: 'POST', url: '/api/contracts', body: contract(f.foreignOrg, '越权登记集体合同') }],
      own: (f) => ({ method: 'POST', url: '/api/contracts', body: contract(f.ownOrg, `矩阵登记集体合同${f.tag}`) }),
    },
    'PATCH /api/contracts/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/contracts/${f.foreignContract}`, body: { session: '第二届' } }],
      own: (f) => ({ method: 'PATCH', url: `/api/contracts/${f.ownContract}`, body: { session: '第二届' } }),
    },
    'POST /api/contracts/:id/steps': {
      foreign: (f) => [{ method: 'POST', url: `/api/contracts/${f.foreignContract}/steps`, body: reply }],
      own: (f) => ({ method: 'POST', url: `/api/contracts/${f.ownContract}/steps`, body: reply }),
    },
    'GET /api/contracts/:id/attachments': {
      foreign: (f) => [{ method: 'GET', url: `/api/contracts/${f.foreignContract}/attachments` }],
      own: (f) => ({ method: 'GET', url: `/api/contracts/${f.ownContract}/attachments` }),
    },
    'POST /api/contracts/:id/attachments': {
      foreign: (f) => [paper(f.foreignContract)],
      own: (f) => paper(f.ownContract),
    },
    'GET /api/contracts/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'GET', url: `/api/contracts/${f.foreignContract}/attachments/${f.foreignContractPaper}` },
        { method: 'GET', url: `/api/contracts/${f.ownContract}/attachments/${f.foreignContractPaper}` },
      ],
      own: (f) => ({ method: 'GET', url: `/api/contracts/${f.ownContract}/attachments/${f.ownContractPaper}` }),
    },
    'DELETE /api/contracts/:id/attachments/:attachmentId': {
      foreign: (f) => [
        { method: 'DELETE', url: `/api/contracts/${f.foreignContract}/attachments/${f.foreignContractPaper}` },
        { method: 'DELETE', url: `/api/contracts/${f.ownContract}/attachments/${f.foreignContractPaper}` },
      ],
      own: (f) => ({ method: 'DELETE', url: `/api/contracts/${f.ownContract}/attachments/${f.ownContractPaper}` }),
    },
  },
  exempt: {
    'GET /api/imports/contracts/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/contracts': 'a row naming a union or an enterprise outside the importer’s scope is refused row by row, and the whole file is then rejected (contract.routes.test.ts: "imports a contract ledger")',
    'GET /api/contracts/clock-rules': 'the district’s one set of clock rules and calendar: no record of any subtree',
    'PUT /api/contracts/clock-rules': 'a district-wide setting held by contracts.rules (district administrators only; contract.routes.test.ts: "the district counts filing in working days")',
  },
  exemptWritesUnsent: {
    'POST /api/imports/contracts': 'an import writes its audit row when its rows commit, on the worker’s schedule (contract.routes.test.ts)',
  },
  exemptWrites: {
    'PUT /api/contracts/clock-rules': {
      role: 'district_admin',
      req: () => ({
        method: 'PUT', url: '/api/contracts/clock-rules',
        body: { effectiveFrom: `${YEAR + 1}-01-01`, rules: { replyDays: 20, replyWorking: false, talksDays: 10, talksWorking: true, filingDays: 10, filingWorking: false, correctionDays: 7, correctionWorking: false, reviewDays: 15, reviewWorking: false, publishDays: 10, publishWorking: false }, calendar: { holidays: [`${YEAR + 1}-01-01`], workdays: [] } },
      }),
    },
  },
  async foreign({ songling }, f) {
    const foreignContract = (await ok(songling.post('/api/contracts', contract(f.foreignOrg, `${MARKER}集体合同`)))).id as number;
    const papers = await ok(send(songling, paper(foreignContract)));
    return { foreignContract, foreignContractPaper: papers.items[0].id };
  },
  async own({ jinxiu, tag }, f) {
    const ownContract = (await ok(jinxiu.post('/api/contracts', contract(f.ownOrg, `矩阵集体合同${tag}`)))).id as number;
    const papers = await ok(send(jinxiu, paper(ownContract)));
    return { ownContract, ownContractPaper: papers.items[0].id };
  },
});
