/**
 * Authorization matrix (等保 8.1.4.2 / ASVS 8.2.2), over every role in ROLES (ROLE_PLAN):
 *  - every API route × every role below the district × a record in another subtree must be denied (401/403/404,
 *    or absent from a list or export), and the foreign record must be unchanged afterwards;
 *  - every role is refused (403) each route whose permission it lacks;
 *  - a positive control aims the same request at a record inside the scope, for each administering role on
 *    records of its own, so a denial cannot come from a malformed request; every write it sends must write an
 *    audit row, and every Excel export its `data.export` row. The writes outside the matrix are sent once by an
 *    audit control.
 * District roles administer the whole (single-rooted) tree, so no record lies outside their scope; their reach
 * is their positive control. The rows live per module in test/matrix/; a route added without a row or an
 * exemption (EXEMPT, with its reason) fails the coverage test, so new routes must join the matrix.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { ROLES, type RoleCode } from '@modules/accounts/shared/roles';
import { DEMO_PASSWORD } from '../src/server/demo';
import { rolePermissions } from '../src/server/modules';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, runImport, type TestApp, type TestClient, type TestResponse } from './app';
import { fakeIdNumber, fakeUscc, ROSTER_HEADER, xlsx } from './fixtures/people';
import { MATRIX } from './matrix';
import { caseFile, claimFile, evidence, HOUSEHOLD, MARKER, ORG_LIST_LEAKS, PDF, termPaper, YEAR, type Fixture, type Req } from './matrix/kit';

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
  'GET /api/due': 'the caller’s own 待办 over its own scope, each module’s items only with its read permission (platform/due/due.routes.test.ts: "scopes every provider")',
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

  const termWithPaper = async (c: TestClient, orgId: number) => {
    const term = (await c.post(`/api/unions/${orgId}/terms`, { electedOn: '2023-01-01', termYears: 5, chairName: '矩阵主席', chairFullTime: false })).body.id as number;
    const r = await send(c, termPaper(term));
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return { term, paper: r.body.items[0].id as number };
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
  const ft = await termWithPaper(songling, foreign.id);
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
    foreignTerm: ft.term,
    foreignTermPaper: ft.paper,
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
    const ot = await termWithPaper(jinxiu, own.id);
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
      ownTerm: ot.term,
      ownTermPaper: ot.paper,
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
  // The fixtures are independent (names carry the role): built side by side.
  await Promise.all(
    positiveRoles.map(async (role) => {
      const jinxiuItself = role === 'intermediate_admin';
      fixtures[role] = await buildOwn(jinxiuItself ? '' : `-${role}`, jinxiuItself ? admin : jinxiu, clients[role]!);
    }),
  );

});
afterAll(() => t.close());

const routeKeys = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
const permissionOf = (key: string) => t.app.routeTable.find((r) => `${r.method} ${r.url}` === key)!.permission as string;
const holds = (role: RoleCode, key: string) => ['public', 'authenticated'].includes(permissionOf(key)) || rolePermissions[role]!.includes(permissionOf(key));
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
