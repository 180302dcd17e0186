import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { fakeUscc, xlsx } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const E1 = { uscc: fakeUscc(), name: '甲精密机械有限公司', workers: 120 };
const E2 = { uscc: fakeUscc(), name: '甲电子科技有限公司', workers: 80 };
const offer = (over: Record<string, unknown> = {}) => ({ orgId: id.a1, kind: 'wage', scope: 'single', title: '甲精密机械有限公司 2025 年工资专项集体合同', offerOn: '2025-01-06', offerBy: 'union', employers: [E1], avgWageLastYear: 82_000, wageIncreasePct: 5, minWageMultiple: 1.6, ...over });
const step = (c: TestClient, k: number, action: string, on: string, over: Record<string, unknown> = {}) => c.post(`/api/contracts/${k}/steps`, { action, on, ...over });
const ok = async (p: Promise<{ status: number; body: any }>) => {
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const papers = async (c: TestClient, k: number, kinds = ['text', 'negotiation_note', 'resolution', 'representatives']) => {
  for (const kind of kinds) expect((await c.upload(`/api/contracts/${k}/attachments?kind=${kind}&fileName=${kind}.pdf`, pdf, 'application/octet-stream')).status).toBe(200);
};
/** Takes a new contract from its offer to signed, with a vote that passes. */
async function toSigned(c: TestClient, body: Record<string, unknown>, signedOn: string) {
  const k = (await ok(c.post('/api/contracts', body))).id as number;
  await ok(step(c, k, 'reply', '2025-01-10'));
  await ok(step(c, k, 'round', '2025-01-20', { note: '第一轮：工资增幅' }));
  await ok(step(c, k, 'draft', '2025-02-10'));
  await ok(step(c, k, 'vote', '2025-02-20', { delegatesTotal: 45, delegatesPresent: 40, votesFor: 36, votesAgainst: 2 }));
  await ok(step(c, k, 'sign', signedOn, { startsOn: signedOn, endsOn: '2027-12-31' }));
  return k;
}

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-12-20T04:00:00Z');
});
afterAll(() => t.close());

describe('集体合同', () => {
  let wage: number;

  it('records an offer with its covered enterprises, refusing bad input in Chinese', async () => {
    expect((await admin.post('/api/contracts', offer({ employers: [] }))).body.message).toContain('请至少填写一家覆盖企业');
    expect((await admin.post('/api/contracts', offer({ employers: [E1, E2] }))).body.message).toBe('单个企业的集体合同只覆盖一家企业；覆盖多家请选择区域性或行业性');
    expect((await admin.post('/api/contracts', offer({ employers: [{ ...E1, uscc: '91320102MA0000000X' }] }))).body.message).toContain('第 1 家覆盖企业“甲精密机械有限公司”');
    expect((await admin.post('/api/contracts', offer({ offerOn: '2025-12-21' }))).body.message).toBe('要约日期不能晚于今天');
    expect((await yi.post('/api/contracts', offer())).status).toBe(404); // a1 is 甲街道's, not 乙's
    const r = await ok(admin.post('/api/contracts', offer()));
    expect(r).toMatchObject({ status: 'offered', enterprises: 1, workersCovered: 120, avgWageLastYear: 82_000, canWrite: true, nextClock: { code: 'reply', dueOn: '2025-01-26', state: 'overdue' } });
    expect(r.employers).toEqual([E1]);
    expect(r.steps.map((s: { code: string }) => s.code)).toEqual(['reply', 'terminate']);
    wage = r.id;
  });

  it('runs the legal clocks: reply, talks in working days, a vote that must pass, a 1–3 year term', async () => {
    const replied = await ok(step(admin, wage, 'reply', '2025-01-10'));
    // 10 working days after Friday 10 January 2025 (the Spring Festival holiday 28 Jan – 4 Feb is later).
    expect(replied.clocks.find((k: { code: string }) => k.code === 'talks')).toMatchObject({ dueOn: '2025-01-24', doneOn: null });
    expect((await step(admin, wage, 'round', '2025-01-09', { note: '提前' })).body.message).toBe('日期不能早于上一事项的日期（2025-01-10）');
    const round = await ok(step(admin, wage, 'round', '2025-01-20', { note: '第一轮：工资增幅 5%' }));
    expect(round).toMatchObject({ status: 'negotiating', rounds: 1, firstRoundOn: '2025-01-20' });
    expect(round.clocks.find((k: { code: string }) => k.code === 'talks')).toMatchObject({ state: 'done' });
    expect((await step(admin, wage, 'sign', '2025-02-01')).body.message).toBe('集体合同当前为“协商中”，不能登记签订（只有“职代会已通过”的集体合同可以）');
    await ok(step(admin, wage, 'draft', '2025-02-10'));
    const quorum = await step(admin, wage, 'vote', '2025-02-20', { delegatesTotal: 45, delegatesPresent: 29, votesFor: 29, votesAgainst: null }); // a blank as the form sends it
    expect(quorum.status).toBe(409);
    expect(quorum.body.message).toBe('职代会表决未获通过：出席 29 人，未达到全体代表 45 人的三分之二（至少 30 人）');
    const half = await step(admin, wage, 'vote', '2025-02-20', { delegatesTotal: 45, delegatesPresent: 40, votesFor: 22 });
    expect(half.body.message).toBe('职代会表决未获通过：赞成 22 票，未超过全体代表 45 人的半数（至少 23 票）');
    expect((await step(admin, wage, 'vote', '2025-02-20', { delegatesTotal: 45, delegatesPresent: 40, votesFor: 30, votesAgainst: 11 })).body.message).toBe('出席人数不能多于代表总数，赞成票与反对票之和不能多于出席人数');
    await ok(step(admin, wage, 'vote', '2025-02-20', { delegatesTotal: 45, delegatesPresent: 40, votesFor: 36, votesAgainst: 2 }));
    expect((await step(admin, wage, 'sign', '2025-03-01', { startsOn: '2025-03-01', endsOn: '2029-02-28' })).body.message).toBe('集体合同期限为 1 至 3 年：2025-03-01 起，止于 2026-02-28 至 2028-02-29 之间');
    const signed = await ok(step(admin, wage, 'sign', '2025-03-01', { startsOn: '2025-03-01', endsOn: '2028-02-29' }));
    expect(signed).toMatchObject({ status: 'signed', signedOn: '2025-03-01', nextClock: { code: 'filing', dueOn: '2025-03-11', state: 'overdue' } });
  });

  it('files within 10 days of signing only with the four papers; day 11 is late and needs a reason', async () => {
    const missing = await step(admin, wage, 'file', '2025-03-11');
    expect(missing.status).toBe(409);
    expect(missing.body.message).toContain('合同文本');
    await papers(admin, wage);
    const filed = await ok(step(admin, wage, 'file', '2025-03-11'));
    expect(filed).toMatchObject({ status: 'filed', filedOn: '2025-03-11', filedOnTime: true });
    expect(filed.clocks.find((k: { code: string }) => k.code === 'filing')).toMatchObject({ dueOn: '2025-03-11', doneOn: '2025-03-11', state: 'done' });

    const late = await toSigned(admin, offer({ orgId: id.a2, title: '甲电子科技有限公司集体合同', kind: 'general', employers: [E2], avgWageLastYear: null }), '2025-03-01');
    await papers(admin, late);
    expect((await step(admin, late, 'file', '2025-03-12')).body.message).toBe('签订于 2025-03-01，最迟应于 2025-03-11 报送；逾期报送须填写理由');
    const r = await ok(step(admin, late, 'file', '2025-03-12', { lateReason: '首席代表出差' }));
    expect(r).toMatchObject({ filedOnTime: false, lateReason: '首席代表出差' });
    expect(r.clocks.find((k: { code: string }) => k.code === 'filing')).toMatchObject({ state: 'late' });
  });

  it('takes effect by itself 15 days after receipt without objection; an objection after that is refused', async () => {
    const received = await ok(step(admin, wage, 'receive', '2025-03-13', { receiptNo: '人社审 2025-018' }));
    expect(received.status).toBe('effective'); // today is 2025-12-20: the review ended on 2025-03-28
    expect(received).toMatchObject({ effectiveOn: '2025-03-29', nextClock: { code: 'publish', dueOn: '2025-04-08', state: 'overdue' } });
    expect(received.events.at(-1)).toMatchObject({ step: 'approve', on: '2025-03-29', note: '审查期满 15 日未提出异议，依法自动生效' });
    // The real approval date, recorded later, replaces the deemed one; it cannot fall after the review period.
    expect(received.steps.find((x: { code: string }) => x.code === 'approve')).toMatchObject({ blockedReason: null });
    expect((await step(admin, wage, 'approve', '2025-03-29')).body.message).toBe('受理于 2025-03-13，审查期到 2025-03-28 届满，合同已于次日依法生效；审查通过日期不能晚于 2025-03-28');
    const approved = await ok(step(admin, wage, 'approve', '2025-03-20'));
    expect(approved).toMatchObject({ status: 'effective', effectiveOn: '2025-03-20', nextClock: { code: 'publish', dueOn: '2025-03-30' } });
    expect(approved.steps.find((x: { code: string }) => x.code === 'approve')).toMatchObject({ blockedReason: '已登记审查通过' });
    const published = await ok(step(admin, wage, 'publish', '2025-04-01'));
    expect(published.clocks.find((k: { code: string }) => k.code === 'publish')).toMatchObject({ state: 'late' });
    expect(published).toMatchObject({ status: 'published' });
    // Renewal is a window: 待办 from three months before the end (2027-11-29), overdue once the term is over.
    expect(published.clocks.find((k: { code: string }) => k.code === 'renewal')).toMatchObject({ dueOn: '2028-02-29', opensOn: '2027-11-29', state: 'open' });
    // Each contract year a report to the 职代会: the first due by the end of the first year (from 2025-03-01), 待办 a month before.
    expect(published.clocks.find((k: { code: string }) => k.code === 'report')).toMatchObject({ dueOn: '2026-02-28', opensOn: '2026-01-29', state: 'open', doneOn: null });
    // Reported in the first year: the next is the second year's, 待办 a month before it ends.
    const reported = await ok(step(admin, wage, 'report', '2025-12-01', { note: '工资增长 5% 已兑现' }));
    expect(reported.clocks.find((k: { code: string }) => k.code === 'report')).toMatchObject({ label: expect.stringContaining('第 2 个合同年度'), dueOn: '2027-02-28', opensOn: '2027-01-29', state: 'open' });

    t.clock.now = new Date('2025-03-20T04:00:00Z');
    const k = await toSigned(admin, offer({ orgId: id.a3, title: '甲联合工会集体合同', kind: 'general', employers: [{ ...E2, uscc: fakeUscc() }], avgWageLastYear: null }), '2025-03-01');
    await papers(admin, k);
    await ok(step(admin, k, 'file', '2025-03-05'));
    const reviewing = await ok(step(admin, k, 'receive', '2025-03-10'));
    // Received 2025-03-10: the review runs to 2025-03-25; approved within it, it takes effect that day.
    expect(reviewing).toMatchObject({ status: 'reviewing', nextClock: { code: 'review', dueOn: '2025-03-25', state: 'soon' } });
    expect(reviewing.steps.find((x: { code: string }) => x.code === 'approve')).toMatchObject({ blockedReason: null });
    expect(await ok(step(admin, k, 'approve', '2025-03-18'))).toMatchObject({ status: 'effective', effectiveOn: '2025-03-18' });
    t.clock.now = new Date('2025-04-01T04:00:00Z');
    const tooLate = await step(admin, k, 'object', '2025-04-01', { opinion: '条款违法' });
    expect(tooLate.status).toBe(409);
    t.clock.now = new Date('2025-12-20T04:00:00Z');
  });

  it('lists what is due, in scope, with the Excel export, and only the keeping union’s tree may write', async () => {
    const yiK = (await ok(yi.post('/api/contracts', offer({ orgId: id.b1, title: '乙企业女职工专项集体合同', kind: 'women', offerOn: '2025-12-01', employers: [{ uscc: fakeUscc(), name: '乙服装有限公司', workers: 300 }], avgWageLastYear: null })))).id;
    expect((await yi.get('/api/contracts')).body.items.map((r: { id: number }) => r.id)).toEqual([yiK]);
    expect((await yi.get(`/api/contracts/${wage}`)).status).toBe(404);
    const due = (await admin.get('/api/due?module=contracts')).body.items;
    expect(due).toEqual(expect.arrayContaining([expect.objectContaining({ title: expect.stringContaining('乙企业女职工专项集体合同：答复要约'), deadline: '2025-12-21', overdue: false, href: `/contracts?open=${yiK}` })]));
    const dueList = (await admin.get('/api/contracts?status=due')).body.items.map((r: { id: number }) => r.id);
    expect(dueList).toContain(yiK);
    expect(dueList).not.toContain(wage); // published, renewal due only in 2027
    expect((await admin.get('/api/contracts?kind=wage')).body.items.map((r: { id: number }) => r.id)).toEqual([wage]);
    expect((await yi.get('/api/contracts?status=talks')).body.total).toBe(1); // the offer awaiting its reply
    expect((await yi.get('/api/contracts?status=in_force')).body.total).toBe(0);
    expect((await admin.get('/api/contracts?status=in_force&kind=wage')).body.items.map((r: { id: number }) => r.id)).toEqual([wage]);
    expect((await admin.get(`/api/contracts?q=${encodeURIComponent('乙服装')}`)).body.items.map((r: { id: number }) => r.id)).toEqual([yiK]); // a covered enterprise's name
    const rows = await readXlsxRows((await admin.get('/api/contracts/export.xlsx?kind=wage')).raw.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['合同名称', '类型', '状态', '签订日期', '报送日期', '按期报送', '覆盖职工']));
    expect(rows[1]).toEqual(expect.arrayContaining(['甲精密机械有限公司 2025 年工资专项集体合同', '工资专项集体合同', '履行中', '2025-03-01', '2025-03-11', '是', '120', '82000']));
    expect((await admin.request('PATCH', `/api/contracts/${wage}`, { employers: [E2] })).body.message).toBe('合同已签订：类型、范围和覆盖企业不能再修改');
    expect((await ok(admin.request('PATCH', `/api/contracts/${wage}`, { title: '甲精密机械 2025 年工资专项集体合同' }))).title).toBe('甲精密机械 2025 年工资专项集体合同');
    expect((await step(yi, yiK, 'terminate', '2025-12-18')).status).toBe(400);
    expect((await ok(step(yi, yiK, 'terminate', '2025-12-18', { opinion: '企业搬迁' }))).status).toBe('terminated');
  });

  // On a PostgreSQL server (TEST_DATABASE_URL) the readers run on separate pooled connections at once; each read
  // first settles the reviews that ran out, and a contract takes effect, with its event, exactly once.
  it('takes effect once when ten readers settle its ran-out review at the same time', async () => {
    t.clock.now = new Date('2025-03-20T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    const k = await toSigned(admin, offer({ orgId: id.a2, title: '甲并发审查集体合同', kind: 'safety', employers: [{ ...E1, uscc: fakeUscc() }], avgWageLastYear: null }), '2025-03-01');
    await papers(admin, k);
    await ok(step(admin, k, 'file', '2025-03-05'));
    expect((await ok(step(admin, k, 'receive', '2025-03-06'))).status).toBe('reviewing');
    t.clock.now = new Date('2025-12-20T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    const reads = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.get(i % 2 ? `/api/contracts/${k}` : '/api/contracts?status=in_force')));
    expect(reads.map((r) => r.status)).toEqual(Array(10).fill(200));
    const events = (await admin.get(`/api/contracts/${k}`)).body.events.filter((e: { step: string }) => e.step === 'approve');
    expect(events).toEqual([expect.objectContaining({ on: '2025-03-22', note: '审查期满 15 日未提出异议，依法自动生效' })]);
  });

  it('is 已期满 after its last day until renewed: the renewal is 待办 from three months before, overdue after', async () => {
    t.clock.now = new Date('2027-12-01T04:00:00Z');
    admin = await t.as('chair', 'Union#2026'); // two years on: a new session
    const window = (await admin.get(`/api/contracts/${wage}`)).body;
    // The second year's report to the 职代会 was never made: overdue, and more urgent than the renewal window.
    expect(window).toMatchObject({ status: 'published', nextClock: { code: 'report', dueOn: '2027-02-28', state: 'overdue' } });
    expect(window.clocks.find((k: { code: string }) => k.code === 'renewal')).toMatchObject({ state: 'soon' });
    expect((await admin.get('/api/contracts?status=due')).body.items.map((r: { id: number }) => r.id)).toContain(wage);
    t.clock.now = new Date('2028-03-02T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    const ended = (await admin.get(`/api/contracts/${wage}`)).body;
    expect(ended).toMatchObject({ status: 'expired', nextClock: { code: 'renewal', dueOn: '2028-02-29', state: 'overdue' } });
    expect(ended.events.at(-1)).toMatchObject({ step: 'expire', on: '2028-03-01' });
    expect((await admin.get('/api/contracts?status=in_force&kind=wage')).body.total).toBe(0);
    const renewed = await ok(step(admin, wage, 'renew', '2028-03-02', { note: '续订三年' }));
    expect(renewed).toMatchObject({ status: 'renewed', renewedOn: '2028-03-02', nextClock: null });
    t.clock.now = new Date('2025-12-20T04:00:00Z');
  });
});

describe('集体合同的覆盖企业', () => {
  it('covers an enterprise of the register only where the writer works: kept or covered by a union in its scope', async () => {
    t.clock.now = new Date('2025-12-20T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    yi = await t.as('yijd', 'Yi#street2027');
    const registered = await ok(admin.post('/api/employers', { name: '甲街道登记企业有限公司', uscc: fakeUscc(), orgId: id['甲街道'], employees: 60 }));
    await ok(admin.post(`/api/employers/${registered.id}/cover`, { orgId: id.a1, since: '2025-01-01' }));
    const claimed = { uscc: registered.uscc, name: '甲街道登记企业有限公司', workers: 60 };
    const regional = offer({ orgId: id['乙街道'], scope: 'regional', offerOn: '2025-12-20', title: '乙街道区域性工资专项集体合同', employers: [claimed, { uscc: fakeUscc(), name: '名录外企业', workers: 10 }] });
    expect((await yi.post('/api/contracts', regional)).body.message).toBe('覆盖企业“甲街道登记企业有限公司”登记在甲街道工会，不在您的管辖范围内：请由其所在街道或区总工会登记');
    // Outside the register the enterprise is the writer's word; the district's scope holds every street's.
    expect((await yi.post('/api/contracts', { ...regional, employers: [{ uscc: fakeUscc(), name: '名录外企业', workers: 10 }] })).status).toBe(200);
    expect((await admin.post('/api/contracts', regional)).status).toBe(200);
  });
});

describe('集体合同的时限设置', () => {
  it('the district counts filing in working days under its holiday calendar from a day on; a deadline fixed before keeps its rules', async () => {
    t.clock.now = new Date('2025-09-20T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    yi = await t.as('yijd', 'Yi#street2027');
    const before = await toSigned(admin, offer({ orgId: id.a1, title: '时限设置前签订的合同', employers: [{ ...E1, uscc: fakeUscc() }], offerOn: '2025-01-06' }), '2025-09-10');
    const { rules } = (await admin.get('/api/contracts/clock-rules')).body;
    expect(rules).toMatchObject({ filingDays: 10, filingWorking: false, talksWorking: true, renewalMonths: 3 });
    // 国庆 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
    const calendar = { holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] };
    const { renewalMonths: _r, ...editable } = rules;
    const body = { effectiveFrom: '2025-09-20', rules: { ...editable, filingWorking: true }, calendar };
    expect((await yi.put('/api/contracts/clock-rules', body)).status).toBe(403);
    expect((await admin.put('/api/contracts/clock-rules', { ...body, effectiveFrom: '2025-09-19' })).body.message).toBe('起用日期不能早于今天：已经计算的期限按当时的规则');
    expect((await admin.put('/api/contracts/clock-rules', { ...body, calendar: { ...calendar, workdays: ['2025-10-01'] } })).body.message).toBe('2025-10-01 不能既是节假日又是调休上班日');
    expect((await admin.put('/api/contracts/clock-rules', { ...body, rules: { ...body.rules, filingDays: 0 } })).body.message).toContain('报送审查的期限至少 1 日');
    expect((await admin.put('/api/contracts/clock-rules', body)).status).toBe(200);
    expect((await admin.put('/api/contracts/clock-rules', body)).body.message).toBe('2025-09-20 起的时限设置已经适用，不能修改；请另定起用日期');

    // Signed on Friday 2025-09-26: ten working days are 09-28 (worked), 09-29, 09-30, 10-09, 10-10, 10-11 (worked), 10-13..10-16.
    t.clock.now = new Date('2025-09-27T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    const k = await toSigned(admin, offer({ orgId: id.a1, title: '时限设置后签订的合同', employers: [{ ...E1, uscc: fakeUscc() }], offerOn: '2025-01-06' }), '2025-09-26');
    t.clock.now = new Date('2025-10-16T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    const signed = await ok(admin.get(`/api/contracts/${k}`));
    expect(signed).toMatchObject({ filingDueOn: '2025-10-16', nextClock: { code: 'filing', label: '报送审查（签订后 10 个工作日内）', dueOn: '2025-10-16', state: 'soon' } });
    await papers(admin, k);
    expect(await ok(step(admin, k, 'file', '2025-10-16'))).toMatchObject({ filedOnTime: true, lateReason: null });
    // Signed before the change: due ten calendar days on, late now, its reason required.
    expect((await ok(admin.get(`/api/contracts/${before}`))).filingDueOn).toBe('2025-09-20');
    await papers(admin, before);
    expect((await step(admin, before, 'file', '2025-10-16')).body.message).toBe('签订于 2025-09-10，最迟应于 2025-09-20 报送；逾期报送须填写理由');
    expect((await admin.get(`/api/indicators/values?orgId=${id.root}&period=2025-09-01..2025-10-31`)).body.values.find((v: { code: string }) => v.code === 'contracts.filed_on_time').value).toBe(1);
  });
});

describe('集体合同的 Excel 导入', () => {
  it('imports a contract ledger where each contract stands; a late filing without its reason rejects the file', async () => {
    t.clock.now = new Date('2025-12-20T04:00:00Z');
    admin = await t.as('chair', 'Union#2026');
    const header = (await readXlsxRows((await admin.get('/api/imports/contracts/template.xlsx')).raw.rawPayload))[0]!;
    const code = (await admin.get(`/api/orgs/${id.a5}`)).body.code as string;
    const row = (over: Record<string, string>) =>
      header.map((h) => over[h] ?? { 签订工会代码: code, 合同名称: '甲导入企业 2025 年工资专项集体合同', 合同类型: '工资专项', 覆盖企业名称: '甲导入企业有限公司', 统一社会信用代码: fakeUscc(), 覆盖职工人数: '90', 签订日期: '2025-03-01', 合同期限起: '2025-03-01', 合同期限止: '2028-02-29', 报送日期: '2025-03-11', 受理日期: '2025-03-12', 公布日期: '' }[h] ?? '');
    const late = { 合同名称: '甲导入企业 2025 年女职工专项集体合同', 合同类型: '女职工专项', 报送日期: '2025-03-12', 受理日期: '' };
    const bad = await runImport(t, admin, 'contracts', await xlsx([header, row({}), row(late), row({ 合同名称: '甲导入企业安全卫生专项', 合同期限止: '2029-03-01' })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 2 });
    const report = await readXlsxRows((await admin.get(`/api/imports/${bad.job.id}/errors.xlsx`)).raw.rawPayload);
    const col = report[0]!.indexOf('错误说明');
    expect(report.slice(1).map((r) => r[col]).filter(Boolean)).toEqual(['签订于 2025-03-01，最迟应于 2025-03-11 报送；逾期报送须填写理由', '集体合同期限为 1 至 3 年：2025-03-01 起，止于 2026-02-28 至 2028-02-29 之间']);
    const good = await runImport(t, admin, 'contracts', await xlsx([header, row({}), row({ ...late, 逾期报送理由: '首席代表出差' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    const listed = (await admin.get(`/api/contracts?q=${encodeURIComponent('甲导入企业')}`)).body.items;
    // Received 2025-03-12 without objection: in effect by itself from 2025-03-28; the other is filed, awaiting receipt.
    expect(listed.map((r: { title: string; status: string; filedOnTime: boolean; effectiveOn: string | null }) => [r.title, r.status, r.filedOnTime, r.effectiveOn]).sort()).toEqual([
      ['甲导入企业 2025 年女职工专项集体合同', 'filed', false, null],
      ['甲导入企业 2025 年工资专项集体合同', 'effective', true, '2025-03-28'],
    ]);
    expect((await admin.get(`/api/indicators/values?orgId=${id.a5}&period=2025Q1`)).body.values.filter((v: { code: string }) => ['contracts.signed', 'contracts.filed', 'contracts.filed_on_time'].includes(v.code)).map((v: { value: number }) => v.value)).toEqual([2, 2, 1]);
  });
});
