import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';

let t: TestApp;
let admin: TestClient;
let union: TestClient;
let hengda: { id: number };
const year = new Date().getFullYear();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function newMember(name: string): Promise<number> {
  const r = await union.post('/api/members', { name, idNumber: fakeIdNumber('19820202'), orgId: hengda.id, joinedOn: '2020-01-01' });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.memberId;
}
const household = { householdSize: 2, incomes: [{ kind: 'wage', annualFen: 1_800_000 }], expenses: [], accidentLossFen: 0, members: [] };
const pay = (c: TestClient, body: Record<string, unknown>) => c.post('/api/aid', { kind: 'living', form: 'cash', givenOn: today, fundSource: 'union', ...body });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  union = await t.as('union');
  hengda = (await admin.get(`/api/orgs?q=${encodeURIComponent('云溪恒达物流有限公司工会委员会')}&tier=grassroots`)).body.items[0];
});
afterAll(() => t.close());

describe('aid money rules', () => {
  it('caps a household’s aid in a calendar year, naming the figures; cancelled aid does not count', async () => {
    const m = await newMember('上限甲');
    expect((await admin.request('PUT', '/api/hardship/settings', { reviewIntervalMonths: 12, exitMonths: 6, watchMonths: 12, watchVisitMonths: 6, exitIncomePercent: 100, relapseIncomePercent: 100, noticeDays: 5, visitDueDays: 15 })).status).toBe(200);
    const first = await pay(union, { memberId: m, amountFen: 1_500_000 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending', statusLabel: '待审批', amountFen: 1_500_000, fundSourceLabel: '工会经费' });
    const over = await pay(union, { memberId: m, amountFen: 600_000 });
    expect(over.status).toBe(409);
    expect(over.body.message).toBe(`上限甲家 ${year} 年已登记帮扶 15,000.00 元（含待审批、待签收的），再发 6,000.00 元将超过每户每年上限 20,000.00 元`);
    expect((await pay(union, { memberId: m, amountFen: 500_000 })).status).toBe(200);
    // Next year starts a new total.
    expect((await pay(union, { memberId: m, amountFen: 1_000_000, givenOn: `${year - 1}-06-01` })).status).toBe(200);
    expect((await union.post(`/api/aid/${first.body.id}/cancel`, { reason: '' })).status).toBe(400);
    expect((await union.post(`/api/aid/${first.body.id}/cancel`, { reason: '重复登记' })).body.status).toBe('cancelled');
    expect((await pay(union, { memberId: m, amountFen: 1_500_000 })).status).toBe(200);
  });

  it('pays one person once per campaign', async () => {
    const m = await newMember('重复乙');
    const c = await admin.post('/api/campaigns', { name: '测试冬送温暖', season: 'winter', startsOn: today, endsOn: today, budgets: { government: 1_000_000 } });
    expect(c.status).toBe(200);
    expect((await pay(union, { memberId: m, campaignId: c.body.id, kind: 'seasonal', amountFen: 50_000 })).status).toBe(200);
    const again = await pay(union, { memberId: m, campaignId: c.body.id, kind: 'seasonal', amountFen: 50_000, fundSource: 'government' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('重复乙已在本次活动中领取过，同一活动不能重复发放');
    expect((await admin.post(`/api/campaigns/${c.body.id}/close`)).status).toBe(200);
    expect((await pay(union, { memberId: await newMember('关闭丙'), campaignId: c.body.id, amountFen: 50_000 })).body.code).toBe('AID.CAMPAIGN_CLOSED');
  });

  it('takes 金秋助学 amounts from the table by school level and whether the case is on file', async () => {
    const offFile = await newMember('助学丁');
    const r = await pay(union, { memberId: offFile, kind: 'education', schoolLevel: 'undergraduate', amountFen: 1 });
    expect(r.body).toMatchObject({ amountFen: 400_000, schoolLevelLabel: '本科' });
    expect((await pay(union, { memberId: offFile, kind: 'education' })).body.code).toBe('AID.SCHOOL_LEVEL_REQUIRED');
    expect((await admin.request('PUT', '/api/aid/education-rates', { rates: [{ level: 'undergraduate', onFile: true, amountFen: 550_000 }] })).status).toBe(200);
    expect((await union.request('PUT', '/api/aid/education-rates', { rates: [{ level: 'undergraduate', onFile: true, amountFen: 9 }] })).status).toBe(403);
    // A member whose case is on file (filed through the lifecycle).
    const onFile = await newMember('助学戊');
    const c = (await union.post('/api/hardship/cases', { memberId: onFile, primaryCause: 'education', assessment: household, consent: { covers: ['name'] } })).body.id;
    await t.database.db.execute(sql`update hardship_cases set status = 'assisted', filed_on = ${today} where id = ${c}`);
    const r2 = await pay(union, { memberId: onFile, kind: 'education', schoolLevel: 'undergraduate' });
    expect(r2.body).toMatchObject({ amountFen: 550_000 });
    expect(r2.body.caseNo).toMatch(/^KN/);
  });

  it('is approved by the district, then signed for; each state refuses the wrong step', async () => {
    const a = (await pay(union, { memberId: await newMember('签收己'), amountFen: 80_000 })).body;
    expect((await union.post(`/api/aid/${a.id}/sign`, { signedOn: today })).status).toBe(409);
    expect((await union.post(`/api/aid/${a.id}/approve`)).status).toBe(403);
    expect((await admin.post(`/api/aid/${a.id}/approve`)).body.status).toBe('approved');
    expect((await admin.post(`/api/aid/${a.id}/approve`)).status).toBe(409);
    const signed = await union.post(`/api/aid/${a.id}/sign`, { signedOn: today });
    expect(signed.body).toMatchObject({ status: 'signed', signedOn: today });
    expect((await union.post(`/api/aid/${a.id}/cancel`, { reason: '错发' })).status).toBe(409);
  });
});

describe('campaigns', () => {
  it('builds a recipient list from the cases on file, skipping those already paid and those over the cap with reasons', async () => {
    const c = (await admin.post('/api/campaigns', { name: '测试夏送清凉', season: 'summer', startsOn: today, endsOn: today })).body;
    const built = await admin.post(`/api/campaigns/${c.id}/recipients`, { source: 'cases', form: 'cash', amountFen: 30_000, fundSource: 'government', givenOn: today });
    expect(built.status).toBe(200);
    expect(built.body.added).toBeGreaterThan(5);
    const again = await admin.post(`/api/campaigns/${c.id}/recipients`, { source: 'cases', form: 'cash', amountFen: 30_000, fundSource: 'government', givenOn: today });
    expect(again.body.added).toBe(0);
    expect(again.body.skipped.length).toBe(built.body.added);
    expect(again.body.skipped[0].reason).toContain('同一活动不能重复发放');
    const list = await admin.get('/api/campaigns');
    const mine = list.body.items.find((x: { id: number }) => x.id === c.id);
    expect(mine).toMatchObject({ people: built.body.added, totalFen: built.body.added * 30_000, seasonLabel: '夏送清凉' });
    expect(mine.bySource).toEqual([{ fundSource: 'government', label: '财政资金', amountFen: built.body.added * 30_000 }]);
    // The grassroots union sees the district's campaign, with only its own members' aid counted.
    const u = (await union.get('/api/campaigns')).body.items.find((x: { id: number }) => x.id === c.id);
    expect(u.people).toBeLessThanOrEqual(mine.people);
  });

  it('summarises the year by kind and fund source with the government-to-union ratio, and exports the list', async () => {
    const s = await admin.get(`/api/aid/summary?year=${year}`);
    expect(s.status).toBe(200);
    const gov = s.body.bySource.find((x: { key: string }) => x.key === 'government').amountFen;
    const uni = s.body.bySource.find((x: { key: string }) => x.key === 'union').amountFen;
    expect(s.body.governmentToUnion).toBe(Math.round((gov / uni) * 100) / 100);
    expect(s.body.totalFen).toBe(s.body.byKind.reduce((a: number, x: { amountFen: number }) => a + x.amountFen, 0));
    const x = await admin.get(`/api/aid/export?year=${year}`);
    const rows = await readXlsxRows(x.raw.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['发放日期', '姓名', '居民身份证号码', '所在工会']);
    expect(rows.slice(1).every((r) => /\*/.test(String(r[2])))).toBe(true);
    const values = await admin.get(`/api/indicators/values?period=${year}&codes=aid.paid_total,aid.paid_government,aid.paid_union,aid.government_to_union,aid.campaign_people`);
    const v = Object.fromEntries(values.body.values.map((i: { code: string; value: number }) => [i.code, i.value]));
    expect(v['aid.paid_total']).toBe(s.body.totalFen / 100);
    expect(v['aid.government_to_union']).toBeCloseTo((gov / uni) * 100, 1);
  });

  it('shows a member the aid they received', async () => {
    const member = await t.as('member');
    const [row] = await queryRows<{ id: number }>(t.database.db, sql`select m.id from members m join accounts a on a.id = m.account_id where a.username = 'member'`);
    const own = row!.id;
    const r = await pay(admin, { memberId: own, amountFen: 12_300 });
    expect(r.status).toBe(200);
    const after = await member.get('/api/hardship/my');
    expect(after.body.aid.some((a: { amountFen: number }) => a.amountFen === 12_300)).toBe(true);
  });
});
