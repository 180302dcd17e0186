/**
 * Authorization matrix (等保 8.1.4.2 / ASVS 8.2.2): every API route × every role below the district × a
 * record in another subtree must be denied (401/403/404, or absent from a list or export), and the
 * foreign record must be unchanged afterwards. A positive control aims the same request at a record
 * inside the scope, so a denial cannot come from a malformed request. A route added without a row here
 * fails the coverage test, so new routes must join the matrix.
 *
 * District roles administer the whole (single-rooted) tree, so no record lies outside their scope; their
 * reach is covered by the positive controls.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { ROLES, type RoleCode } from '@modules/accounts/shared/roles';
import { DEMO_PASSWORD } from '../src/server/demo';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, runImport, type TestApp, type TestClient, type TestResponse } from './app';
import { fakeIdNumber, fakeUscc, ROSTER_HEADER, xlsx } from './fixtures/people';

interface Fixture {
  /** Which positive control the own records are for (names of created records carry it, to stay unique). */
  tag: string;
  foreignOrg: number;
  foreignParent: number;
  foreignOrgCode: string;
  foreignAccount: number;
  ownOrg: number;
  ownParent: number;
  ownAccount: number;
  foreignReport: number;
  ownReport: number;
  foreignMember: number;
  foreignDup: number;
  foreignMembership: number;
  ownMember: number;
  ownDup: number;
  ownMembership: number;
  ownMembership2: number;
  ownOrgCode: string;
  ownSiblingCode: string;
  ownSibling: number;
  /** An own grassroots union with no members: the bulk membership routes succeed on it without moving anyone. */
  ownEmptyOrg: number;
  /** An own grassroots union with no members, closed and reopened by the positive control. */
  ownClosable: number;
  foreignEmployer: number;
  ownEmployer: number;
  foreignApplication: number;
  ownApplication: number;
  ownApplication2: number;
  foreignJob: number;
  ownJob: number;
  foreignAssessment: number;
  ownAssessment: number;
  ownItem: number;
  ownItems: number[];
  foreignEvidence: number;
  ownEvidence: number;
  ownEvidence2: number;
  foreignHonour: number;
  ownHonour: number;
  foreignCase: number;
  ownCase: number;
  foreignCaseFile: number;
  ownCaseFile: number;
  foreignAid: number;
  ownAid: number;
  ownAid2: number;
  foreignCampaign: number;
  ownCampaign: number;
  ownCampaign2: number;
  foreignScreening: number;
  ownScreening: number;
  ownScreening2: number;
  plan: number;
  foreignEnrolment: number;
  ownEnrolment: number;
  ownEnrolment2: number;
  foreignClaim: number;
  ownClaim: number;
  foreignClaimFile: number;
  ownClaimFile: number;
  programme: number;
  foreignSignup: number;
  ownSignup: number;
  ownSignup2: number;
  ownSignupDone: number;
  foreignTransfer: number;
  ownSubmitted: number;
  ownIncoming: number;
  ownIncoming2: number;
  ownOutgoing: number;
}

interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A minimal PDF for evidence uploads. */
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const evidence = (assessment: number, item: number): Req => ({
  method: 'POST',
  url: `/api/standards/assessments/${assessment}/items/${item}/evidence?fileName=${encodeURIComponent('佐证.pdf')}`,
  body: PDF,
  headers: { 'content-type': 'application/octet-stream' },
});

interface Case {
  /** Requests aimed at the foreign subtree. */
  foreign(f: Fixture): Req[];
  /** The same kind of request aimed inside jinxiu's scope: must succeed for jinxiu and the district roles. */
  own(f: Fixture): Req;
  /** Extra leak test for responses that carry no marker text. */
  leaks?(r: TestResponse, f: Fixture): boolean;
}

const MARKER = '松岭专用标记地址';
const YEAR = new Date().getFullYear();

const caseFile = (caseId: number): Req => ({
  method: 'POST',
  url: `/api/hardship/cases/${caseId}/files?kind=authorization&fileName=${encodeURIComponent('授权书.pdf')}`,
  body: PDF,
  headers: { 'content-type': 'application/octet-stream' },
});
const claimFile = (claimId: number): Req => ({
  method: 'POST',
  url: `/api/mutual-aid/claims/${claimId}/files?kind=diagnosis&fileName=${encodeURIComponent('诊断证明.pdf')}`,
  body: PDF,
  headers: { 'content-type': 'application/octet-stream' },
});
/** A household below the demo's 低保 standard (relative or deep hardship). */
const HOUSEHOLD = { householdSize: 3, incomes: [{ kind: 'wage', annualFen: 3_000_000 }], expenses: [], accidentLossFen: 0, members: [] };

const ORG_LIST_LEAKS = (r: TestResponse, f: Fixture) => r.status === 200 && JSON.stringify(r.body).includes(f.foreignOrgCode);

/** Route key → how to aim it at another subtree. */
const MATRIX: Record<string, Case> = {
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
  'GET /api/accounts': {
    foreign: (f) => [{ method: 'GET', url: `/api/accounts?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/accounts?q=songling' }],
    own: (f) => ({ method: 'GET', url: `/api/accounts?underId=${f.ownParent}` }),
  },
  'GET /api/accounts/export.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/accounts/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/accounts/export.xlsx' }],
    own: (f) => ({ method: 'GET', url: `/api/accounts/export.xlsx?underId=${f.ownParent}` }),
  },
  'GET /api/accounts/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/accounts/${f.foreignAccount}` }],
    own: (f) => ({ method: 'GET', url: `/api/accounts/${f.ownAccount}` }),
  },
  'POST /api/accounts': {
    foreign: (f) => [{ method: 'POST', url: '/api/accounts', body: { username: 'intruder', displayName: '越权', orgId: f.foreignOrg, roles: ['grassroots_admin'] } }],
    own: (f) => ({ method: 'POST', url: '/api/accounts', body: { username: `matrixnew${f.tag}`, displayName: '矩阵', orgId: f.ownOrg, roles: ['grassroots_admin'] } }),
  },
  'PATCH /api/accounts/:id': {
    foreign: (f) => [{ method: 'PATCH', url: `/api/accounts/${f.foreignAccount}`, body: { displayName: '越权改名' } }],
    own: (f) => ({ method: 'PATCH', url: `/api/accounts/${f.ownAccount}`, body: { displayName: '矩阵改名' } }),
  },
  'POST /api/accounts/:id/reset-password': {
    foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/reset-password`, body: {} }],
    own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/reset-password`, body: {} }),
  },
  'POST /api/accounts/:id/disable': {
    foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/disable` }],
    own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/disable` }),
  },
  'POST /api/accounts/:id/enable': {
    foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/enable` }],
    own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/enable` }),
  },
  'POST /api/accounts/:id/unlock': {
    foreign: (f) => [{ method: 'POST', url: `/api/accounts/${f.foreignAccount}/unlock` }],
    own: (f) => ({ method: 'POST', url: `/api/accounts/${f.ownAccount}/unlock` }),
  },
  'GET /api/audit': {
    foreign: (f) => [{ method: 'GET', url: `/api/audit?orgId=${f.foreignParent}` }, { method: 'GET', url: '/api/audit?pageSize=200' }],
    own: (f) => ({ method: 'GET', url: `/api/audit?orgId=${f.ownParent}` }),
  },
  'GET /api/audit/export.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/audit/export.xlsx?orgId=${f.foreignParent}` }, { method: 'GET', url: '/api/audit/export.xlsx' }],
    own: (f) => ({ method: 'GET', url: `/api/audit/export.xlsx?orgId=${f.ownParent}` }),
  },
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
  'GET /api/imports/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/imports/${f.foreignJob}` }],
    own: (f) => ({ method: 'GET', url: `/api/imports/${f.ownJob}` }),
  },
  'GET /api/imports/:id/errors.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/imports/${f.foreignJob}/errors.xlsx` }],
    own: (f) => ({ method: 'GET', url: `/api/imports/${f.ownJob}/errors.xlsx` }),
  },
  'GET /api/employers': {
    foreign: (f) => [{ method: 'GET', url: `/api/employers?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employers?pageSize=200&coverage=uncovered' }],
    own: (f) => ({ method: 'GET', url: `/api/employers?underId=${f.ownParent}` }),
  },
  'GET /api/employers/export.xlsx': {
    foreign: (f) => [{ method: 'GET', url: `/api/employers/export.xlsx?underId=${f.foreignParent}` }, { method: 'GET', url: '/api/employers/export.xlsx' }],
    own: (f) => ({ method: 'GET', url: `/api/employers/export.xlsx?underId=${f.ownParent}` }),
  },
  'GET /api/employers/gaps/summary': {
    foreign: () => [{ method: 'GET', url: '/api/employers/gaps/summary' }],
    own: () => ({ method: 'GET', url: '/api/employers/gaps/summary' }),
    leaks: (r, f) => r.status === 200 && (r.body as { orgId: number }[]).some((x) => x.orgId === f.foreignParent),
  },
  'GET /api/employers/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/employers/${f.foreignEmployer}` }],
    own: (f) => ({ method: 'GET', url: `/api/employers/${f.ownEmployer}` }),
  },
  'POST /api/employers': {
    foreign: (f) => [{ method: 'POST', url: '/api/employers', body: { name: '越权登记单位', uscc: fakeUscc(), orgId: f.foreignParent, employees: 30 } }],
    own: (f) => ({ method: 'POST', url: '/api/employers', body: { name: `矩阵登记单位${f.tag}`, uscc: fakeUscc(), orgId: f.ownParent, employees: 30 } }),
  },
  'PATCH /api/employers/:id': {
    foreign: (f) => [{ method: 'PATCH', url: `/api/employers/${f.foreignEmployer}`, body: { employees: 1 } }],
    own: (f) => ({ method: 'PATCH', url: `/api/employers/${f.ownEmployer}`, body: { employees: 40 } }),
  },
  'POST /api/employers/:id/cover': {
    foreign: (f) => [
      { method: 'POST', url: `/api/employers/${f.foreignEmployer}/cover`, body: { orgId: f.ownOrg, since: '2024-01-01' } },
      { method: 'POST', url: `/api/employers/${f.ownEmployer}/cover`, body: { orgId: f.foreignOrg, since: '2024-01-01' } },
    ],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/cover`, body: { orgId: f.ownOrg, since: '2024-01-01' } }),
  },
  'POST /api/employers/:id/uncover': {
    foreign: (f) => [{ method: 'POST', url: `/api/employers/${f.foreignEmployer}/uncover` }],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/uncover` }),
  },
  'POST /api/employers/:id/founding': {
    foreign: (f) => [{ method: 'POST', url: `/api/employers/${f.foreignEmployer}/founding`, body: { stage: 'visiting' } }],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/founding`, body: { stage: 'visiting', note: '矩阵' } }),
  },
  'POST /api/employers/:id/found': {
    foreign: (f) => [{ method: 'POST', url: `/api/employers/${f.foreignEmployer}/found`, body: { unionName: '越权成立工会', kind: 'enterprise', openedOn: '2025-01-01' } }],
    own: (f) => ({ method: 'POST', url: `/api/employers/${f.ownEmployer}/found`, body: { unionName: `矩阵成立工会${f.tag}`, kind: 'enterprise', openedOn: '2025-01-01' } }),
  },
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
  'GET /api/standards/assessments': {
    foreign: () => [{ method: 'GET', url: `/api/standards/assessments?year=${YEAR}&pageSize=200` }, { method: 'GET', url: `/api/standards/assessments?year=${YEAR}&status=draft&pageSize=200` }],
    own: () => ({ method: 'GET', url: `/api/standards/assessments?year=${YEAR}` }),
  },
  'GET /api/standards/assessments/export.xlsx': {
    foreign: () => [{ method: 'GET', url: `/api/standards/assessments/export.xlsx?year=${YEAR}` }],
    own: () => ({ method: 'GET', url: `/api/standards/assessments/export.xlsx?year=${YEAR}` }),
  },
  'POST /api/standards/assessments': {
    foreign: (f) => [{ method: 'POST', url: '/api/standards/assessments', body: { orgId: f.foreignOrg, year: YEAR - 1, series: 'liuyou' } }],
    // Starting one for a union that has one already returns it unchanged: start one for a union without.
    own: (f) => ({ method: 'POST', url: '/api/standards/assessments', body: { orgId: f.ownEmptyOrg, year: YEAR, series: 'liuyou' } }),
  },
  'GET /api/standards/assessments/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/standards/assessments/${f.foreignAssessment}` }],
    own: (f) => ({ method: 'GET', url: `/api/standards/assessments/${f.ownAssessment}` }),
  },
  'PUT /api/standards/assessments/:id/self': {
    foreign: (f) => [{ method: 'PUT', url: `/api/standards/assessments/${f.foreignAssessment}/self`, body: { scores: [] } }],
    own: (f) => ({ method: 'PUT', url: `/api/standards/assessments/${f.ownAssessment}/self`, body: { scores: f.ownItems.map((itemId) => ({ itemId, score: 0 })) } }),
  },
  'POST /api/standards/assessments/:id/items/:itemId/evidence': {
    foreign: (f) => [evidence(f.foreignAssessment, f.ownItem)],
    own: (f) => evidence(f.ownAssessment, f.ownItem),
  },
  'GET /api/standards/evidence/:id/file': {
    foreign: (f) => [{ method: 'GET', url: `/api/standards/evidence/${f.foreignEvidence}/file` }],
    own: (f) => ({ method: 'GET', url: `/api/standards/evidence/${f.ownEvidence2}/file` }),
  },
  'DELETE /api/standards/evidence/:id': {
    foreign: (f) => [{ method: 'DELETE', url: `/api/standards/evidence/${f.foreignEvidence}` }],
    own: (f) => ({ method: 'DELETE', url: `/api/standards/evidence/${f.ownEvidence}` }),
  },
  'POST /api/standards/assessments/:id/submit': {
    foreign: (f) => [{ method: 'POST', url: `/api/standards/assessments/${f.foreignAssessment}/submit` }],
    own: (f) => ({ method: 'POST', url: `/api/standards/assessments/${f.ownAssessment}/submit` }),
  },
  'POST /api/standards/assessments/:id/review': {
    foreign: (f) => [{ method: 'POST', url: `/api/standards/assessments/${f.foreignAssessment}/review`, body: { decision: 'return', opinion: '越权退回' } }],
    // jinxiu filled ownAssessment in, so it may not review it (STANDARD.FILLER_REVIEW): review one the district filled.
    own: (f) => ({ method: 'POST', url: `/api/standards/assessments/${f.ownSubmitted}/review`, body: { decision: 'return', opinion: '矩阵退回' } }),
  },
  'GET /api/standards/honours': {
    foreign: () => [{ method: 'GET', url: '/api/standards/honours?pageSize=200' }, { method: 'GET', url: `/api/standards/honours?q=${encodeURIComponent(MARKER)}` }],
    own: () => ({ method: 'GET', url: '/api/standards/honours' }),
  },
  'GET /api/standards/honours/export.xlsx': {
    foreign: () => [{ method: 'GET', url: '/api/standards/honours/export.xlsx' }],
    own: () => ({ method: 'GET', url: '/api/standards/honours/export.xlsx' }),
  },
  'POST /api/standards/honours': {
    foreign: (f) => [{ method: 'POST', url: '/api/standards/honours', body: { orgId: f.foreignOrg, title: '越权荣誉', level: 'district', year: YEAR, awardingBody: '云溪区总工会' } }],
    own: (f) => ({ method: 'POST', url: '/api/standards/honours', body: { orgId: f.ownOrg, title: '职工小家', level: 'district', year: YEAR, awardingBody: '云溪区总工会' } }),
  },
  'POST /api/standards/honours/:id/revoke': {
    foreign: (f) => [{ method: 'POST', url: `/api/standards/honours/${f.foreignHonour}/revoke`, body: { revokedOn: `${YEAR}-01-02`, reason: '越权撤销' } }],
    own: (f) => ({ method: 'POST', url: `/api/standards/honours/${f.ownHonour}/revoke`, body: { revokedOn: `${YEAR}-01-02`, reason: '矩阵撤销' } }),
  },
  'GET /api/hardship/cases': {
    foreign: () => [{ method: 'GET', url: '/api/hardship/cases?pageSize=200' }, { method: 'GET', url: `/api/hardship/cases?q=${encodeURIComponent('松岭会员')}` }],
    own: () => ({ method: 'GET', url: '/api/hardship/cases' }),
  },
  'GET /api/hardship/cases/export': {
    foreign: () => [{ method: 'GET', url: '/api/hardship/cases/export' }],
    own: () => ({ method: 'GET', url: '/api/hardship/cases/export' }),
  },
  'POST /api/hardship/cases': {
    foreign: (f) => [{ method: 'POST', url: '/api/hardship/cases', body: { memberId: f.foreignDup, primaryCause: 'illness', assessment: HOUSEHOLD } }],
    own: (f) => ({ method: 'POST', url: '/api/hardship/cases', body: { memberId: f.ownDup, primaryCause: 'illness', assessment: HOUSEHOLD } }),
  },
  'GET /api/hardship/cases/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/hardship/cases/${f.foreignCase}` }],
    own: (f) => ({ method: 'GET', url: `/api/hardship/cases/${f.ownCase}` }),
  },
  'POST /api/hardship/cases/:id/steps': {
    foreign: (f) => [
      { method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/steps`, body: { action: 'first_review' } },
      { method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/steps`, body: { action: 'reject', opinion: '越权不予建档' } },
    ],
    own: (f) => ({ method: 'POST', url: `/api/hardship/cases/${f.ownCase}/steps`, body: { action: 'first_review' } }),
  },
  'POST /api/hardship/cases/:id/consent': {
    foreign: (f) => [{ method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/consent`, body: { covers: ['name'] } }],
    own: (f) => ({ method: 'POST', url: `/api/hardship/cases/${f.ownCase}/consent`, body: { covers: ['name', 'union'] } }),
  },
  'POST /api/hardship/cases/:id/files': {
    foreign: (f) => [caseFile(f.foreignCase)],
    own: (f) => caseFile(f.ownCase),
  },
  'GET /api/hardship/files/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/hardship/files/${f.foreignCaseFile}` }],
    own: (f) => ({ method: 'GET', url: `/api/hardship/files/${f.ownCaseFile}` }),
  },
  'POST /api/hardship/cases/:id/finances': {
    foreign: (f) => [{ method: 'POST', url: `/api/hardship/cases/${f.foreignCase}/finances` }],
    own: (f) => ({ method: 'POST', url: `/api/hardship/cases/${f.ownCase}/finances` }),
  },
  'GET /api/aid': {
    foreign: () => [{ method: 'GET', url: '/api/aid?pageSize=200' }, { method: 'GET', url: `/api/aid?q=${encodeURIComponent('松岭会员')}` }],
    own: () => ({ method: 'GET', url: '/api/aid' }),
  },
  'GET /api/aid/export': {
    foreign: () => [{ method: 'GET', url: '/api/aid/export' }],
    own: () => ({ method: 'GET', url: '/api/aid/export' }),
  },
  'POST /api/aid': {
    foreign: (f) => [{ method: 'POST', url: '/api/aid', body: { memberId: f.foreignDup, kind: 'living', form: 'cash', amountFen: 10_000, givenOn: `${YEAR}-01-05`, fundSource: 'union' } }],
    own: (f) => ({ method: 'POST', url: '/api/aid', body: { memberId: f.ownDup, kind: 'living', form: 'cash', amountFen: 10_000, givenOn: `${YEAR}-01-05`, fundSource: 'union' } }),
  },
  'POST /api/aid/:id/sign': {
    foreign: (f) => [{ method: 'POST', url: `/api/aid/${f.foreignAid}/sign`, body: { signedOn: `${YEAR}-01-06` } }],
    own: (f) => ({ method: 'POST', url: `/api/aid/${f.ownAid}/sign`, body: { signedOn: `${YEAR}-01-06` } }),
  },
  'POST /api/aid/:id/cancel': {
    foreign: (f) => [{ method: 'POST', url: `/api/aid/${f.foreignAid}/cancel`, body: { reason: '越权撤销' } }],
    own: (f) => ({ method: 'POST', url: `/api/aid/${f.ownAid2}/cancel`, body: { reason: '矩阵撤销' } }),
  },
  'GET /api/campaigns': {
    foreign: () => [{ method: 'GET', url: '/api/campaigns' }],
    own: () => ({ method: 'GET', url: '/api/campaigns' }),
  },
  'POST /api/campaigns/:id/recipients': {
    foreign: (f) => [{ method: 'POST', url: `/api/campaigns/${f.foreignCampaign}/recipients`, body: { source: 'cases', form: 'cash', amountFen: 10_000, fundSource: 'union', givenOn: `${YEAR}-01-05` } }],
    own: (f) => ({ method: 'POST', url: `/api/campaigns/${f.ownCampaign}/recipients`, body: { source: 'cases', form: 'cash', amountFen: 10_000, fundSource: 'union', givenOn: `${YEAR}-01-05` } }),
  },
  'POST /api/campaigns/:id/close': {
    foreign: (f) => [{ method: 'POST', url: `/api/campaigns/${f.foreignCampaign}/close` }],
    own: (f) => ({ method: 'POST', url: `/api/campaigns/${f.ownCampaign2}/close` }),
  },
  'GET /api/screenings': {
    foreign: () => [{ method: 'GET', url: '/api/screenings' }],
    own: () => ({ method: 'GET', url: '/api/screenings' }),
  },
  'GET /api/screenings/:id/progress': {
    foreign: (f) => [{ method: 'GET', url: `/api/screenings/${f.foreignScreening}/progress` }],
    own: (f) => ({ method: 'GET', url: `/api/screenings/${f.ownScreening}/progress` }),
  },
  'POST /api/screenings/:id/checks': {
    foreign: (f) => [
      { method: 'POST', url: `/api/screenings/${f.foreignScreening}/checks`, body: { memberId: f.foreignDup, outcome: 'no_hardship' } },
      { method: 'POST', url: `/api/screenings/${f.ownScreening}/checks`, body: { memberId: f.foreignDup, outcome: 'no_hardship' } },
    ],
    own: (f) => ({ method: 'POST', url: `/api/screenings/${f.ownScreening}/checks`, body: { memberId: f.ownDup, outcome: 'no_hardship' } }),
  },
  'POST /api/screenings/:id/close': {
    foreign: (f) => [{ method: 'POST', url: `/api/screenings/${f.foreignScreening}/close` }],
    own: (f) => ({ method: 'POST', url: `/api/screenings/${f.ownScreening2}/close` }),
  },
  'GET /api/mutual-aid/plans': {
    foreign: () => [{ method: 'GET', url: '/api/mutual-aid/plans' }],
    own: () => ({ method: 'GET', url: '/api/mutual-aid/plans' }),
  },
  'GET /api/mutual-aid/plans/:id/quotas': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/quotas` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/quotas` }),
    leaks: (r, f) => r.status === 200 && (r.body as { orgId: number }[]).some((q) => q.orgId === f.foreignParent),
  },
  'GET /api/mutual-aid/plans/:id/enrolments': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments?q=${encodeURIComponent('松岭会员')}` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments` }),
  },
  'GET /api/mutual-aid/plans/:id/enrolments/export': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments/export` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/enrolments/export` }),
  },
  'POST /api/mutual-aid/plans/:id/enrolments': {
    foreign: (f) => [{ method: 'POST', url: `/api/mutual-aid/plans/${f.plan}/enrolments`, body: { memberId: f.foreignDup, shares: 1, paidOn: `${YEAR}-01-03` } }],
    own: (f) => ({ method: 'POST', url: `/api/mutual-aid/plans/${f.plan}/enrolments`, body: { memberId: f.ownDup, shares: 1, paidOn: `${YEAR}-01-03` } }),
  },
  'POST /api/mutual-aid/enrolments/:id/withdraw': {
    foreign: (f) => [{ method: 'POST', url: `/api/mutual-aid/enrolments/${f.foreignEnrolment}/withdraw`, body: { reason: '越权退保' } }],
    own: (f) => ({ method: 'POST', url: `/api/mutual-aid/enrolments/${f.ownEnrolment2}/withdraw`, body: { reason: '矩阵退保' } }),
  },
  'GET /api/mutual-aid/plans/:id/claims': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims` }),
  },
  'GET /api/mutual-aid/plans/:id/claims/export': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims/export` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/plans/${f.plan}/claims/export` }),
  },
  'POST /api/mutual-aid/claims': {
    foreign: (f) => [{ method: 'POST', url: '/api/mutual-aid/claims', body: { enrolmentId: f.foreignEnrolment, diagnosis: '越权理赔', hospital: '区人民医院', admittedOn: `${YEAR}-01-05`, claimedFen: 1000 } }],
    own: (f) => ({ method: 'POST', url: '/api/mutual-aid/claims', body: { enrolmentId: f.ownEnrolment, diagnosis: '矩阵理赔', hospital: '区人民医院', admittedOn: `${YEAR}-01-05`, claimedFen: 1000 } }),
  },
  'POST /api/mutual-aid/claims/:id/diagnosis': {
    foreign: (f) => [{ method: 'POST', url: `/api/mutual-aid/claims/${f.foreignClaim}/diagnosis` }],
    own: (f) => ({ method: 'POST', url: `/api/mutual-aid/claims/${f.ownClaim}/diagnosis` }),
  },
  'POST /api/mutual-aid/claims/:id/files': {
    foreign: (f) => [claimFile(f.foreignClaim)],
    own: (f) => claimFile(f.ownClaim),
  },
  'GET /api/mutual-aid/claim-files/:id': {
    foreign: (f) => [{ method: 'GET', url: `/api/mutual-aid/claim-files/${f.foreignClaimFile}` }],
    own: (f) => ({ method: 'GET', url: `/api/mutual-aid/claim-files/${f.ownClaimFile}` }),
  },
  'GET /api/health-checks': {
    foreign: () => [{ method: 'GET', url: '/api/health-checks' }],
    own: () => ({ method: 'GET', url: '/api/health-checks' }),
  },
  'GET /api/health-checks/:id/signups': {
    foreign: (f) => [{ method: 'GET', url: `/api/health-checks/${f.programme}/signups?q=${encodeURIComponent('松岭会员')}` }],
    own: (f) => ({ method: 'GET', url: `/api/health-checks/${f.programme}/signups` }),
  },
  'GET /api/health-checks/:id/signups/export': {
    foreign: (f) => [{ method: 'GET', url: `/api/health-checks/${f.programme}/signups/export` }],
    own: (f) => ({ method: 'GET', url: `/api/health-checks/${f.programme}/signups/export` }),
  },
  'POST /api/health-checks/:id/signups': {
    foreign: (f) => [{ method: 'POST', url: `/api/health-checks/${f.programme}/signups`, body: { memberId: f.foreignDup, group: 'frontline', slotOn: `${YEAR}-06-01` } }],
    own: (f) => ({ method: 'POST', url: `/api/health-checks/${f.programme}/signups`, body: { memberId: f.ownDup, group: 'frontline', slotOn: `${YEAR}-06-01` } }),
  },
  'POST /api/health-checks/signups/:id/cancel': {
    foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/cancel` }],
    own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignup2}/cancel` }),
  },
  'POST /api/health-checks/signups/:id/done': {
    foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/done`, body: { doneOn: `${YEAR}-01-02` } }],
    own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignup}/done`, body: { doneOn: `${YEAR}-01-02` } }),
  },
  'POST /api/health-checks/signups/:id/results': {
    foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/results`, body: { abnormal: true, findings: '越权登记' } }],
    own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignupDone}/results`, body: { abnormal: false, findings: '矩阵登记' } }),
  },
  'POST /api/health-checks/signups/:id/results/view': {
    foreign: (f) => [{ method: 'POST', url: `/api/health-checks/signups/${f.foreignSignup}/results/view` }],
    own: (f) => ({ method: 'POST', url: `/api/health-checks/signups/${f.ownSignupDone}/results/view` }),
  },
  'GET /api/hardship/cases/:id/notice': {
    foreign: (f) => [{ method: 'GET', url: `/api/hardship/cases/${f.foreignCase}/notice` }],
    own: (f) => ({ method: 'GET', url: `/api/hardship/cases/${f.ownCase}/notice` }),
  },
};

/** Routes outside the matrix (they take no record of anyone else), each with the reason; a test checks each still exists. */
const NO_RECORD = 'public entry point, the caller’s own session or a static list: no record of anyone else';
const OWN_SCOPE_COUNTS = 'counts over the caller’s own scope only';
const CHECKLISTS = 'standardisation standards are district-wide, not a subtree’s record: readable by every administrator, maintained by the district only (standard.routes.test.ts: "only the district maintains standards")';
const HARDSHIP_SETTINGS = 'hardship parameters are district-wide (the 低保 standard, intervals): readable by administrators, set by the district only (hardship.routes.test.ts)';
const MY_CASES = 'the member’s own applications: each takes only the caller’s own case (hardship.routes.test.ts: "a member cannot act on another member’s case")';
const AID_DISTRICT = 'aid approval and the 金秋助学 rates belong to the district (hardship.file, hardship.config), whose roles administer the whole tree (aid.routes.test.ts: "approved by the district")';
const OWN_UNION = 'created under the caller’s own union: there is no foreign record to aim it at';
const MUTUAL_AID_DISTRICT = 'mutual-aid plans, their targets and the decisions on claims belong to the district (mutualaid.manage), whose roles administer the whole tree (mutual-aid.routes.test.ts: "lets only the district set up a plan", "the union cannot decide")';
const HEALTH_DISTRICT = 'health-check programmes belong to the district (healthcheck.manage; health-check.routes.test.ts: "lets the district set up a programme")';
const MY_HEALTH = 'the worker’s own side takes only the caller’s own sign-ups (health-check.routes.test.ts: "Not someone else’s sign-up")';
const EXEMPT: Record<string, string> = {
  'GET /api/health': NO_RECORD,
  'GET /api/openapi.json': NO_RECORD,
  'GET /api/setup/status': NO_RECORD,
  'POST /api/setup': NO_RECORD,
  'POST /api/auth/login': NO_RECORD,
  'POST /api/auth/logout': NO_RECORD,
  'GET /api/auth/me': NO_RECORD,
  'POST /api/auth/password': NO_RECORD,
  'GET /api/orgs/kinds': NO_RECORD,
  'GET /api/roles': NO_RECORD,
  'GET /api/audit/actions': NO_RECORD,
  'GET /api/indicators': NO_RECORD,
  'GET /api/reports/capabilities': NO_RECORD,
  'GET /api/imports': 'the caller’s own import jobs',
  'GET /api/imports/members/template.xlsx': 'a blank template',
  'GET /api/imports/employers/template.xlsx': 'a blank template',
  'GET /api/imports/mutual-aid-enrolments/template.xlsx': 'a blank template',
  'POST /api/imports/members': 'a row naming a union or street outside the importer’s scope is refused row by row, and the whole file is then rejected (member.routes.test.ts: "rows outside the scope")',
  'POST /api/imports/employers': 'a row naming a union or street outside the importer’s scope is refused row by row, and the whole file is then rejected (employer.routes.test.ts: "rows outside the scope")',
  'POST /api/imports/mutual-aid-enrolments': 'an enrolment upload refuses, row by row, members outside the importer’s scope (mutual-aid.routes.test.ts: "imports an enrolment list")',
  'GET /api/members/due': OWN_SCOPE_COUNTS,
  'GET /api/unions/elections/summary': OWN_SCOPE_COUNTS,
  'GET /api/standards/summary': OWN_SCOPE_COUNTS,
  'GET /api/hardship/due': OWN_SCOPE_COUNTS,
  'GET /api/aid/summary': OWN_SCOPE_COUNTS,
  'GET /api/mutual-aid/due': OWN_SCOPE_COUNTS,
  'GET /api/health-checks/due': OWN_SCOPE_COUNTS,
  'GET /api/join/unions': 'public joining: the list of unions a worker may join',
  'POST /api/join': 'public joining: the application',
  'GET /api/join/:ref': 'public joining: an application’s status by unguessable reference',
  'GET /api/member-transfers/unions': 'the directory of unions (names and codes, as on the public joining page) to choose where a member moves',
  'GET /api/me/member': 'the member’s own record',
  'GET /api/standards/checklists': CHECKLISTS,
  'GET /api/standards/checklists/:id': CHECKLISTS,
  'POST /api/standards/checklists': CHECKLISTS,
  'PUT /api/standards/checklists/:id': CHECKLISTS,
  'POST /api/standards/checklists/:id/versions': CHECKLISTS,
  'POST /api/standards/checklists/:id/publish': CHECKLISTS,
  'DELETE /api/standards/checklists/:id': CHECKLISTS,
  'GET /api/hardship/settings': HARDSHIP_SETTINGS,
  'PUT /api/hardship/settings': HARDSHIP_SETTINGS,
  'POST /api/hardship/thresholds': HARDSHIP_SETTINGS,
  'GET /api/hardship/my': MY_CASES,
  'POST /api/hardship/my/cases': MY_CASES,
  'POST /api/hardship/my/cases/:id/files': MY_CASES,
  'POST /api/hardship/my/cases/:id/consent': MY_CASES,
  'POST /api/hardship/my/cases/:id/withdraw': MY_CASES,
  'POST /api/aid/:id/approve': AID_DISTRICT,
  'GET /api/aid/education-rates': AID_DISTRICT,
  'PUT /api/aid/education-rates': AID_DISTRICT,
  'POST /api/campaigns': OWN_UNION,
  'POST /api/screenings': OWN_UNION,
  'POST /api/mutual-aid/plans': MUTUAL_AID_DISTRICT,
  'POST /api/mutual-aid/plans/:id/close': MUTUAL_AID_DISTRICT,
  'PUT /api/mutual-aid/plans/:id/quotas': MUTUAL_AID_DISTRICT,
  'POST /api/mutual-aid/claims/:id/decision': MUTUAL_AID_DISTRICT,
  'POST /api/health-checks': HEALTH_DISTRICT,
  'POST /api/health-checks/:id/close': HEALTH_DISTRICT,
  'GET /api/me/health-checks': MY_HEALTH,
  'GET /api/me/mutual-aid': 'the member’s own enrolments and claims',
  'POST /api/me/health-checks/:id/signups': MY_HEALTH,
  'POST /api/me/health-checks/signups/:id/cancel': MY_HEALTH,
};

async function send(c: TestClient, r: Req) {
  return c.request(r.method, r.url, r.body, r.headers);
}

/** Text of a response for leak checks: JSON, or every cell of an Excel export. */
async function textOf(r: TestResponse): Promise<string> {
  const type = String(r.raw.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) return JSON.stringify(await readXlsxRows(r.raw.rawPayload));
  return typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
}

/**
 * The account that plays each role (demo accounts; the member is a worker who joined through the public page and
 * was approved, so the account has its own member record); a test checks every role in ROLES has one.
 */
const ROLE_ACCOUNTS: Record<RoleCode, { username: string; password?: string }> = {
  district_admin: { username: 'admin' },
  district_staff: { username: 'staff' },
  intermediate_admin: { username: 'jinxiu' },
  grassroots_admin: { username: 'union' },
  member: { username: 'matrixmember', password: 'Apply#2026' },
};
/**
 * What the matrix asks of each role. `foreign`: every request aimed at another subtree is denied (roles below the
 * district; district roles administer the whole single-rooted tree, so nothing lies outside their scope).
 * `positive`: the same requests aimed inside the scope succeed (on records of its own), every write writes an
 * audit row and every Excel export its `data.export` row. Every role: a route whose permission it lacks is refused.
 * A part skipped for a role names the reason.
 */
const ROLE_PLAN: Record<RoleCode, { foreign: true | string; positive: true | string }> = {
  district_admin: { foreign: 'the district administers the whole tree: no record lies outside its scope', positive: true },
  district_staff: { foreign: 'the district administers the whole tree: no record lies outside its scope', positive: true },
  intermediate_admin: { foreign: true, positive: true },
  grassroots_admin: {
    foreign: true,
    positive: 'the records are created in the street’s subtree, beside (not under) the grassroots union; its own scope is covered by the module route tests',
  },
  member: { foreign: true, positive: 'a member holds only self permissions: its own records are the exempt /api/me and /api/hardship/my routes' },
};

/**
 * Positive-control answers that are a business rule, not a refusal of scope, for the roles named (every role
 * when `roles` is absent). No audit row is expected from them.
 */
const BUSINESS_REFUSALS: Record<string, { code: string; reason: string; roles?: RoleCode[] }> = {
  'POST /api/orgs/:id/move': { code: 'ORG.SAME_PARENT', reason: 'moving a union under its current parent is refused after the scope check' },
  'GET /api/reports/:id/export.pdf': { code: 'REPORT.PDF_UNAVAILABLE', reason: 'the test machine has no LibreOffice to convert the report' },
};

/** Write routes whose positive control writes no audit row, each with the reason. */
const UNAUDITED_WRITES: Record<string, string> = {};

/**
 * The writes outside the matrix (EXEMPT): each is sent once, in order, by the role named (`anonymous`: a fresh
 * client), on the district administrator's records, and must succeed and write at least one audit row.
 */
interface AuditStep {
  role: RoleCode | 'anonymous';
  /** A client of its own (signed in for the step), instead of the role's. */
  client?(): Promise<TestClient>;
  req(f: Fixture, state: Record<string, number>): Promise<Req> | Req;
  /** Keeps a value of the answer for later steps. */
  keep?(body: any, state: Record<string, number>): void;
}
const TODAY = new Date().toISOString().slice(0, 10);
const CHECKLIST = { name: '矩阵标准', effectiveFrom: `${YEAR}-01-01`, gradeBands: [{ label: '合格', minScore: 1 }], items: [{ title: '矩阵项', maxScore: 1 }] };
const EXEMPT_WRITES: Record<string, AuditStep> = {
  'POST /api/join': {
    role: 'anonymous',
    req: (f) => ({ method: 'POST', url: '/api/join', body: { name: '审计申请人', idNumber: fakeIdNumber('19960606'), phone: '13700002222', orgId: f.ownOrg, username: 'matrixaudit', password: 'Apply#2026', consent: true, employerName: '锦绣' } }),
  },
  'POST /api/auth/login': { role: 'anonymous', req: () => ({ method: 'POST', url: '/api/auth/login', body: { username: 'staff', password: DEMO_PASSWORD } }) },
  'POST /api/auth/logout': { role: 'district_staff', client: () => t.as('staff'), req: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'POST /api/campaigns': { role: 'intermediate_admin', req: () => ({ method: 'POST', url: '/api/campaigns', body: { name: '矩阵审计活动', season: 'winter', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-02-01` } }) },
  'POST /api/screenings': { role: 'intermediate_admin', req: () => ({ method: 'POST', url: '/api/screenings', body: { name: '矩阵审计排查', deadline: `${YEAR}-12-31` } }) },
  'POST /api/hardship/thresholds': { role: 'district_admin', req: () => ({ method: 'POST', url: '/api/hardship/thresholds', body: { place: '外区', year: 2020, minimumLivingFen: 90_000 } }) },
  'PUT /api/hardship/settings': {
    role: 'district_admin',
    req: () => ({ method: 'PUT', url: '/api/hardship/settings', body: { reviewIntervalMonths: 12, exitMonths: 6, watchMonths: 12, watchVisitMonths: 6, exitIncomePercent: 100, relapseIncomePercent: 100, noticeDays: 5, visitDueDays: 15 } }),
  },
  'PUT /api/aid/education-rates': { role: 'district_admin', req: () => ({ method: 'PUT', url: '/api/aid/education-rates', body: { rates: [{ level: 'undergraduate', onFile: true, amountFen: 550_000 }] } }) },
  'POST /api/aid/:id/approve': {
    role: 'district_admin',
    async req(f) {
      const r = await send(clients.intermediate_admin!, { method: 'POST', url: '/api/aid', body: { memberId: f.ownMember, kind: 'living', form: 'cash', amountFen: 10_000, givenOn: `${YEAR}-01-07`, fundSource: 'union' } });
      return { method: 'POST', url: `/api/aid/${r.body.id}/approve` };
    },
  },
  'POST /api/mutual-aid/plans': {
    role: 'district_admin',
    req: () => ({ method: 'POST', url: '/api/mutual-aid/plans', body: { year: YEAR, name: '矩阵审计计划', product: 'inpatient', premiumFen: 3000, maxShares: 1, benefitPerShareFen: 100_000, coverStart: `${YEAR}-01-01`, coverEnd: `${YEAR}-12-31`, enrolUntil: `${YEAR}-12-31` } }),
    keep: (b, st) => (st.plan = b.id),
  },
  'PUT /api/mutual-aid/plans/:id/quotas': { role: 'district_admin', req: (f, st) => ({ method: 'PUT', url: `/api/mutual-aid/plans/${st.plan}/quotas`, body: { quotas: [{ orgId: f.ownParent, persons: 4 }] } }) },
  'POST /api/mutual-aid/plans/:id/close': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/mutual-aid/plans/${st.plan}/close` }) },
  'POST /api/mutual-aid/claims/:id/decision': { role: 'district_staff', req: (f) => ({ method: 'POST', url: `/api/mutual-aid/claims/${f.ownClaim}/decision`, body: { action: 'reject', opinion: '矩阵驳回' } }) },
  'POST /api/health-checks': {
    role: 'district_admin',
    req: () => ({ method: 'POST', url: '/api/health-checks', body: { year: YEAR, name: '矩阵审计体检', provider: '区人民医院', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, quotas: [{ group: 'frontline', places: 5 }] } }),
    keep: (b, st) => (st.programme = b.id),
  },
  'POST /api/me/health-checks/:id/signups': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/me/health-checks/${st.programme}/signups`, body: { group: 'frontline', slotOn: TODAY } }), keep: (b, st) => (st.signup = b.id) },
  'POST /api/me/health-checks/signups/:id/cancel': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/me/health-checks/signups/${st.signup}/cancel` }) },
  'POST /api/health-checks/:id/close': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/health-checks/${st.programme}/close` }) },
  'POST /api/hardship/my/cases': { role: 'member', req: () => ({ method: 'POST', url: '/api/hardship/my/cases', body: { primaryCause: 'illness', assessment: HOUSEHOLD, statement: '矩阵申请' } }), keep: (b, st) => (st.myCase = b.id) },
  'POST /api/hardship/my/cases/:id/files': {
    role: 'member',
    req: (_, st) => ({ method: 'POST', url: `/api/hardship/my/cases/${st.myCase}/files?kind=application&fileName=${encodeURIComponent('申请书.pdf')}`, body: PDF, headers: { 'content-type': 'application/octet-stream' } }),
  },
  'POST /api/hardship/my/cases/:id/consent': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/hardship/my/cases/${st.myCase}/consent`, body: { covers: ['name'] } }) },
  'POST /api/hardship/my/cases/:id/withdraw': { role: 'member', req: (_, st) => ({ method: 'POST', url: `/api/hardship/my/cases/${st.myCase}/withdraw` }) },
  'POST /api/standards/checklists': { role: 'district_admin', req: () => ({ method: 'POST', url: '/api/standards/checklists', body: CHECKLIST }), keep: (b, st) => (st.checklist = b.id) },
  'PUT /api/standards/checklists/:id': { role: 'district_admin', req: (_, st) => ({ method: 'PUT', url: `/api/standards/checklists/${st.checklist}`, body: { ...CHECKLIST, name: '矩阵标准（改）' } }) },
  'POST /api/standards/checklists/:id/publish': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/standards/checklists/${st.checklist}/publish` }) },
  'POST /api/standards/checklists/:id/versions': { role: 'district_admin', req: (_, st) => ({ method: 'POST', url: `/api/standards/checklists/${st.checklist}/versions` }), keep: (b, st) => (st.draft = b.id) },
  'DELETE /api/standards/checklists/:id': { role: 'district_admin', req: (_, st) => ({ method: 'DELETE', url: `/api/standards/checklists/${st.draft}` }) },
};
/** Writes outside the matrix that the audit control above does not send, each with the reason. */
const EXEMPT_WRITES_UNSENT: Record<string, string> = {
  'POST /api/setup': 'answers only before the first account exists (the demo is set up); its audit row is asserted in setup.routes.test.ts',
  'POST /api/auth/password': 'ends the caller’s sessions; the auth.password_change row is asserted in auth.routes.test.ts',
  'POST /api/imports/members': 'an import writes its audit row when its rows commit, on the worker’s schedule (member-import.test.ts)',
  'POST /api/imports/employers': 'an import writes its audit row when its rows commit, on the worker’s schedule (employer.routes.test.ts)',
  'POST /api/imports/mutual-aid-enrolments': 'an import writes its audit row when its rows commit, on the worker’s schedule (mutual-aid.routes.test.ts)',
};

let t: TestApp;
/** The records for each positive control; `intermediate_admin`'s also serve the denial tests. */
const fixtures: Partial<Record<RoleCode, Fixture>> = {};
const clients: Partial<Record<RoleCode, TestClient>> = {};
const positiveRoles = (Object.keys(ROLE_PLAN) as RoleCode[]).filter((r) => ROLE_PLAN[r].positive === true);

beforeAll(async () => {
  // The matrix needs the demo tree and accounts, not a full roster: 40 members seed in a fraction of the time of 400.
  t = await createTestApp({ demoMembers: 40 });
  const admin = await t.as('admin');
  const songling = await t.as('songling');
  const jinxiu = await t.as('jinxiu');
  const find = async (name: string) => (await admin.get(`/api/orgs?q=${encodeURIComponent(name)}`)).body.items.find((o: { name: string }) => o.name === name);
  const songlingStreet = await find('云溪区松岭街道总工会');
  const jinxiuStreet = await find('云溪区锦绣街道总工会');
  const foreign = (await admin.get(`/api/orgs?underId=${songlingStreet.id}&tier=grassroots&pageSize=1`)).body.items[0];
  const songling2 = (await admin.get(`/api/orgs?underId=${songlingStreet.id}&tier=grassroots&pageSize=2`)).body.items[1];
  const streets = (await admin.get('/api/orgs?tier=intermediate&pageSize=100')).body.items as { id: number; name: string }[];
  const thirdStreet = streets.find((x) => x.name.endsWith('街道总工会') && x.id !== songlingStreet.id && x.id !== jinxiuStreet.id)!;
  const third = (await admin.get(`/api/orgs?underId=${thirdStreet.id}&tier=grassroots&pageSize=1`)).body.items[0];
  await songling.patch(`/api/orgs/${foreign.id}`, { address: MARKER });
  const accounts = (await admin.get('/api/accounts?q=songling')).body.items;

  const mk = async (c: TestClient, orgId: number, name: string, extra: Record<string, unknown> = {}) => {
    const r = await c.post('/api/members', { name, idNumber: fakeIdNumber('19880808'), phone: '13911112222', joinedOn: '2024-01-01', orgId, ...extra });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body;
  };
  const apply = async (orgId: number, username: string, employerName: string) => {
    const r = await t.client().post('/api/join', { name: '申请人', idNumber: fakeIdNumber('19950505'), phone: '13700001111', orgId, username, password: 'Apply#2026', consent: true, employerName });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.ref as string;
  };
  const applicationId = async (username: string) =>
    ((await admin.get('/api/member-applications?pageSize=200')).body.items as { id: number; username: string }[]).find((a) => a.username === username)!.id;
  const bad = (code: string) => xlsx([ROSTER_HEADER, ['坏行', '', '', '123', '', '', '', '', '', '', code, '', '']]);
  const ask = async (c: TestClient, membership: number, toOrgId: number) => {
    const r = await c.post(`/api/memberships/${membership}/transfer`, { toOrgId, transferredOn: '2025-01-01' });
    if (r.body.status !== 'pending') throw new Error(JSON.stringify(r.body));
    return r.body.transferId as number;
  };
  const startWithEvidence = async (c: TestClient, orgId: number) => {
    const a = (await c.post('/api/standards/assessments', { orgId, year: YEAR, series: 'liuyou' })).body;
    const item = a.items[0].id as number;
    const up = async () => (await send(c, evidence(a.id, item))).body.id as number;
    return { id: a.id as number, item, items: a.items.map((i: { id: number }) => i.id) as number[], ev: await up(), ev2: await up() };
  };
  const honour = async (c: TestClient, orgId: number) =>
    (await c.post('/api/standards/honours', { orgId, title: '模范职工之家', level: 'city', year: YEAR, awardingBody: '市总工会', remark: c === songling ? MARKER : '矩阵' })).body.id as number;
  const mkCase = async (c: TestClient, memberId: number) => {
    const r = await c.post('/api/hardship/cases', { memberId, primaryCause: 'illness', assessment: HOUSEHOLD, consent: { covers: ['name', 'union'] } });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    const up = await send(c, caseFile(r.body.id));
    return { id: r.body.id as number, file: up.body.files[0].id as number };
  };
  const payAid = async (c: TestClient, memberId: number) => {
    const r = await c.post('/api/aid', { memberId, kind: 'living', form: 'cash', amountFen: 20_000, givenOn: `${YEAR}-01-02`, fundSource: 'union' });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.id as number;
  };
  const campaign = async (c: TestClient, name: string) => (await c.post('/api/campaigns', { name, season: 'winter', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-02-01` })).body.id as number;
  const screening = async (c: TestClient, name: string) => (await c.post('/api/screenings', { name, deadline: `${YEAR}-12-31` })).body.id as number;
  // Mutual aid and health checks: the district's plan and programme, shared by every fixture.
  const plan = (await admin.post('/api/mutual-aid/plans', { year: YEAR, name: '矩阵互助计划', product: 'inpatient', premiumFen: 3000, maxShares: 1, benefitPerShareFen: 100_000, coverStart: `${YEAR}-01-01`, coverEnd: `${YEAR}-12-31`, enrolUntil: `${YEAR}-12-31` })).body.id as number;
  const enrol = async (c: TestClient, memberId: number) => (await c.post(`/api/mutual-aid/plans/${plan}/enrolments`, { memberId, shares: 1, paidOn: `${YEAR}-01-02` })).body.id as number;
  const claim = async (c: TestClient, enrolmentId: number) => (await c.post('/api/mutual-aid/claims', { enrolmentId, diagnosis: '肺炎', hospital: '区人民医院', admittedOn: `${YEAR}-01-04`, claimedFen: 50_000 })).body.id as number;
  const programme = (await admin.post('/api/health-checks', { year: YEAR, name: '矩阵体检', provider: '区人民医院', startsOn: `${YEAR}-01-01`, endsOn: `${YEAR}-12-31`, quotas: [{ group: 'frontline', places: 50 }] })).body.id as number;
  const signUp = async (c: TestClient, memberId: number, done: boolean) => {
    const r = await c.post(`/api/health-checks/${programme}/signups`, { memberId, group: 'frontline', slotOn: `${YEAR}-01-02` });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    if (done) {
      expect((await c.post(`/api/health-checks/signups/${r.body.id}/done`, { doneOn: `${YEAR}-01-02` })).status).toBe(200);
      expect((await c.post(`/api/health-checks/signups/${r.body.id}/results`, { abnormal: false, findings: '未见异常' })).status).toBe(200);
    }
    return r.body.id as number;
  };

  // The foreign side (松岭), once.
  const foreignReport = (await songling.post('/api/reports', { orgId: songlingStreet.id, period: '2024', title: `${MARKER}报告` })).body.report.id;
  const fm = await mk(songling, foreign.id, '松岭会员', { remark: MARKER });
  const fd = await mk(songling, foreign.id, '松岭会员', { remark: MARKER });
  const fe = (await songling.post('/api/employers', { name: '松岭矩阵单位', uscc: fakeUscc(), orgId: songlingStreet.id, employees: 50, remark: MARKER })).body;
  await apply(foreign.id, 'matrixapp1', MARKER);
  const foreignTransfer = await ask(songling, fm.memberships[0].id, third.id);
  // The foreign union's name carries the marker so that lists and exports naming it show up as leaks.
  await admin.patch(`/api/orgs/${foreign.id}`, { name: `${MARKER}企业工会委员会` });
  const fa = await startWithEvidence(songling, foreign.id);
  const fc = await mkCase(songling, fm.memberId);
  const foreignEnrolment = await enrol(songling, fm.memberId);
  const foreignClaim = await claim(songling, foreignEnrolment);
  const base = {
    foreignOrg: foreign.id,
    foreignParent: songlingStreet.id,
    foreignOrgCode: foreign.code,
    foreignAccount: accounts[0].id,
    ownParent: jinxiuStreet.id,
    foreignReport,
    foreignMember: fm.memberId,
    foreignDup: fd.memberId,
    foreignMembership: fm.memberships[0].id,
    foreignEmployer: fe.id,
    foreignApplication: await applicationId('matrixapp1'),
    foreignJob: (await runImport(t, songling, 'members', await bad(foreign.code))).body.id,
    foreignTransfer,
    foreignAssessment: fa.id,
    foreignEvidence: fa.ev,
    foreignHonour: await honour(songling, foreign.id),
    foreignCase: fc.id,
    foreignCaseFile: fc.file,
    foreignAid: await payAid(songling, fm.memberId),
    foreignCampaign: await campaign(songling, `${MARKER}冬送温暖`),
    foreignScreening: await screening(songling, `${MARKER}摸底排查`),
    plan,
    foreignEnrolment,
    foreignClaim,
    foreignClaimFile: (await send(songling, claimFile(foreignClaim))).body.id,
    programme,
    foreignSignup: await signUp(songling, fm.memberId, true),
  };

  const org0 = async () => (await admin.post('/api/orgs', { parentId: jinxiuStreet.id, name: '矩阵会员所在工会', kind: 'enterprise', openedOn: '2020-01-01' })).body;
  /**
   * Records inside jinxiu's street for one positive control: `filler` fills in the assessment the role reviews (a
   * union that filled one in may not review it), `importer` runs the import job the role reads (a job is its
   * importer's own).
   */
  const buildOwn = async (tag: string, filler: TestClient, importer: TestClient): Promise<Fixture> => {
    const org = (name: string) => admin.post('/api/orgs', { parentId: jinxiuStreet.id, name: `${name}${tag}`, kind: 'enterprise', openedOn: '2020-01-01' }).then((r) => r.body);
    const own = await org('矩阵测试自有工会');
    const ownAccount = (await admin.post('/api/accounts', { username: `matrixown${tag}`, displayName: '矩阵自有', orgId: own.id, roles: ['grassroots_admin'] })).body.account;
    const ownReport = (await admin.post('/api/reports', { orgId: jinxiuStreet.id, period: '2024' })).body.report.id;
    await admin.patch(`/api/reports/${ownReport}`, { sections: [{ heading: '', paragraphs: ['新建工会组织{新建工会组织数}家。'] }] });
    const ownSibling = await org('矩阵测试兄弟工会');
    const ownEmpty = await org('矩阵测试空工会');
    const ownClosable = await org('矩阵测试待撤销工会');
    const om = await mk(jinxiu, own.id, '矩阵会员');
    const od = await mk(jinxiu, own.id, '矩阵会员');
    const om2 = await mk(jinxiu, own.id, '矩阵会员二', { phone: '13911113333' });
    const oe = (await jinxiu.post('/api/employers', { name: `锦绣矩阵单位${tag}`, uscc: fakeUscc(), orgId: jinxiuStreet.id, employees: 50 })).body;
    await apply(own.id, `matrixapp2${tag}`, '锦绣');
    await apply(own.id, `matrixapp3${tag}`, '锦绣');
    const inbound = async () => ask(songling, (await mk(songling, songling2.id, '转入候选')).memberships[0].id, own.id);
    const oa = await startWithEvidence(jinxiu, own.id);
    const sa = (await filler.post('/api/standards/assessments', { orgId: ownSibling.id, year: YEAR, series: 'liuyou' })).body;
    await filler.request('PUT', `/api/standards/assessments/${sa.id}/self`, { scores: sa.items.map((i: { id: number }) => ({ itemId: i.id, score: 0 })) });
    expect((await filler.post(`/api/standards/assessments/${sa.id}/submit`)).body.status).toBe('submitted');
    const oc = await mkCase(jinxiu, om.memberId);
    const ownAid = await payAid(jinxiu, om.memberId);
    await admin.post(`/api/aid/${ownAid}/approve`);
    const ownEnrolment = await enrol(jinxiu, om.memberId);
    const ownClaim = await claim(jinxiu, ownEnrolment);
    const extra = await mk(jinxiu, own.id, '矩阵会员三', { phone: '13911114444' });
    return {
      ...base,
      tag,
      ownOrg: own.id,
      ownAccount: ownAccount.id,
      ownReport,
      ownMember: om.memberId,
      ownDup: od.memberId,
      ownMembership: om.memberships[0].id,
      ownMembership2: om2.memberships[0].id,
      ownOrgCode: own.code,
      ownSiblingCode: ownSibling.code,
      ownSibling: ownSibling.id,
      ownEmptyOrg: ownEmpty.id,
      ownClosable: ownClosable.id,
      ownEmployer: oe.id,
      ownApplication: await applicationId(`matrixapp2${tag}`),
      ownApplication2: await applicationId(`matrixapp3${tag}`),
      ownJob: (await runImport(t, importer, 'members', await bad(own.code))).body.id,
      ownIncoming: await inbound(),
      ownIncoming2: await inbound(),
      ownOutgoing: await ask(jinxiu, (await mk(jinxiu, own.id, '转出候选', { phone: '13911115555' })).memberships[0].id, third.id),
      ownSubmitted: sa.id,
      ownAssessment: oa.id,
      ownItem: oa.item,
      ownItems: oa.items,
      ownEvidence: oa.ev,
      ownEvidence2: oa.ev2,
      ownHonour: await honour(jinxiu, own.id),
      ownCase: oc.id,
      ownCaseFile: oc.file,
      ownAid,
      ownAid2: await payAid(jinxiu, om.memberId),
      ownCampaign: await campaign(jinxiu, `矩阵冬送温暖${tag}`),
      ownCampaign2: await campaign(jinxiu, `矩阵夏送清凉${tag}`),
      ownScreening: await screening(jinxiu, `矩阵摸底排查${tag}`),
      ownScreening2: await screening(jinxiu, `矩阵第二次排查${tag}`),
      ownEnrolment,
      ownEnrolment2: await enrol(jinxiu, om2.memberId),
      ownClaim,
      ownClaimFile: (await send(jinxiu, claimFile(ownClaim))).body.id,
      ownSignupDone: await signUp(jinxiu, om.memberId, true),
      ownSignup: await signUp(jinxiu, om2.memberId, false),
      ownSignup2: await signUp(jinxiu, extra.memberId, false),
    };
  };
  // The member: a worker of jinxiu's street who joined and was approved.
  await apply((await org0()).id, 'matrixmember', '锦绣');
  expect((await jinxiu.post(`/api/member-applications/${await applicationId('matrixmember')}/approve`, {})).status).toBe(200);
  for (const role of Object.keys(ROLE_ACCOUNTS) as RoleCode[]) clients[role] = await t.as(ROLE_ACCOUNTS[role].username, ROLE_ACCOUNTS[role].password);
  for (const role of positiveRoles) {
    const jinxiuItself = role === 'intermediate_admin';
    fixtures[role] = await buildOwn(jinxiuItself ? '' : `-${role}`, jinxiuItself ? admin : jinxiu, clients[role]!);
  }
});
afterAll(() => t.close());

const routeKeys = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
const permissionOf = (key: string) => t.app.routeTable.find((r) => `${r.method} ${r.url}` === key)!.permission as string;
const holds = (role: RoleCode, key: string) => ['public', 'authenticated'].includes(permissionOf(key)) || ROLES[role].permissions.includes(permissionOf(key));
/** The last audit row's id, and what was written after `since`: rows, and `data.export` rows. */
const lastAuditId = async () => (await queryRows<{ id: number }>(t.database.db, sql`select coalesce(max(id), 0)::int as id from audit_events`))[0]!.id;
const auditedSince = async (since: number) =>
  (await queryRows<{ n: number; exports: number }>(t.database.db, sql`select count(*)::int as n, (count(*) filter (where action = 'data.export'))::int as exports from audit_events where id > ${since}`))[0]!;

describe('authorization matrix', () => {
  it('covers every declared API route; every exemption names a reason and a route that exists', () => {
    const keys = routeKeys();
    expect(keys.filter((k) => !MATRIX[k] && !EXEMPT[k])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !keys.includes(k))).toEqual([]);
    expect(Object.keys(EXEMPT).filter((k) => !keys.includes(k) || MATRIX[k])).toEqual([]);
    for (const table of [EXEMPT, UNAUDITED_WRITES, Object.fromEntries(Object.entries(BUSINESS_REFUSALS).map(([k, v]) => [k, v.reason]))]) {
      for (const [key, reason] of Object.entries(table)) {
        expect(keys, key).toContain(key);
        expect(reason.trim().length, key).toBeGreaterThan(10);
      }
    }
  });

  it('plans every role in ROLES, with a reason for each part it skips', async () => {
    // The member account has its own member record, so its denials are a member's, not an unlinked account's.
    expect((await clients.member!.get('/api/me/member')).status).toBe(200);
    expect(Object.keys(ROLE_PLAN).sort()).toEqual(Object.keys(ROLES).sort());
    expect(Object.keys(ROLE_ACCOUNTS).sort()).toEqual(Object.keys(ROLES).sort());
    for (const [role, plan] of Object.entries(ROLE_PLAN)) {
      for (const part of [plan.foreign, plan.positive]) if (part !== true) expect(part.trim().length, role).toBeGreaterThan(10);
      const me = await clients[role as RoleCode]!.get('/api/auth/me');
      expect(me.body.account.roles.map((r: { code: string }) => r.code)).toEqual([role]);
    }
  });

  for (const role of (Object.keys(ROLE_PLAN) as RoleCode[]).filter((r) => ROLE_PLAN[r].foreign === true)) {
    it(`denies ${role} every record of another subtree`, async () => {
      const f = fixtures.intermediate_admin!;
      const leaks: string[] = [];
      let attempts = 0;
      for (const [key, c] of Object.entries(MATRIX)) {
        for (const req of c.foreign(f)) {
          attempts++;
          const r = await send(clients[role]!, req);
          if (r.status === 401) throw new Error(`${role} lost its session at ${key}`);
          if ([403, 404].includes(r.status)) continue;
          if (r.status >= 400) {
            leaks.push(`${key} ${req.url}: unexpected ${r.status} ${JSON.stringify(r.body)}`);
            continue;
          }
          const text = await textOf(r);
          const binary = /wordprocessingml|pdf/.test(String(r.raw.headers['content-type'] ?? ''));
          if (req.method !== 'GET') leaks.push(`${key} ${req.url}: write accepted (${r.status})`);
          else if (binary) leaks.push(`${key} ${req.url}: foreign document delivered`);
          else if (text.includes(f.foreignOrgCode) || text.includes('songling') || text.includes(MARKER) || ORG_LIST_LEAKS(r, f) || c.leaks?.(r, f)) {
            leaks.push(`${key} ${req.url}: foreign record in response`);
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(attempts).toBeGreaterThan(25);
      // The foreign records are unchanged.
      const admin = clients.district_admin!;
      const org = await admin.get(`/api/orgs/${f.foreignOrg}`);
      expect(org.body).toMatchObject({ status: 'open', address: MARKER, parentId: f.foreignParent });
      const acc = await admin.get(`/api/accounts/${f.foreignAccount}`);
      expect(acc.body).toMatchObject({ status: 'active', displayName: '刘洋（演示）', mustChangePassword: false });
    });
  }

  for (const role of Object.keys(ROLE_PLAN) as RoleCode[]) {
    it(`refuses ${role} every route whose permission it lacks`, async () => {
      const f = fixtures.intermediate_admin!;
      const failures: string[] = [];
      const lacking = Object.keys(MATRIX).filter((k) => !holds(role, k));
      for (const key of lacking) {
        const r = await send(clients[role]!, MATRIX[key]!.own(f));
        if (r.status !== 403) failures.push(`${key}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
      if (role === 'member') expect(lacking.length).toBeGreaterThan(Object.keys(MATRIX).length / 2);
    });
  }

  for (const role of positiveRoles) {
    it(`positive control: the same requests aimed inside the scope succeed for ${role}, and every write and export is audited`, async () => {
      const f = fixtures[role]!;
      const failures: string[] = [];
      let writes = 0;
      let exports = 0;
      for (const [key, c] of Object.entries(MATRIX)) {
        if (!holds(role, key)) continue;
        const since = await lastAuditId();
        const req = c.own(f);
        const r = await send(clients[role]!, req);
        const refusal = BUSINESS_REFUSALS[key];
        if (refusal && (!refusal.roles || refusal.roles.includes(role)) && r.body?.code === refusal.code) continue;
        if (r.status !== 200) {
          failures.push(`${key}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          continue;
        }
        const excel = String(r.raw.headers['content-type']).includes('spreadsheetml');
        const audited = req.method !== 'GET' || excel ? await auditedSince(since) : null;
        // Every change leaves an audit row (等保 8.1.4.3), written in the change's own transaction.
        if (req.method !== 'GET' && !UNAUDITED_WRITES[key]) {
          writes++;
          if (audited!.n === 0) failures.push(`${key}: write without an audit row`);
        }
        // Every Excel export of records writes its audit row (who, which list, filters, rows).
        if (excel) {
          exports++;
          if (audited!.exports !== 1) failures.push(`${key}: export without its audit row`);
        }
      }
      expect(failures).toEqual([]);
      expect(writes).toBeGreaterThan(10);
      expect(exports).toBeGreaterThan(3);
    });
  }

  it('audits every write outside the matrix', async () => {
    const writes = routeKeys().filter((k) => EXEMPT[k] && !k.startsWith('GET '));
    expect(writes.filter((k) => !EXEMPT_WRITES[k] && !EXEMPT_WRITES_UNSENT[k])).toEqual([]);
    expect([...Object.keys(EXEMPT_WRITES), ...Object.keys(EXEMPT_WRITES_UNSENT)].filter((k) => !writes.includes(k))).toEqual([]);
    for (const reason of Object.values(EXEMPT_WRITES_UNSENT)) expect(reason.length).toBeGreaterThan(10);
    const f = fixtures.district_admin!;
    const state: Record<string, number> = {};
    const anonymous = t.client();
    const failures: string[] = [];
    for (const [key, step] of Object.entries(EXEMPT_WRITES)) {
      const since = await lastAuditId();
      const req = await step.req(f, state);
      expect(`${req.method} ${req.url}`.startsWith(key.split(':')[0]!), key).toBe(true);
      const r = await send(step.client ? await step.client() : step.role === 'anonymous' ? anonymous : clients[step.role]!, req);
      if (r.status !== 200) failures.push(`${key}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      else if ((await auditedSince(since)).n === 0) failures.push(`${key}: write without an audit row`);
      step.keep?.(r.body, state);
    }
    expect(failures).toEqual([]);
  });
});
