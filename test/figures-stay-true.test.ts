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
import { fakeIdNumber, fakeUscc } from './fixtures/people';
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

/** Titles of an indicator's records for a period, sorted. */
async function titles(code: string, period: string, org = 'root') {
  const r = await admin.get(`/api/indicators/${code}/records?orgId=${id[org]}&period=${period}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.items as { title: string }[]).map((x) => x.title).sort();
}

describe('建会率, 建会空白点 and 已建会单位职工人数 are read from the dated coverage history', () => {
  const employer = async (name: string, street: string, employees: number, cover?: [string, string]) => {
    const e = await admin.post('/api/employers', { name, uscc: fakeUscc(), orgId: id[street], employees });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    if (cover) await covers(e.body.id, cover[0], cover[1]);
    return e.body.id as number;
  };
  const covers = async (employerId: number, union: string, since: string) => {
    const r = await admin.post(`/api/employers/${employerId}/cover`, { orgId: id[union], since });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const uncovers = async (employerId: number) => expect((await admin.post(`/api/employers/${employerId}/uncover`, {})).status).toBe(200);
  const figures = async (period: string, org = 'root') => ({
    covered: await value('employer.covered_25', period, org),
    gaps: await value('employer.gaps', period, org),
    rate: await value('employer.founding_rate', period, org),
    employees: await value('employer.covered_employees', period, org),
  });
  const ids: Record<string, number> = {};

  it('uncovering and re-covering employers this year does not change last year’s figures', async () => {
    at('2024-06-01T04:00:00Z');
    ids.E1 = await employer('E1公司', '甲街道', 40, ['a1', '2024-01-10']);
    ids.E2 = await employer('E2公司', '乙街道', 30, ['b1', '2024-03-10']);
    ids.E3 = await employer('E3公司', '甲街道', 50);
    const y2024 = { covered: 2, gaps: 1, rate: 66.67, employees: 70 };
    expect(await figures('2024')).toEqual(y2024);
    expect(await value('employer.covered_employees', '2024', '乙街道')).toBe(30);

    at('2025-03-01T04:00:00Z');
    await uncovers(ids.E1); // E1 is uncovered from 2025-03-01
    await covers(ids.E2, 'a2', '2025-03-01'); // E2 is covered by a2 (甲街道) instead of b1 (乙街道) from 2025-03-01
    at('2025-05-01T04:00:00Z');
    await covers(ids.E1, 'a1', '2025-05-01'); // E1 is covered again, from 2025-05-01

    expect(await figures('2024')).toEqual(y2024);
    expect(await value('employer.covered_employees', '2024', '乙街道')).toBe(30);
    expect(await value('employer.covered_employees', '2024', '甲街道')).toBe(40);
    expect(await titles('employer.gaps', '2024')).toEqual(['E3公司']);
    // At the end of 2025Q1: E1 uncovered, E2 covered by a2.
    expect(await figures('2025Q1')).toEqual({ covered: 1, gaps: 2, rate: 33.33, employees: 30 });
    expect(await value('employer.covered_employees', '2025Q1', '乙街道')).toBe(0);
    expect(await value('employer.covered_employees', '2025Q1', '甲街道')).toBe(30);
    expect(await figures('2025Q2')).toEqual(y2024);
    // The register shows today's state.
    const list = (await admin.get('/api/employers?coverage=gap&pageSize=50')).body.items.map((e: { name: string }) => e.name);
    expect(list).toEqual(['E3公司']);
  });

  it('an employer uncovered on 31 Dec is a gap at the end of that year; one uncovered on 1 Jan is covered', async () => {
    at('2025-06-01T04:00:00Z');
    ids.G1 = await employer('G1公司', '甲街道', 25, ['a1', '2024-06-01']);
    ids.G2 = await employer('G2公司', '甲街道', 25, ['a1', '2024-06-01']);
    ids.G3 = await employer('G3公司', '甲街道', 25);
    ids.G4 = await employer('G4公司', '甲街道', 25);
    at('2025-12-31T15:00:00Z'); // 2025-12-31 23:00 China time
    await uncovers(ids.G1);
    await covers(ids.G3, 'a2', '2025-12-31');
    at('2025-12-31T16:30:00Z'); // 2026-01-01 00:30 China time
    await uncovers(ids.G2);
    await covers(ids.G4, 'a2', '2026-01-01');
    const g = (names: string[]) => names.filter((n) => n.startsWith('G'));
    expect(g(await titles('employer.covered_25', '2025'))).toEqual(['G2公司', 'G3公司']);
    expect(g(await titles('employer.gaps', '2025'))).toEqual(['G1公司', 'G4公司']);
    expect(g(await titles('employer.covered_employees', '2025'))).toEqual(['G2公司', 'G3公司']);
    expect(g(await titles('employer.covered_25', '2026Q1'))).toEqual(['G3公司', 'G4公司']);
    expect(g(await titles('employer.covered_25', '2024'))).toEqual(['G1公司', 'G2公司']);
  });
});

describe('大病互助 enrolment figures count the enrolments paid in the period and in force at its end', () => {
  const enrol = async (plan: number, name: string, shares: number, paidOn: string) => {
    const r = await admin.post(`/api/mutual-aid/plans/${plan}/enrolments`, { memberId: memberIds[name], shares, paidOn });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id as number;
  };
  const withdraws = async (enrolment: number) => expect((await admin.post(`/api/mutual-aid/enrolments/${enrolment}/withdraw`, { reason: '离职' })).status).toBe(200);
  const figures = async (period: string) => ({
    people: await value('mutualaid.enrolled_people', period),
    enrolments: await value('mutualaid.enrolments', period),
    premium: await value('mutualaid.premium_total', period),
  });

  it('a later withdrawal or re-enrolment does not change an earlier period; 31 Dec vs 1 Jan', async () => {
    at('2025-03-01T04:00:00Z');
    const plan = await admin.post('/api/mutual-aid/plans', { year: 2025, name: '2025年度住院互助', product: 'inpatient', premiumFen: 3000, maxShares: 3, benefitPerShareFen: 300_000, coverStart: '2025-01-01', coverEnd: '2025-12-31', enrolUntil: '2025-12-31' });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const p = plan.body.id as number;
    const first = await enrol(p, '张甲', 1, '2025-03-01');
    expect(await figures('2025Q1')).toEqual({ people: 1, enrolments: 1, premium: 30 });
    at('2025-04-15T04:00:00Z');
    await withdraws(first); // withdrawn on 2025-04-15, after Q1
    at('2025-05-10T04:00:00Z');
    const again = await enrol(p, '张甲', 2, '2025-05-10'); // taken up again: a new enrolment
    const yi = await enrol(p, '李乙', 2, '2025-12-31');
    at('2025-12-31T15:00:00Z'); // 2025-12-31 23:00 China time: out of force at the end of 2025
    await withdraws(again);
    at('2025-12-31T16:30:00Z'); // 2026-01-01 00:30 China time: still in force at the end of 2025
    await withdraws(yi);

    expect(await figures('2025Q1')).toEqual({ people: 1, enrolments: 1, premium: 30 }); // 甲's first enrolment
    expect(await figures('2025Q2')).toEqual({ people: 1, enrolments: 1, premium: 60 }); // 甲's second one
    expect(await figures('2025Q4')).toEqual({ people: 1, enrolments: 1, premium: 60 }); // 乙
    expect(await figures('2025')).toEqual({ people: 1, enrolments: 1, premium: 60 }); // only 乙 was in force on 31 Dec
    const recs = await titles('mutualaid.enrolments', '2025');
    expect(recs).toEqual([expect.stringContaining('李乙')]);
    expect(again).not.toBe(first);
  });
});
