/** organisations: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { expect } from 'vitest';
import { defineMatrixPart, MARKER, NO_RECORD, ok } from '@test/matrix/kit';

export const matrix = defineMatrixPart({
  module: 'organisations',
  rows: {
    'GET /api/orgs': {
      foreign: (f) => [{ method: 'GET', url: `/api/orgs?underId=${f.foreignParent}` }, { method: 'GET', url: `/api/orgs?q=${f.foreignOrgCode}&status=all&pageSize=200` }],
      own: (f) => ({ method: 'GET', url: `/api/orgs?underId=${f.ownParent}` }),
    },
    'GET /api/orgs/export.xlsx': {
      foreign: (f) => [{ method: 'GET', url: `/api/orgs/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/orgs/export.xlsx?status=all' }],
      own: (f) => ({ method: 'GET', url: `/api/orgs/export.xlsx?underId=${f.ownParent}` }),
    },
    'GET /api/orgs/tree': {
      foreign: (f) => [{ method: 'GET', url: `/api/orgs/tree?parentId=${f.foreignParent}` }],
      own: (f) => ({ method: 'GET', url: `/api/orgs/tree?parentId=${f.ownParent}` }),
    },
    'GET /api/orgs/:id': {
      foreign: (f) => [{ method: 'GET', url: `/api/orgs/${f.foreignOrg}` }],
      own: (f) => ({ method: 'GET', url: `/api/orgs/${f.ownOrg}` }),
    },
    'POST /api/orgs': {
      foreign: (f) => [{ method: 'POST', url: '/api/orgs', body: { parentId: f.foreignParent, name: '越权新建工会', kind: 'enterprise' } }],
      own: (f) => ({ method: 'POST', url: '/api/orgs', body: { parentId: f.ownParent, name: `矩阵测试新建工会${f.tag}`, kind: 'enterprise' } }),
    },
    'PATCH /api/orgs/:id': {
      foreign: (f) => [{ method: 'PATCH', url: `/api/orgs/${f.foreignOrg}`, body: { name: '越权改名工会' } }],
      own: (f) => ({ method: 'PATCH', url: `/api/orgs/${f.ownOrg}`, body: { remark: '矩阵测试' } }),
    },
    'POST /api/orgs/:id/move': {
      foreign: (f) => [
        { method: 'POST', url: `/api/orgs/${f.foreignOrg}/move`, body: { parentId: f.ownParent } },
        { method: 'POST', url: `/api/orgs/${f.ownOrg}/move`, body: { parentId: f.foreignParent } },
      ],
      own: (f) => ({ method: 'POST', url: `/api/orgs/${f.ownOrg}/move`, body: { parentId: f.ownParent } }),
    },
    'POST /api/orgs/:id/close': {
      foreign: (f) => [{ method: 'POST', url: `/api/orgs/${f.foreignOrg}/close`, body: { closedOn: '2026-01-02', reason: '越权撤销' } }],
      // A union with members cannot be closed (their memberships move or end first): close a memberless one.
      own: (f) => ({ method: 'POST', url: `/api/orgs/${f.ownClosable}/close`, body: { closedOn: '2026-01-02', reason: '矩阵测试' } }),
    },
    'POST /api/orgs/:id/reopen': {
      foreign: (f) => [{ method: 'POST', url: `/api/orgs/${f.foreignOrg}/reopen` }],
      own: (f) => ({ method: 'POST', url: `/api/orgs/${f.ownClosable}/reopen` }),
    },
  },
  exempt: { 'GET /api/orgs/kinds': NO_RECORD },
  businessRefusals: {
    'POST /api/orgs/:id/move': { code: 'ORG.SAME_PARENT', reason: 'moving a union under its current parent is refused after the scope check' },
  },
  async own({ admin, jinxiuStreet, tag }) {
    const org = (name: string) => ok(admin.post('/api/orgs', { parentId: jinxiuStreet.id, name: `${name}${tag}`, kind: 'enterprise', openedOn: '2020-01-01' }));
    const own = await org('矩阵测试自有工会');
    const sibling = await org('矩阵测试兄弟工会');
    return { ownOrg: own.id, ownOrgCode: own.code, ownSibling: sibling.id, ownSiblingCode: sibling.code, ownEmptyOrg: (await org('矩阵测试空工会')).id, ownClosable: (await org('矩阵测试待撤销工会')).id };
  },
  async unchanged({ admin }, f) {
    expect((await admin.get(`/api/orgs/${f.foreignOrg}`)).body).toMatchObject({ status: 'open', address: MARKER, parentId: f.foreignParent });
  },
});
