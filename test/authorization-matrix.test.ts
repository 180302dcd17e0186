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
 * is their positive control.
 *
 * Each module owns its part in its own folder (`<module>.matrix.ts`, test/matrix/kit.ts): route rows, the records
 * they aim at, exemptions with reasons. This file finds every part by name and runs them in the order of the
 * server's module list; a route added without a row or an exemption fails the coverage test.
 */
/// <reference types="vite/client" />
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { ROLES, type RoleCode } from '@modules/accounts/shared/roles';
import { applicationId, apply } from '@modules/members/server/members.matrix';
import { rolePermissions, serverModules } from '../src/server/modules';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, type TestApp, type TestClient, type TestResponse } from './app';
import { MARKER, NO_RECORD, ORG_LIST_LEAKS, send, type AuditStep, type Case, type Fixture, type MatrixContext, type MatrixPart } from './matrix/kit';

/** Every module's part, found by file name (a module adds its part in its own folder, and no line here). */
const found = Object.entries(import.meta.glob<{ matrix: MatrixPart }>('../src/**/*.matrix.ts', { eager: true }));
const moduleOrder = serverModules.map((m) => m.shared.name);
const PARTS: MatrixPart[] = found.map(([, file]) => file.matrix).sort((a, b) => moduleOrder.indexOf(a.module) - moduleOrder.indexOf(b.module));

/** Routes the app itself mounts (no module), outside the matrix with their reasons. */
const APP_EXEMPT: Record<string, string> = {
  'GET /api/health': NO_RECORD,
  'GET /api/openapi.json': NO_RECORD,
  'GET /api/due': 'the caller’s own 待办 over its own scope, each module’s items only with its read permission (platform/due/due.routes.test.ts: "scopes every provider")',
};

/** One table from every part, refusing a route two parts claim. */
function merge<V>(pick: (p: MatrixPart) => Record<string, V> | undefined, base: Record<string, V> = {}): Record<string, V> {
  const out: Record<string, V> = { ...base };
  for (const p of PARTS) {
    for (const [key, v] of Object.entries(pick(p) ?? {})) {
      if (key in out) throw new Error(`${key} appears twice in the matrix (module ${p.module})`);
      out[key] = v;
    }
  }
  return out;
}
/** Route key → how to aim it at another subtree (and inside the scope), in the order the positive controls send them. */
const MATRIX: Record<string, Case> = merge((p) => p.rows);
const EXEMPT: Record<string, string> = merge((p) => p.exempt, APP_EXEMPT);
const EXEMPT_WRITES: Record<string, AuditStep> = merge((p) => p.exemptWrites);
const EXEMPT_WRITES_UNSENT: Record<string, string> = merge((p) => p.exemptWritesUnsent);
const UNAUDITED_WRITES: Record<string, string> = merge((p) => p.unauditedWrites);
const BUSINESS_REFUSALS = merge((p) => p.businessRefusals);

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

let t: TestApp;
/** The records for each positive control; `intermediate_admin`'s also serve the denial tests. */
const fixtures: Partial<Record<RoleCode, Fixture>> = {};
const clients: Partial<Record<RoleCode, TestClient>> = {};
let ctx: MatrixContext;
const positiveRoles = (Object.keys(ROLE_PLAN) as RoleCode[]).filter((r) => ROLE_PLAN[r].positive === true);

/** Adds a part's records to the fixture; a key two parts return is refused (one would hide the other). */
function extend(f: Record<string, unknown>, module: string, records: Record<string, unknown>) {
  for (const [key, v] of Object.entries(records)) {
    if (key in f) throw new Error(`matrix record ${key} built twice (module ${module})`);
    if (v === undefined || v === null) throw new Error(`matrix record ${key} of module ${module} is empty`);
    f[key] = v;
  }
}
/** The fixture as the rows see it: reading a record no part built throws instead of aiming at `undefined`. */
const strict = (f: Record<string, unknown>): Fixture =>
  new Proxy(f, {
    get(o, key) {
      if (typeof key === 'string' && !(key in o)) throw new Error(`the matrix fixture has no record ${key}`);
      return Reflect.get(o, key);
    },
  }) as Fixture;

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
  // The foreign union's address and name carry the marker, so that lists and exports naming it show up as leaks.
  await songling.patch(`/api/orgs/${foreign.id}`, { address: MARKER });
  await admin.patch(`/api/orgs/${foreign.id}`, { name: `${MARKER}企业工会委员会` });

  // The member: a worker of jinxiu's street who joined and was approved.
  const org0 = (await admin.post('/api/orgs', { parentId: jinxiuStreet.id, name: '矩阵会员所在工会', kind: 'enterprise', openedOn: '2020-01-01' })).body;
  await apply(t, org0.id, 'matrixmember', '锦绣');
  expect((await jinxiu.post(`/api/member-applications/${await applicationId(admin, 'matrixmember')}/approve`, {})).status).toBe(200);
  for (const role of Object.keys(ROLE_ACCOUNTS) as RoleCode[]) clients[role] = await t.as(ROLE_ACCOUNTS[role].username, ROLE_ACCOUNTS[role].password);
  ctx = { t, admin, songling, jinxiu, clients, songlingStreet, jinxiuStreet, foreign, songling2, third };

  // The foreign side (松岭) and the district's shared records, once, part by part.
  const base: Record<string, unknown> = { foreignOrg: foreign.id, foreignParent: songlingStreet.id, foreignOrgCode: foreign.code, ownParent: jinxiuStreet.id };
  for (const p of PARTS) if (p.foreign) extend(base, p.module, await p.foreign(ctx, strict(base)));
  // Records inside jinxiu's street for each positive control: independent (names carry the role), built side by side.
  await Promise.all(
    positiveRoles.map(async (role) => {
      const jinxiuItself = role === 'intermediate_admin';
      const tag = jinxiuItself ? '' : `-${role}`;
      const f: Record<string, unknown> = { ...base, tag };
      // A union that filled an assessment in may not review it: jinxiu's is filled in by the district.
      const own = { ...ctx, tag, role, client: clients[role]!, filler: jinxiuItself ? admin : jinxiu };
      for (const p of PARTS) if (p.own) extend(f, p.module, await p.own(own, strict(f)));
      fixtures[role] = strict(f);
    }),
  );
  // Every module's records for every role: the heaviest setup of the suite (about 40 s alone on two cores), so it
  // gets its own limit rather than the default minute, which a busy machine passes.
}, 180_000);
afterAll(() => t.close());

const routeKeys = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
const permissionOf = (key: string) => t.app.routeTable.find((r) => `${r.method} ${r.url}` === key)!.permission as string;
const holds = (role: RoleCode, key: string) => ['public', 'authenticated'].includes(permissionOf(key)) || rolePermissions[role]!.includes(permissionOf(key));
/** The last audit row's id, and what was written after `since`: rows, and `data.export` rows. */
const lastAuditId = async () => (await queryRows<{ id: number }>(t.database.db, sql`select coalesce(max(id), 0)::int as id from audit_events`))[0]!.id;
const auditedSince = async (since: number) =>
  (await queryRows<{ n: number; exports: number }>(t.database.db, sql`select count(*)::int as n, (count(*) filter (where action = 'data.export'))::int as exports from audit_events where id > ${since}`))[0]!;

describe('authorization matrix', () => {
  it('collects one part per module, each naming a module of the server', () => {
    expect(found.length).toBeGreaterThan(10);
    const names = PARTS.map((p) => p.module);
    expect(names.filter((n) => !moduleOrder.includes(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

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
      for (const p of PARTS) await p.unchanged?.(ctx, f);
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
      const req = await step.req(f, state, ctx);
      expect(`${req.method} ${req.url}`.startsWith(key.split(':')[0]!), key).toBe(true);
      const r = await send(step.client ? await step.client(ctx) : step.role === 'anonymous' ? anonymous : clients[step.role]!, req);
      if (r.status !== 200) failures.push(`${key}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      else if ((await auditedSince(since)).n === 0) failures.push(`${key}: write without an audit row`);
      step.keep?.(r.body, state);
    }
    expect(failures).toEqual([]);
  });
});
