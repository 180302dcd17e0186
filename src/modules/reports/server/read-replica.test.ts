/**
 * READ_DATABASE_URL (issue #15 §4): the figures, drill-downs, exports and a draft report's figures are read on
 * `Database.read`; everything else on the primary. The "replica" here is a second, migrated but empty database,
 * so a figure read there is 0 while the primary holds the demo district: a route reading the wrong handle shows.
 * bench/replica.sh proves the same against a real streaming standby.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@platform/config/config';
import { openDatabase, type Database } from '@platform/db';
import { chinaToday } from '@platform/periods';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { createTestDatabase } from '@test/db';

let primary: TestApp;
let replica: Database;
let t: TestApp;
let admin: TestClient;
let direct: TestClient;
let orgId: number;
const year = chinaToday().slice(0, 4);

beforeAll(async () => {
  primary = await createTestApp();
  replica = await createTestDatabase();
  t = await createTestApp({ demo: false, database: { ...primary.database, read: replica.db, close: async () => {} } });
  admin = await t.as('admin');
  direct = await primary.as('admin');
  orgId = (await admin.get('/api/auth/me')).body.account.orgId;
}, 300_000);
afterAll(async () => {
  await t?.close();
  await replica?.close();
  await primary?.close();
});

type Token = { type: string; code?: string | null; value?: number | null };
const memberTotal = async (c: TestClient) => {
  const r = await c.get(`/api/indicators/values?orgId=${orgId}&period=${year}&codes=member.total`);
  expect(r.status).toBe(200);
  return r.body.values[0].value as number;
};

describe('a read replica (Database.read)', () => {
  it('figures are read there, while the organisation is found on the primary', async () => {
    expect(await memberTotal(direct)).toBeGreaterThan(0);
    expect(await memberTotal(admin)).toBe(0);
  });

  it('trend, breakdown and drill-down read there too', async () => {
    const trend = await admin.get(`/api/indicators/member.total/trend?orgId=${orgId}`);
    expect(trend.status).toBe(200);
    expect(trend.body.points.every((p: { value: number }) => p.value === 0)).toBe(true);
    const breakdown = await admin.get(`/api/indicators/member.total/breakdown?orgId=${orgId}&period=${year}`);
    expect(breakdown.status).toBe(200);
    expect(breakdown.body.items.length).toBeGreaterThan(0); // the children come from the primary
    expect(breakdown.body.items.every((i: { value: number }) => i.value === 0)).toBe(true);
    const records = await admin.get(`/api/indicators/member.total/records?orgId=${orgId}&period=${year}`);
    expect(records.status).toBe(200);
    expect(records.body.total).toBe(0);
  });

  it("a draft report's figures are read there; the report itself on the primary", async () => {
    const created = await admin.post('/api/reports', { orgId, period: year });
    expect(created.status).toBe(200);
    const figures = async (c: TestClient) => {
      const r = await c.get(`/api/reports/${created.body.report.id}`);
      expect(r.status).toBe(200);
      return (r.body.sections as { heading: Token[]; paragraphs: Token[][] }[]).flatMap((s) => [...s.heading, ...s.paragraphs.flat()]).filter((x) => x.type === 'figure' && x.code === 'member.joined');
    };
    expect((await figures(direct))[0]!.value).toBeGreaterThan(0);
    expect((await figures(admin))[0]!.value).toBe(0);
  });

  it('READ_DATABASE_URL is read from the environment and needs a PostgreSQL DATABASE_URL', async () => {
    expect(loadConfig({ READ_DATABASE_URL: 'postgres://r@h/db' }).readDatabaseUrl).toBe('postgres://r@h/db');
    expect(loadConfig({}).readDatabaseUrl).toBeUndefined();
    await expect(openDatabase({ readUrl: 'postgres://r@h/db' })).rejects.toThrow(/DATABASE_URL/);
  });
});
