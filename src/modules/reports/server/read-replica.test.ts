/**
 * READ_DATABASE_URL (issue #15 §4): the figures, drill-downs, exports and a draft report's figures are read on
 * `Database.read`; everything else on the primary. The "replica" here is a second, migrated but empty database,
 * so a figure read there is 0 while the primary holds the hand-counted district (6 grassroots unions at the end
 * of 2024): a route reading the wrong handle shows.
 * bench/replica.sh proves the same against a real streaming standby.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@platform/config/config';
import { openDatabase, type Database } from '@platform/db';
import { createTestApp, type TestApp, TestClient } from '@test/app';
import { createTestDatabase } from '@test/db';
import { smallDistrict } from '@test/fixtures/small-district';

let primary: TestApp;
let replica: Database;
let t: TestApp;
let admin: TestClient;
let direct: TestClient;
let orgId: number;
const year = '2024';

beforeAll(async () => {
  let id: Record<string, number>;
  ({ t: primary, admin: direct, id } = await smallDistrict());
  orgId = id.root!;
  replica = await createTestDatabase();
  t = await createTestApp({ demo: false, database: { ...primary.database, read: replica.db, close: async () => {} } });
  admin = new TestClient(t.app);
  admin.cookie = direct.cookie;
  admin.csrf = direct.csrf;
});
afterAll(async () => {
  await t?.close();
  await replica?.close();
  await primary?.close();
});

type Token = { type: string; code?: string | null; value?: number | null };
const grassroots = async (c: TestClient) => {
  const r = await c.get(`/api/indicators/values?orgId=${orgId}&period=${year}&codes=org.grassroots_total`);
  expect(r.status).toBe(200);
  return r.body.values[0].value as number;
};

describe('a read replica (Database.read)', () => {
  it('figures are read there, while the organisation is found on the primary', async () => {
    expect(await grassroots(direct)).toBe(6);
    expect(await grassroots(admin)).toBe(0);
  });

  it('trend, breakdown and drill-down read there too', async () => {
    const trend = await admin.get(`/api/indicators/org.grassroots_total/trend?orgId=${orgId}`);
    expect(trend.status).toBe(200);
    expect(trend.body.points.every((p: { value: number }) => p.value === 0)).toBe(true);
    const breakdown = await admin.get(`/api/indicators/org.grassroots_total/breakdown?orgId=${orgId}&period=${year}`);
    expect(breakdown.status).toBe(200);
    expect(breakdown.body.items.length).toBeGreaterThan(0); // the children come from the primary
    expect(breakdown.body.items.every((i: { value: number }) => i.value === 0)).toBe(true);
    const records = await admin.get(`/api/indicators/org.grassroots_total/records?orgId=${orgId}&period=${year}`);
    expect(records.status).toBe(200);
    expect(records.body.total).toBe(0);
  });

  it("a draft report's figures are read there; the report itself on the primary", async () => {
    const created = await admin.post('/api/reports', { orgId, period: year });
    expect(created.status).toBe(200);
    const figures = async (c: TestClient) => {
      const r = await c.get(`/api/reports/${created.body.report.id}`);
      expect(r.status).toBe(200);
      return (r.body.sections as { heading: Token[]; paragraphs: Token[][] }[]).flatMap((s) => [...s.heading, ...s.paragraphs.flat()]).filter((x) => x.type === 'figure' && x.code === 'org.grassroots_total');
    };
    expect((await figures(direct))[0]!.value).toBe(6);
    expect((await figures(admin))[0]!.value).toBe(0);
  });

  it('READ_DATABASE_URL is read from the environment and needs a PostgreSQL DATABASE_URL', async () => {
    expect(loadConfig({ READ_DATABASE_URL: 'postgres://r@h/db' }).readDatabaseUrl).toBe('postgres://r@h/db');
    expect(loadConfig({}).readDatabaseUrl).toBeUndefined();
    await expect(openDatabase({ readUrl: 'postgres://r@h/db' })).rejects.toThrow(/DATABASE_URL/);
  });
});
