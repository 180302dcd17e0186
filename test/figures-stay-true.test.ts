/**
 * Figures that stay true (issue #13 §3): an "at period end" figure is read from dated history, so a later event
 * never changes an earlier period; money is yuan wherever a figure's records are shown; the 逾期未换届 boundary;
 * only approved or signed aid is money in the figures.
 *
 * On top of the small district (test/fixtures/small-district.ts), 低保 1,000 元 in 2024 and 2025:
 *   Hardship: 张甲 (a1) filed 2024-03-01, exited 2024-12-31 23:00 China time, relapsed 2025-03-01;
 *             李乙 (b1) filed 2024-03-01, exited 2025-01-01 00:30 China time.
 *   Terms:    a1 elected 2019-12-30 for 5 years (ends 2024-12-30: overdue at the end of 2024),
 *             a2 elected 2019-12-31 for 5 years (ends 2024-12-31, the last day: not yet overdue, due),
 *             b1 elected 2020-01-01 for 5 years (ends 2025-01-01: due).
 *   Aid:      甲 a 5,000 元 grant on 2024-06-01, approved; 乙 1,000 元 on 2024-06-01, still pending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExcelJS } from '@platform/excel/exceljs';
import { readXlsxRows } from '@platform/excel';
import type { TestApp, TestClient } from './app';
import { fakeIdNumber } from './fixtures/people';
import { smallDistrict } from './fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let id: Record<string, number> = {};
const cases: Record<string, number> = {};
const memberIds: Record<string, number> = {};
const household = { householdSize: 2, incomes: [{ kind: 'wage', annualFen: 1_800_000 }], expenses: [], accidentLossFen: 0, members: [] };
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const at = (iso: string) => (t.clock.now = new Date(iso));

async function step(c: number, body: Record<string, unknown>) {
  const r = await admin.post(`/api/hardship/cases/${c}/steps`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** A member of `org` whose household case is filed on 2024-03-01. */
async function filedCase(name: string, org: string) {
  at('2024-01-20T02:00:00Z');
  const m = await admin.post('/api/members', { name, idNumber: fakeIdNumber('19800101'), orgId: id[org], joinedOn: '2024-01-10' });
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  memberIds[name] = m.body.memberId;
  at('2024-02-01T02:00:00Z');
  const c = (await admin.post('/api/hardship/cases', { memberId: m.body.memberId, primaryCause: 'illness', assessment: household, consent: { covers: ['name'] } })).body.id as number;
  await step(c, { action: 'first_review' });
  await admin.upload(`/api/hardship/cases/${c}/files?kind=authorization&fileName=a.pdf`, pdf, 'application/octet-stream');
  await step(c, { action: 'record_visit', visit: { visitedOn: '2024-02-01', visitors: '主席', findings: '属实' } });
  await step(c, { action: 'start_notice', noticeStartsOn: '2024-02-05' });
  at('2024-02-20T02:00:00Z');
  await step(c, { action: 'end_notice' });
  at('2024-03-01T02:00:00Z');
  await step(c, { action: 'file' });
  cases[name] = c;
  return c;
}

async function value(code: string, period: string, org = 'root') {
  const r = await admin.get(`/api/indicators/values?orgId=${id[org]}&period=${period}&codes=${code}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.values[0].value as number | null;
}

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  at('2024-01-15T02:00:00Z');
  for (const year of [2024, 2025]) expect((await admin.post('/api/hardship/thresholds', { place: '全区', year, minimumLivingFen: 100_000 })).status).toBe(200);
  await filedCase('张甲', 'a1');
  await filedCase('李乙', 'b1');
  at('2025-06-01T04:00:00Z');
  const term = (org: string, electedOn: string) => admin.post(`/api/unions/${id[org]}/terms`, { electedOn, termYears: 5, chairName: '主席', chairFullTime: false });
  expect((await term('a1', '2019-12-30')).status).toBe(200);
  expect((await term('a2', '2019-12-31')).status).toBe(200);
  expect((await term('b1', '2020-01-01')).status).toBe(200);
});
afterAll(() => t.close());

describe('在档困难职工户数 is read from the dated case timeline', () => {
  it('an exit at 23:00 on 31 Dec leaves the year; one at 00:30 on 1 Jan is still on file at its end', async () => {
    at('2024-12-31T15:00:00Z'); // 2024-12-31 23:00 China time
    await step(cases['张甲']!, { action: 'exit', exitReason: 'relieved', opinion: '纳入政府兜底' });
    at('2024-12-31T16:30:00Z'); // 2025-01-01 00:30 China time
    await step(cases['李乙']!, { action: 'exit', exitReason: 'relieved', opinion: '纳入政府兜底' });
    expect(await value('hardship.on_file', '2024')).toBe(1); // 乙
    expect(await value('hardship.on_file', '2024', '甲街道')).toBe(0);
    expect(await value('hardship.on_file', '2024', '乙街道')).toBe(1);
    expect(await value('hardship.on_file', '2024Q3')).toBe(2);
  });

  it('a relapse this year does not change last year’s figure', async () => {
    at('2025-03-01T02:00:00Z');
    await step(cases['张甲']!, { action: 'relapse', assessment: household, opinion: '重新陷入困难' });
    expect(await value('hardship.on_file', '2024')).toBe(1); // still only 乙: 甲 had exited before the year ended
    expect(await value('hardship.on_file', '2024', '甲街道')).toBe(0);
    const recs = (await admin.get(`/api/indicators/hardship.on_file/records?orgId=${id.root}&period=2024`)).body.items.map((r: { title: string }) => r.title);
    expect(recs).toEqual([expect.stringContaining('李乙')]);
    expect(await value('hardship.on_file', '2025Q1')).toBe(1); // 甲, relapsed on 2025-03-01
    expect(await value('hardship.on_file', '202502')).toBe(0);
  });
});

describe('逾期未换届 means the term ended before the last day of the period', () => {
  it('a term ending on the last day is due, not overdue; one ending the day before is overdue', async () => {
    expect(await value('union.elections_overdue', '2024')).toBe(1); // a1, ended 2024-12-30
    expect(await value('union.elections_due', '2024')).toBe(2); // a2 (ends 2024-12-31), b1 (2025-01-01)
    const overdue = (await admin.get(`/api/indicators/union.elections_overdue/records?orgId=${id.root}&period=2024`)).body.items.map((r: { title: string }) => r.title);
    expect(overdue).toEqual(['a1工会']);
    // The reminder list agrees on that day: a2's term ends today, so it is due, not yet overdue.
    at('2024-12-31T04:00:00Z');
    const list = (await admin.get('/api/unions/elections?status=all&pageSize=50')).body.items as { orgName: string; status: string }[];
    at('2025-06-01T04:00:00Z');
    expect(Object.fromEntries(list.filter((r) => ['a1工会', 'a2工会'].includes(r.orgName)).map((r) => [r.orgName, r.status]))).toEqual({ a1工会: 'overdue', a2工会: 'due' });
  });
});

describe('money in the figures', () => {
  it('counts approved aid only, and shows a 5,000 元 grant as 5,000.00 元 in the drill-down and the Excel export', async () => {
    at('2024-06-01T02:00:00Z');
    const grant = await admin.post('/api/aid', { memberId: memberIds['张甲'], kind: 'living', form: 'cash', amountFen: 500_000, givenOn: '2024-06-01', fundSource: 'union' });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const pending = await admin.post('/api/aid', { memberId: memberIds['李乙'], kind: 'living', form: 'cash', amountFen: 100_000, givenOn: '2024-06-01', fundSource: 'union' });
    expect(pending.status).toBe(200);
    at('2025-06-01T04:00:00Z');
    // Recorded but not approved: not money yet.
    expect(await value('aid.paid_total', '2024')).toBe(0);
    expect(await value('aid.people', '2024')).toBe(0);
    expect((await admin.post(`/api/aid/${grant.body.id}/approve`)).status).toBe(200);
    expect(await value('aid.paid_total', '2024')).toBe(5000);
    expect(await value('aid.paid_union', '2024')).toBe(5000);
    expect(await value('aid.people', '2024')).toBe(1);
    const summary = (await admin.get('/api/aid/summary?year=2024')).body;
    expect(summary).toMatchObject({ totalFen: 500_000, people: 1 });

    const r = await admin.get(`/api/indicators/aid.paid_total/records?orgId=${id.root}&period=2024`);
    expect(r.status).toBe(200);
    expect(r.body.amount).toEqual({ kind: 'money', label: '金额（元）' });
    expect(r.body.indicator.amount).toEqual({ kind: 'money', label: '金额（元）' });
    expect(r.body.items.map((i: { amount: number }) => i.amount)).toEqual([5000]);
    // A rate's part carries its own column; a head count shows no (misleading) amount at all.
    const den = await admin.get(`/api/indicators/aid.government_to_union/records?orgId=${id.root}&period=2024&part=denominator`);
    expect(den.body.amount).toEqual({ kind: 'money', label: '金额（元）' });
    expect(den.body.items[0].amount).toBe(5000);
    const people = await admin.get(`/api/indicators/aid.people/records?orgId=${id.root}&period=2024`);
    expect(people.body.amount).toBeNull();
    expect(people.body.items[0].amount).toBeNull();

    const x = await admin.get(`/api/indicators/aid.paid_total/records/export.xlsx?orgId=${id.root}&period=2024`);
    expect(x.status).toBe(200);
    const rows = await readXlsxRows(x.raw.rawPayload);
    expect(rows[0]).toEqual(['记录', '所属组织', '日期', '金额（元）']);
    expect(rows[1]![3]).toBe('5000');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.raw.rawPayload as unknown as ArrayBuffer);
    const cell = book.worksheets[0]!.getRow(2).getCell(4);
    expect(cell.value).toBe(5000);
    expect(cell.numFmt).toBe('#,##0.00');
    // Without an amount column the export has none either.
    const px = await readXlsxRows((await admin.get(`/api/indicators/aid.people/records/export.xlsx?orgId=${id.root}&period=2024`)).raw.rawPayload);
    expect(px[0]).toEqual(['记录', '所属组织', '日期']);
  });
});
