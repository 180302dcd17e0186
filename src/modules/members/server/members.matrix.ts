/** members: its authorization-matrix part (rows, the records they aim at, exemptions with reasons); see test/matrix/kit.ts. */
import { fakeIdNumber, ROSTER_HEADER, xlsx } from '@test/fixtures/people';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { BLANK_TEMPLATE, createMember, defineMatrixPart, MARKER, OWN_SCOPE_COUNTS, ok } from '@test/matrix/kit';


/** A worker's application through the public joining page; returns its reference. */
export async function apply(t: TestApp, orgId: number, username: string, employerName: string): Promise<string> {
  const body = await ok(t.client().post('/api/join', { name: '申请人', idNumber: fakeIdNumber('19950505'), phone: '13700001111', orgId, username, password: 'Apply#2026', consent: true, employerName }));
  return body.ref as string;
}
export const applicationId = async (admin: TestClient, username: string) =>
  ((await ok(admin.get('/api/member-applications?pageSize=200'))).items as { id: number; username: string }[]).find((a) => a.username === username)!.id;
const ask = async (c: TestClient, membership: number, toOrgId: number) => {
  const r = await c.post(`/api/memberships/${membership}/transfer`, { toOrgId, transferredOn: '2025-01-01' });
  if (r.body.status !== 'pending') throw new Error(JSON.stringify(r.body));
  return r.body.transferId as number;
};
/** A roster with one wrong row naming the union `code`: its job ends invalid, with an error file. */
const badRoster = (code: string) => xlsx([ROSTER_HEADER, ['坏行', '', '', '123', '', '', '', '', '', '', code, '', '']]);

export const matrix = defineMatrixPart({
  module: 'members',
  rows: {
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
  },
  exempt: {
    'GET /api/join/unions': 'public joining: the list of unions a worker may join',
    'POST /api/join': 'public joining: the application',
    'GET /api/join/:ref': 'public joining: an application’s status by unguessable reference',
    'GET /api/member-transfers/unions': 'the directory of unions (names and codes, as on the public joining page) to choose where a member moves',
    'GET /api/me/member': 'the member’s own record',
    'GET /api/members/due': OWN_SCOPE_COUNTS,
    'GET /api/imports/members/template.xlsx': BLANK_TEMPLATE,
    'POST /api/imports/members': 'a row naming a union or street outside the importer’s scope is refused row by row, and the whole file is then rejected (member.routes.test.ts: "rows outside the scope")',
  },
  exemptWrites: {
    'POST /api/join': {
      role: 'anonymous',
      req: (f) => ({ method: 'POST', url: '/api/join', body: { name: '审计申请人', idNumber: fakeIdNumber('19960606'), phone: '13700002222', orgId: f.ownOrg, username: 'matrixaudit', password: 'Apply#2026', consent: true, employerName: '锦绣' } }),
    },
  },
  exemptWritesUnsent: {
    'POST /api/imports/members': 'an import writes its audit row when its rows commit, on the worker’s schedule (member-import.test.ts)',
  },
  // The members' records, and the member-roster import jobs the platform's import rows read (imports.matrix.ts).
  async foreign({ t, admin, songling, foreign, third }) {
    const fm = await createMember(songling, foreign.id, '松岭会员', { remark: MARKER });
    const fd = await createMember(songling, foreign.id, '松岭会员', { remark: MARKER });
    await apply(t, foreign.id, 'matrixapp1', MARKER);
    return {
      foreignMember: fm.memberId,
      foreignDup: fd.memberId,
      foreignMembership: fm.memberships[0]!.id,
      foreignApplication: await applicationId(admin, 'matrixapp1'),
      foreignTransfer: await ask(songling, fm.memberships[0]!.id, third.id),
      foreignJob: (await runImport(t, songling, 'members', await badRoster(foreign.code))).body.id,
    };
  },
  async own({ t, admin, songling, jinxiu, songling2, third, tag, client }, f) {
    const om = await createMember(jinxiu, f.ownOrg, '矩阵会员');
    const od = await createMember(jinxiu, f.ownOrg, '矩阵会员');
    const om2 = await createMember(jinxiu, f.ownOrg, '矩阵会员二', { phone: '13911113333' });
    await apply(t, f.ownOrg, `matrixapp2${tag}`, '锦绣');
    await apply(t, f.ownOrg, `matrixapp3${tag}`, '锦绣');
    const inbound = async () => ask(songling, (await createMember(songling, songling2.id, '转入候选')).memberships[0]!.id, f.ownOrg);
    return {
      ownMember: om.memberId,
      ownDup: od.memberId,
      ownMembership: om.memberships[0]!.id,
      ownMembership2: om2.memberships[0]!.id,
      /** A second member of the own union with no record in any other ledger yet (mutual aid enrols, health checks sign up). */
      ownMember2: om2.memberId,
      ownApplication: await applicationId(admin, `matrixapp2${tag}`),
      ownApplication2: await applicationId(admin, `matrixapp3${tag}`),
      // An import job is its importer's own: the role's own client runs it.
      ownJob: (await runImport(t, client, 'members', await badRoster(f.ownOrgCode))).body.id,
      ownIncoming: await inbound(),
      ownIncoming2: await inbound(),
      ownOutgoing: await ask(jinxiu, (await createMember(jinxiu, f.ownOrg, '转出候选', { phone: '13911115555' })).memberships[0]!.id, third.id),
    };
  },
});
