/** Indicators against the hand-counted district of test/fixtures/small-district.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorCatalogue, type IndicatorDefinition } from '@platform/indicators';
import { parsePeriod } from '@platform/periods';
import { orgIndicators } from '@modules/organisations/server';
import { readXlsxRows } from '@platform/excel';
import type { TestApp, TestClient } from '@test/app';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let id: Record<string, number> = {};

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
});
afterAll(() => t.close());

async function values(c: TestClient, orgKey: string, period: string) {
  const r = await c.get(`/api/indicators/values?orgId=${id[orgKey]}&period=${period}`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.body.values.filter((v: { code: string }) => v.code.startsWith('org.')).map((v: { code: string; value: number }) => [v.code, v.value]));
}

describe('organisation indicators', () => {
  it('district, 2024: stock at 2024-12-31 and events within the year', async () => {
    expect(await values(admin, 'root', '2024')).toEqual({
      'org.grassroots_total': 6, // a1 a2 a3 a4 a5 b1 (a6 closed on 12-31, b2 opened 2025)
      'org.grassroots_founded': 4, // a2 a3 a4 b1
      'org.grassroots_closed': 1, // a6
      'org.joint_total': 1, // a3
      'org.intermediate_total': 2,
    });
  });

  it('one street: its subtree only, never the sibling street', async () => {
    expect(await values(admin, '甲街道', '2024')).toMatchObject({
      'org.grassroots_total': 5,
      'org.grassroots_founded': 3,
      'org.grassroots_closed': 1,
      'org.intermediate_total': 1,
    });
    expect(await values(admin, '乙街道', '2024')).toMatchObject({ 'org.grassroots_total': 1, 'org.grassroots_founded': 1, 'org.grassroots_closed': 0 });
  });

  it('quarter and month edges', async () => {
    expect(await values(admin, 'root', '2024Q1')).toMatchObject({ 'org.grassroots_founded': 2, 'org.grassroots_total': 5 });
    expect(await values(admin, 'root', '202312')).toMatchObject({ 'org.grassroots_founded': 1 });
    expect(await values(admin, 'root', '202401')).toMatchObject({ 'org.grassroots_founded': 1 });
    expect(await values(admin, 'root', '2024-12-31..2024-12-31')).toMatchObject({ 'org.grassroots_founded': 1, 'org.grassroots_closed': 1 });
  });

  it('2025: later events, and last year for comparison', async () => {
    const r = await admin.get(`/api/indicators/values?orgId=${id.root}&period=2025&codes=org.grassroots_total,org.grassroots_closed`);
    expect(r.body.values).toEqual([
      { code: 'org.grassroots_total', value: 6, numerator: null, denominator: null, lastYearValue: 6 },
      { code: 'org.grassroots_closed', value: 1, numerator: null, denominator: null, lastYearValue: 1 },
    ]);
    expect(r.body.period.label).toBe('2025年');
    expect(r.body.lastYearPeriod.id).toBe('2024');
  });

  it('opens a figure to exactly the records counted, and exports them', async () => {
    const r = await admin.get(`/api/indicators/org.grassroots_founded/records?orgId=${id.root}&period=2024`);
    expect(r.body.total).toBe(4);
    expect(r.body.items.map((x: { title: string; occurredOn: string }) => [x.title, x.occurredOn])).toEqual([
      ['a4工会', '2024-12-31'],
      ['a3工会', '2024-06-15'],
      ['b1工会', '2024-03-03'],
      ['a2工会', '2024-01-01'],
    ]);
    const x = await admin.get(`/api/indicators/org.grassroots_founded/records/export.xlsx?orgId=${id.root}&period=2024`);
    const rows = await readXlsxRows(x.raw.rawPayload);
    expect(rows[0]).toEqual(['记录', '所属组织', '日期']); // a count without an amount column exports none
    expect(rows.slice(1).map((row) => row[0]).sort()).toEqual(['a2工会', 'a3工会', 'a4工会', 'b1工会']);
  });

  it('answers 404 for a scope outside the user, 400 for a bad period, 404 for an unknown indicator', async () => {
    const yi = await t.as('yijd', 'Yi#street2027');
    expect((await yi.get(`/api/indicators/values?orgId=${id['甲街道']}&period=2024`)).status).toBe(404);
    expect((await yi.get(`/api/indicators/org.grassroots_total/records?orgId=${id.root}`)).status).toBe(404);
    const own = await yi.get('/api/indicators/values?period=2024');
    expect(own.body.org.name).toBe('乙街道工会');
    const bad = await admin.get('/api/indicators/values?period=2024Q5');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('统计期');
    expect((await admin.get('/api/indicators/org.nothing/records')).status).toBe(404);
  });
});

describe('trend and breakdown', () => {
  it('gives one value per year up to this year', async () => {
    const r = await admin.get(`/api/indicators/org.grassroots_founded/trend?orgId=${id.root}&years=15`);
    expect(r.body.points).toHaveLength(15);
    const byYear = Object.fromEntries(r.body.points.map((p: { period: string; value: number }) => [p.period, p.value]));
    expect([byYear['2022'], byYear['2023'], byYear['2024'], byYear['2025']]).toEqual([0, 1, 4, 1]);
    expect(r.body.points.at(-1).period).toBe(String(new Date().getFullYear()));
  });

  it('splits a figure by the next level of unions, largest first, within the scope', async () => {
    const r = await admin.get(`/api/indicators/org.grassroots_founded/breakdown?orgId=${id.root}&period=2024`);
    expect(r.body.items).toEqual([
      { orgId: id['甲街道'], orgName: '甲街道工会', value: 3 },
      { orgId: id['乙街道'], orgName: '乙街道工会', value: 1 },
    ]);
    const yi = await t.as('yijd', 'Yi#street2027');
    expect((await yi.get(`/api/indicators/org.grassroots_founded/breakdown?orgId=${id.root}`)).status).toBe(404);
  });
});

describe('rates from their parts', () => {
  const share: IndicatorDefinition = {
    code: 'test.joint_share',
    name: '联合工会占比',
    definition: '联合工会数 ÷ 基层工会组织数 × 100',
    unit: '%',
    section: '测试',
    kind: 'rate',
    numerator: 'org.joint_total',
    denominator: 'org.grassroots_total',
    factor: 100,
  };

  it('computes a rate from numerator and denominator, null when the denominator is 0', async () => {
    const catalogue = new IndicatorCatalogue([...orgIndicators, share]);
    const rootPath: string = (await admin.get('/api/auth/me')).body.orgPath;
    const v = await catalogue.value(t.database.db, 'test.joint_share', { rootPath, period: parsePeriod('2024')! });
    expect(v).toEqual({ code: 'test.joint_share', value: 16.67, numerator: 1, denominator: 6 });
    // 乙街道 had no grassroots union in 1990: 0 ÷ 0 is no value, not 0.
    const yiPath = `${rootPath}${id['乙街道']}/`;
    const empty = await catalogue.value(t.database.db, 'test.joint_share', { rootPath: yiPath, period: parsePeriod('1990')! });
    expect(empty).toEqual({ code: 'test.joint_share', value: null, numerator: 0, denominator: 0 });
    const parts = await catalogue.records(t.database.db, 'test.joint_share', { rootPath, period: parsePeriod('2024')! }, { page: 1, pageSize: 50 }, 'denominator');
    expect(parts.total).toBe(6);
  });

  it('refuses a catalogue with duplicate codes or a rate over missing parts', () => {
    expect(() => new IndicatorCatalogue([...orgIndicators, orgIndicators[0]!])).toThrow(/twice/);
    expect(() => new IndicatorCatalogue([{ ...share, numerator: 'org.none' }])).toThrow(/must be a registered/);
  });
});
