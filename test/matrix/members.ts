/** Authorization-matrix rows of the members routes: route key → how to aim it at another subtree and inside the scope. */
import { fakeIdNumber } from '../fixtures/people';
import { type Case } from './kit';

export const membersMatrix: Record<string, Case> = {
  'GET /api/members': {
    foreign: (f) => [{ method: 'GET', url: `/api/members?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/members?status=all&pageSize=200&q=' + encodeURIComponent('矩阵') }],
    own: (f) => ({ method: 'GET', url: `/api/members?underId=${f.ownParent}` }),
  },
  'GET /api/members/export.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/members/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/members/export.xlsx?status=all&q=' + encodeURIComponent('矩阵') }],
    own: (f) => ({ method: 'GET', url: `/api/members/export.xlsx?underId=${f.ownParent}` }),
  },
  'GET /api/members/duplicates': {
    foreign: () => [{ method: 'GET', url: '/api/members/duplicates' }],
    own: () => ({ method: 'GET', url: '/api/members/duplicates' }),
    leaks: (r, f) => r.status === 200 && JSON.stringify(r.body).includes(`"memberId":${f.foreignDup}`),
  },
  'POST /api/members/duplicates/dismiss': {
    foreign: (f) => [{ method: 'POST', url: '/api/members/duplicates/dismiss', body: { a: f.foreignMember, b: f.foreignDup } }],
    own: (f) => ({ method: 'POST', url: '/api/members/duplicates/dismiss', body: { a: f.ownMember, b: f.ownDup } }),
  },
  'GET /api/members/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/members/${f.foreignMember}` }],
    own: (f) => ({ method: 'GET', url: `/api/members/${f.ownMember}` }),
  },
  'POST /api/members': {
    foreign: (f) => [{ method: 'POST', url: '/api/members', body: { name: '越权会员', idNumber: fakeIdNumber(), orgId: f.foreignOrg, joinedOn: '2024-01-01' } }],
    own: (f) => ({ method: 'POST', url: '/api/members', body: { name: '矩阵新会员', idNumber: fakeIdNumber(), orgId: f.ownOrg, joinedOn: '2024-01-01' } }),
  },
  'PATCH /api/members/:id': {
    foreign: (f) => [{ method: 'PATCH', url: `/api/members/${f.foreignMember}`, body: { name: '越权改名' } }],
    own: (f) => ({ method: 'PATCH', url: `/api/members/${f.ownMember}`, body: { education: '大学本科' } }),
  },
  'POST /api/members/:id/reveal': {
    foreign: (f) => [{ method: 'POST', url: `/api/members/${f.foreignMember}/reveal`, body: { field: 'idNumber' } }],
    own: (f) => ({ method: 'POST', url: `/api/members/${f.ownMember}/reveal`, body: { field: 'idNumber' } }),
  },
  'POST /api/memberships/:id/transfer': {
    foreign: (f) => [{ method: 'POST', url: `/api/memberships/${f.foreignMembership}/transfer`, body: { toOrgId: f.ownOrg, transferredOn: '2025-01-01' } }],
    own: (f) => ({ method: 'POST', url: `/api/memberships/${f.ownMembership}/transfer`, body: { toOrgId: f.ownSibling, transferredOn: '2025-01-01' } }),
  },
  // Transfer requests: a foreign one (松岭 → a third street) is neither listed nor decided; jinxiu accepts and
  // refuses those into its union and withdraws its own.
  'GET /api/member-transfers': {
    foreign: () => [{ method: 'GET', url: '/api/member-transfers?box=incoming' }, { method: 'GET', url: '/api/member-transfers?box=outgoing' }],
    own: () => ({ method: 'GET', url: '/api/member-transfers?box=incoming&status=pending' }),
  },
  'POST /api/member-transfers/:id/accept': {
    foreign: (f) => [{ method: 'POST', url: `/api/member-transfers/${f.foreignTransfer}/accept`, body: {} }],
    own: (f) => ({ method: 'POST', url: `/api/member-transfers/${f.ownIncoming}/accept`, body: {} }),
  },
  'POST /api/member-transfers/:id/reject': {
    foreign: (f) => [{ method: 'POST', url: `/api/member-transfers/${f.foreignTransfer}/reject`, body: { reason: '越权' } }],
    own: (f) => ({ method: 'POST', url: `/api/member-transfers/${f.ownIncoming2}/reject`, body: { reason: '不在本单位工作' } }),
  },
  'POST /api/member-transfers/:id/withdraw': {
    foreign: (f) => [{ method: 'POST', url: `/api/member-transfers/${f.foreignTransfer}/withdraw`, body: {} }],
    own: (f) => ({ method: 'POST', url: `/api/member-transfers/${f.ownOutgoing}/withdraw`, body: {} }),
  },
  'POST /api/memberships/:id/leave': {
    foreign: (f) => [{ method: 'POST', url: `/api/memberships/${f.foreignMembership}/leave`, body: { leftOn: '2025-01-01', reason: 'request' } }],
    own: (f) => ({ method: 'POST', url: `/api/memberships/${f.ownMembership2}/leave`, body: { leftOn: '2025-01-01', reason: 'request' } }),
  },
  'GET /api/memberships/open': {
    foreign: (f) => [{ method: 'GET', url: `/api/memberships/open?orgId=${f.foreignOrg}` }],
    own: (f) => ({ method: 'GET', url: `/api/memberships/open?orgId=${f.ownOrg}` }),
  },
  'POST /api/memberships/transfer-all': {
    foreign: (f) => [
      { method: 'POST', url: '/api/memberships/transfer-all', body: { fromOrgId: f.foreignOrg, toOrgId: f.ownOrg, transferredOn: '2025-01-01' } },
      { method: 'POST', url: '/api/memberships/transfer-all', body: { fromOrgId: f.ownEmptyOrg, toOrgId: f.foreignOrg, transferredOn: '2025-01-01' } },
    ],
    own: (f) => ({ method: 'POST', url: '/api/memberships/transfer-all', body: { fromOrgId: f.ownEmptyOrg, toOrgId: f.ownSibling, transferredOn: '2025-01-01' } }),
  },
  'POST /api/memberships/end-all': {
    foreign: (f) => [{ method: 'POST', url: '/api/memberships/end-all', body: { orgId: f.foreignOrg, leftOn: '2025-01-01', reason: 'org_closed' } }],
    own: (f) => ({ method: 'POST', url: '/api/memberships/end-all', body: { orgId: f.ownEmptyOrg, leftOn: '2025-01-01', reason: 'org_closed' } }),
  },
  'GET /api/member-applications': {
    foreign: () => [{ method: 'GET', url: '/api/member-applications?status=all&pageSize=200' }],
    own: () => ({ method: 'GET', url: '/api/member-applications' }),
  },
  'GET /api/member-applications/export.xlsx': {
    foreign: () => [{ method: 'GET', url: '/api/member-applications/export.xlsx?status=all' }],
    own: () => ({ method: 'GET', url: '/api/member-applications/export.xlsx' }),
  },
  'POST /api/member-applications/:id/approve': {
    foreign: (f) => [{ method: 'POST', url: `/api/member-applications/${f.foreignApplication}/approve`, body: {} }],
    own: (f) => ({ method: 'POST', url: `/api/member-applications/${f.ownApplication}/approve`, body: {} }),
  },
  'POST /api/member-applications/:id/reject': {
    foreign: (f) => [{ method: 'POST', url: `/api/member-applications/${f.foreignApplication}/reject`, body: { opinion: '越权驳回' } }],
    own: (f) => ({ method: 'POST', url: `/api/member-applications/${f.ownApplication2}/reject`, body: { opinion: '矩阵驳回' } }),
  },
};
