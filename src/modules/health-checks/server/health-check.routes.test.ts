import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';

let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let union: TestClient;
let songling: TestClient;
let member: TestClient;
let hengda: { id: number };
const year = new Date().getFullYear();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function worker(name: string, extra: Record<string, unknown> = {}, female = false): Promise<number> {
  const r = await union.post('/api/members', { name, idNumber: fakeIdNumber('19880303', female), orgId: hengda.id, joinedOn: '2020-01-01', ...extra });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.memberId;
}
const programme = async (quotas: { group: string; places: number }[], over: Record<string, unknown> = {}) => {
  const r = await admin.post('/api/health-checks', { year, name: `测试体检${Math.random().toString(36).slice(2, 7)}`, provider: '区人民医院', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, quotas, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: number; name: string };
};

beforeAll(async () => {
  t = await createTestApp();
  [admin, staff, union, songling, member] = (await Promise.all(['admin', 'staff', 'union', 'songling', 'member'].map((u) => t.as(u)))) as [TestClient, TestClient, TestClient, TestClient, TestClient];
  hengda = (await admin.get(`/api/orgs?q=${encodeURIComponent('云溪恒达物流有限公司工会委员会')}&tier=grassroots`)).body.items[0];
});
afterAll(() => t.close());

describe('free health checks', () => {
  it('lets the district set up a programme with places by group', async () => {
    expect((await union.post('/api/health-checks', { year, name: '越权', provider: '医院', startsOn: today, endsOn: today, quotas: [{ group: 'courier', places: 1 }] })).status).toBe(403);
    const dup = await admin.post('/api/health-checks', { year, name: '重复人群', provider: '医院', startsOn: today, endsOn: today, quotas: [{ group: 'courier', places: 1 }, { group: 'courier', places: 2 }] });
    expect(dup.body.code).toBe('HEALTH_CHECK.DUPLICATE_GROUP');
    const none = await admin.post('/api/health-checks', { year, name: '无名额', provider: '医院', startsOn: today, endsOn: today, quotas: [] });
    expect(none.status).toBe(400);
    const p = await programme([{ group: 'courier', places: 2 }, { group: 'women_screening', places: 1 }]);
    expect(p).toMatchObject({ places: 3, signedUp: 0, statusLabel: '报名中', groups: [{ groupLabel: '快递员', places: 2 }, { groupLabel: '女职工“两癌”筛查', places: 1 }] });
    // The list's filters (ledger kit): search, year, status; none given lists every programme reached.
    const names = async (q: string) => ((await admin.get(`/api/health-checks${q}`)).body.items as { name: string }[]).map((x) => x.name);
    expect(await names('')).toContain(p.name);
    expect(await names(`?q=${encodeURIComponent(p.name)}&year=${year}&status=open`)).toEqual([p.name]);
    expect(await names(`?year=${year - 1}`)).not.toContain(p.name);
    expect(await names('?status=closed')).not.toContain(p.name);
  });

  it('checks eligibility against the register, places left and one sign-up per programme', async () => {
    const p = await programme([{ group: 'courier', places: 1 }, { group: 'women_screening', places: 1 }]);
    const man = await worker('体检男', { occupation: '快递员' });
    const woman = await worker('体检女', {}, true);
    const courier2 = await worker('快递二', { occupation: '快递员' });
    const sign = (memberId: number, group: string, slotOn = today) => union.post(`/api/health-checks/${p.id}/signups`, { memberId, group, slotOn });
    expect((await sign(man, 'women_screening')).body.message).toBe('体检男不能报名“女职工“两癌”筛查”：“两癌”筛查名额仅限女职工');
    expect((await sign(woman, 'courier')).body.message).toBe('体检女不能报名“快递员”：会员档案中的从业类别不是快递员');
    expect((await sign(man, 'migrant')).body.message).toBe('本项目没有为“农民工”安排名额');
    expect((await sign(man, 'courier', `${year + 1}-01-05`)).body.code).toBe('HEALTH_CHECK.SLOT_OUTSIDE');
    expect((await sign(man, 'courier')).status).toBe(200);
    expect((await sign(man, 'courier')).body.message).toBe(`体检男已报名“${p.name}”`);
    expect((await sign(courier2, 'courier')).body.message).toBe('“快递员”的 1 个名额已满');
    expect((await sign(woman, 'women_screening')).status).toBe(200);
    // Another street cannot sign up this union's workers.
    expect((await songling.post(`/api/health-checks/${p.id}/signups`, { memberId: courier2, group: 'courier', slotOn: today })).body.code).toBe('HEALTH_CHECK.MEMBER_NOT_FOUND');
    const list = (await union.get(`/api/health-checks/${p.id}/signups`)).body;
    expect(list.total).toBe(2);
    const manSignup = list.items.find((s: { memberName: string }) => s.memberName === '体检男');
    // Cancelling frees the place.
    expect((await union.post(`/api/health-checks/signups/${manSignup.id}/cancel`)).status).toBe(200);
    expect((await sign(courier2, 'courier')).status).toBe(200);
    expect((await admin.get('/api/health-checks')).body.items.find((x: { id: number }) => x.id === p.id)).toMatchObject({ signedUp: 2, done: 0 });
  });

  it('reads sanitation and food delivery from the coded worker kind: 外卖送餐员 counts, a free-text occupation does not', async () => {
    const p = await programme([{ group: 'sanitation', places: 5 }, { group: 'food_delivery', places: 5 }]);
    const sign = (memberId: number, group: string) => union.post(`/api/health-checks/${p.id}/signups`, { memberId, group, slotOn: today });
    const cleaner = await worker('清洁乙', { occupation: '保洁员' });
    expect((await sign(cleaner, 'sanitation')).body.message).toBe('清洁乙不能报名“环卫工人”：会员档案中的从业类别不是环卫工人');
    const sweeper = await worker('环卫乙', { occupation: '道路保洁', workerKind: 'sanitation' });
    expect((await sign(sweeper, 'sanitation')).status).toBe(200);
    // The template value 外卖送餐员 (a listed synonym) is a food-delivery gig worker.
    const rider = await worker('送餐丙', { occupation: '外卖送餐员' });
    expect((await union.get(`/api/members/${rider}`)).body).toMatchObject({ workerKind: 'food_delivery', gigKind: 'food_delivery', workerKindLabel: '外卖配送员' });
    expect((await sign(rider, 'food_delivery')).status).toBe(200);
  });

  it('records the check and keeps results as health data: encrypted, for the results permission only, audited', async () => {
    const p = await programme([{ group: 'sanitation', places: 5 }]);
    const w = await worker('环卫甲', { occupation: '环卫工人' });
    const id = (await union.post(`/api/health-checks/${p.id}/signups`, { memberId: w, group: 'sanitation', slotOn: today })).body.id;
    expect((await union.post(`/api/health-checks/signups/${id}/results`, { abnormal: false })).body.message).toBe('报名记录当前为“已报名”，不能登记体检结果（只有“已体检”的报名记录可以）');
    expect((await union.post(`/api/health-checks/signups/${id}/done`, { doneOn: `${year + 1}-01-01` })).body.code).toBe('HEALTH_CHECK.DONE_DATE');
    expect((await union.post(`/api/health-checks/signups/${id}/done`, { doneOn: today })).status).toBe(200);
    expect((await union.post(`/api/health-checks/signups/${id}/cancel`)).body.code).toBe('HEALTH_CHECK.ILLEGAL_STATUS');
    expect((await staff.post(`/api/health-checks/signups/${id}/results`, { abnormal: true })).status).toBe(403);
    expect((await union.post(`/api/health-checks/signups/${id}/results`, { abnormal: true, findings: '血糖偏高', followUp: '内分泌科复查', reportDeliveredOn: today })).status).toBe(200);
    const row = (await union.get(`/api/health-checks/${p.id}/signups`)).body.items[0];
    expect(row).toMatchObject({ statusLabel: '已体检', doneOn: today, hasResults: true, reportDeliveredOn: today });
    expect(JSON.stringify(row)).not.toContain('血糖');
    const [stored] = await queryRows<{ results_enc: string }>(t.database.db, sql`select results_enc from health_check_signups where id = ${id}`);
    expect(stored!.results_enc).toMatch(/^v1\./);
    expect((await staff.post(`/api/health-checks/signups/${id}/results/view`)).status).toBe(403);
    expect((await songling.post(`/api/health-checks/signups/${id}/results/view`)).status).toBe(404);
    expect((await union.post(`/api/health-checks/signups/${id}/results/view`)).body).toEqual({ abnormal: true, findings: '血糖偏高', followUp: '内分泌科复查' });
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events where action = 'healthcheck.reveal' and entity_id = ${id}`);
    expect(audit!.n).toBe(1);
    // Due work: a check done without results, then none once they are recorded; the list filters by it.
    const due = (await union.get('/api/health-checks/due')).body.find((d: { programmeId: number }) => d.programmeId === p.id);
    expect(due).toBeUndefined();
    const xl = await readXlsxRows((await union.get(`/api/health-checks/${p.id}/signups/export`)).raw.rawPayload);
    expect(xl[1]).toContain('环卫甲');
    expect(JSON.stringify(xl)).not.toContain('血糖');
  });

  it('lists due work by programme: checks done without results, bookings past their date', async () => {
    const p = await programme([{ group: 'frontline', places: 5 }]);
    const a = (await union.post(`/api/health-checks/${p.id}/signups`, { memberId: await worker('待办一'), group: 'frontline', slotOn: `${year}-01-01` })).body.id;
    await union.post(`/api/health-checks/${p.id}/signups`, { memberId: await worker('待办二'), group: 'frontline', slotOn: `${year}-01-01` });
    await union.post(`/api/health-checks/${p.id}/signups`, { memberId: await worker('待办三'), group: 'frontline', slotOn: `${year}-12-31` });
    await union.post(`/api/health-checks/signups/${a}/done`, { doneOn: `${year}-01-01` });
    const due = (await union.get('/api/health-checks/due')).body.find((d: { programmeId: number }) => d.programmeId === p.id);
    // 待办二's booking on 1 January has passed (unless today is that day); 待办三's is still ahead.
    expect(due).toEqual({ programmeId: p.id, name: p.name, results: 1, overdue: today > `${year}-01-01` ? 1 : 0 });
    expect((await union.get(`/api/health-checks/${p.id}/signups?due=results`)).body.items.map((s: { memberName: string }) => s.memberName)).toEqual(['待办一']);
    expect((await songling.get('/api/health-checks/due')).body.find((d: { programmeId: number }) => d.programmeId === p.id)).toBeUndefined();
  });

  it('lets a member sign up on their own, see the groups they may take, cancel, and see their own results', async () => {
    const p = await programme([{ group: 'women_screening', places: 3 }, { group: 'frontline', places: 3 }]);
    const mine = (await member.get('/api/me/health-checks')).body;
    const offer = mine.open.find((o: { id: number }) => o.id === p.id);
    expect(offer.groups).toEqual([
      { group: 'women_screening', groupLabel: '女职工“两癌”筛查', left: 3, eligible: false, reason: '“两癌”筛查名额仅限女职工' },
      { group: 'frontline', groupLabel: '其他一线职工', left: 3, eligible: true, reason: null },
    ]);
    expect((await member.post(`/api/me/health-checks/${p.id}/signups`, { group: 'women_screening', slotOn: today })).body.code).toBe('HEALTH_CHECK.NOT_ELIGIBLE');
    const id = (await member.post(`/api/me/health-checks/${p.id}/signups`, { group: 'frontline', slotOn: today })).body.id;
    expect(id).toBeGreaterThan(0);
    // Not someone else's sign-up.
    const other = (await union.post(`/api/health-checks/${p.id}/signups`, { memberId: await worker('他人'), group: 'frontline', slotOn: today })).body.id;
    expect((await member.post(`/api/me/health-checks/signups/${other}/cancel`)).status).toBe(404);
    expect((await member.post(`/api/health-checks/signups/${other}/cancel`)).status).toBe(403);
    await union.post(`/api/health-checks/signups/${id}/done`, { doneOn: today });
    await union.post(`/api/health-checks/signups/${id}/results`, { abnormal: false, findings: '未见异常' });
    const after = (await member.get('/api/me/health-checks')).body.signups.find((s: { id: number }) => s.id === id);
    expect(after).toMatchObject({ statusLabel: '已体检', results: { abnormal: false, findings: '未见异常', followUp: null } });
    // A closed programme is no longer offered.
    expect((await admin.post(`/api/health-checks/${p.id}/close`)).status).toBe(200);
    expect((await member.get('/api/me/health-checks')).body.open.some((o: { id: number }) => o.id === p.id)).toBe(false);
    expect((await union.post(`/api/health-checks/${p.id}/signups`, { memberId: await worker('晚到'), group: 'frontline', slotOn: today })).body.code).toBe('HEALTH_CHECK.PROGRAMME_CLOSED');
  });
});
