/**
 * The authorization-matrix kit: what every module's matrix part (`src/**\/<module>.matrix.ts`) is written with.
 * A part holds a module's route rows, the records they aim at (built by the part on the shared organisation tree),
 * and its exemptions as data with their reasons; test/authorization-matrix.test.ts finds every part by file name
 * and runs them in the order of the server's module list.
 */
import type { RoleCode } from '@modules/accounts/shared/roles';
import type { TestApp, TestClient, TestResponse } from '../app';
import { fakeIdNumber } from '../fixtures/people';

/**
 * The records the rows aim at: the shared tree's (`foreignOrg`, `foreignParent`, `foreignOrgCode`, `ownParent`),
 * then whatever each part's builders return (`ownEmployer`, `foreignCase`…). Reading a key no builder returned
 * throws, so a misspelt record cannot turn into a request for `undefined` that is "denied".
 */
export interface Fixture {
  /** Which positive control the own records are for (names of created records carry it, to stay unique). */
  readonly tag: string;
  /** A grassroots union of 松岭 street (the foreign subtree), its name and address carrying MARKER. */
  readonly foreignOrg: number;
  /** 松岭 street. */
  readonly foreignParent: number;
  readonly foreignOrgCode: string;
  /** 锦绣 street: the scope of the intermediate administrator whose records the positive controls use. */
  readonly ownParent: number;
  // Each part's records: ids, codes, lists of ids.
  readonly [record: string]: any;
}

export interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Case {
  /** Requests aimed at the foreign subtree. */
  foreign(f: Fixture): Req[];
  /** The same kind of request aimed inside jinxiu's scope: must succeed for jinxiu and the district roles. */
  own(f: Fixture): Req;
  /** Extra leak test for responses that carry no marker text. */
  leaks?(r: TestResponse, f: Fixture): boolean;
}

export interface Org {
  id: number;
  code: string;
  name: string;
}

/** What a part's builders get: the app, the three administrators who build records, the role clients and the tree. */
export interface MatrixContext {
  t: TestApp;
  /** The district administrator. */
  admin: TestClient;
  /** The administrator of 松岭 street (the foreign subtree). */
  songling: TestClient;
  /** The administrator of 锦绣 street (the own subtree). */
  jinxiu: TestClient;
  /** The account playing each role (the matrix test's ROLE_ACCOUNTS). */
  clients: Partial<Record<RoleCode, TestClient>>;
  songlingStreet: Org;
  jinxiuStreet: Org;
  /** 松岭's first grassroots union (`foreignOrg`) and its second. */
  foreign: Org;
  songling2: Org;
  /** A grassroots union of a third street. */
  third: Org;
}

/** What a part's own-records builder gets besides the context: which positive control it builds for. */
export interface OwnContext extends MatrixContext {
  tag: string;
  role: RoleCode;
  /** The role's own client (e.g. an import job is its importer's own). */
  client: TestClient;
  /** Who fills in what the role reviews (a union that filled an assessment in may not review it). */
  filler: TestClient;
}

/**
 * A write outside the matrix (an exempt route), sent once by the audit control, in part order, by the role named
 * (`anonymous`: a fresh client), on the district administrator's records; it must succeed and write an audit row.
 */
export interface AuditStep {
  role: RoleCode | 'anonymous';
  /** A client of its own (signed in for the step), instead of the role's. */
  client?(ctx: MatrixContext): Promise<TestClient>;
  req(f: Fixture, state: Record<string, number>, ctx: MatrixContext): Promise<Req> | Req;
  /** Keeps a value of the answer for later steps. */
  keep?(body: any, state: Record<string, number>): void;
}

/** One module's part of the matrix. Every table is keyed by route (`METHOD /api/…`); every reason is a sentence. */
export interface MatrixPart {
  /** The module's name in the server's module list (its manifest's `shared.name`). */
  module: string;
  /** Route key → how to aim it at another subtree (and inside the scope, for the positive controls). */
  rows: Record<string, Case>;
  /** Built once, before any own records: the foreign side's (松岭) records and the district's shared ones. */
  foreign?(ctx: MatrixContext, f: Fixture): Promise<Record<string, unknown>>;
  /** Built once per positive control, inside 锦绣 street; sees every part's foreign records and earlier parts' own. */
  own?(ctx: OwnContext, f: Fixture): Promise<Record<string, unknown>>;
  /** Checked after the denial tests: the foreign records the denied writes aimed at are unchanged. */
  unchanged?(ctx: MatrixContext, f: Fixture): Promise<void>;
  /** Routes outside the matrix (they take no record of anyone else), each with the reason. */
  exempt?: Record<string, string>;
  /** The exempt writes the audit control sends. */
  exemptWrites?: Record<string, AuditStep>;
  /** Exempt writes the audit control does not send, each with the reason (and where its audit row is asserted). */
  exemptWritesUnsent?: Record<string, string>;
  /** Write rows whose positive control writes no audit row, each with the reason. */
  unauditedWrites?: Record<string, string>;
  /**
   * Positive-control answers that are a business rule, not a refusal of scope, for the roles named (every role
   * when `roles` is absent). No audit row is expected from them.
   */
  businessRefusals?: Record<string, { code: string; reason: string; roles?: RoleCode[] }>;
}

/** Identity helper that checks a part against the type. */
export function defineMatrixPart(part: MatrixPart): MatrixPart {
  return part;
}

export const MARKER = '松岭专用标记地址';
export const YEAR = new Date().getFullYear();
/** A minimal PDF for uploads. */
export const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
/** A file upload (the raw request body). */
export const upload = (url: string): Req => ({ method: 'POST', url, body: PDF, headers: { 'content-type': 'application/octet-stream' } });

export const ORG_LIST_LEAKS = (r: TestResponse, f: Fixture) => r.status === 200 && JSON.stringify(r.body).includes(f.foreignOrgCode);

export async function send(c: TestClient, r: Req): Promise<TestResponse> {
  return c.request(r.method, r.url, r.body, r.headers);
}

/** An answer's body, or a thrown error naming the request when it did not succeed (a builder's record is missing). */
export async function ok(r: TestResponse | Promise<TestResponse>): Promise<any> {
  const res = await r;
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

/** A member of `orgId` registered by `c` (people are the shared kernel: every ledger's records are about one). */
export async function createMember(c: TestClient, orgId: number, name: string, extra: Record<string, unknown> = {}): Promise<{ memberId: number; memberships: { id: number }[] }> {
  return ok(c.post('/api/members', { name, idNumber: fakeIdNumber('19880808'), phone: '13911112222', joinedOn: '2024-01-01', orgId, ...extra }));
}

/** The demo accounts' password (the login step signs one in). */
export { DEMO_PASSWORD } from '../../src/server/demo';

/** Reasons several parts give for their exempt routes. */
export const NO_RECORD = 'public entry point, the caller’s own session or a static list: no record of anyone else';
export const OWN_SCOPE_COUNTS = 'counts over the caller’s own scope only';
export const BLANK_TEMPLATE = 'a blank template';
