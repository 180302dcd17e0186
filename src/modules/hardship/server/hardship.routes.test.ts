import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';

let t: TestApp;
let admin: TestClient;
let union: TestClient;
let staff: TestClient;
let songling: TestClient;
let hengda: { id: number };

const PDF = Buffer.from('%PDF-1.4\n% 授权委托书 signed\n%%EOF\n', 'utf8');
/** Monthly per-capita income in yuan for a household of 3 (the demo's 低保 this year: 1,050 元). */
const household = (perCapitaYuan: number, extra: Record<string, unknown> = {}) => ({
  householdSize: 3,
  incomes: [{ kind: 'wage', annualFen: perCapitaYuan * 100 * 12 * 3 }],
  expenses: [],
  accidentLossFen: 0,
  members: [{ name: '配偶', relation: '配偶', health: 'serious', note: '尿毒症透析' }],
  ...extra,
});
const step = (c: TestClient, id: number, body: Record<string, unknown>) => c.post(`/api/hardship/cases/${id}/steps`, body);
const upload = (c: TestClient, id: number, kind = 'authorization') =>
  c.request('POST', `/api/hardship/cases/${id}/files?kind=${kind}&fileName=${encodeURIComponent('授权委托书.pdf')}`, PDF, { 'content-type': 'application/octet-stream' });

async function newMember(name: string): Promise<number> {
  const r = await union.post('/api/members', { name, idNumber: fakeIdNumber('19800101'), orgId: hengda.id, joinedOn: '2020-01-01' });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.memberId;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  union = await t.as('union');
  staff = await t.as('staff');
  songling = await t.as('songling');
  hengda = (await admin.get(`/api/orgs?q=${encodeURIComponent('云溪恒达物流有限公司工会委员会')}&tier=grassroots`)).body.items[0];
});
afterAll(() => t.close());

describe('hardship case lifecycle through the API', () => {
  let id: number;

  it('computes the category from the household finances and opens the case as awaiting first review', async () => {
    const r = await union.post('/api/hardship/cases', { memberId: await newMember('困难甲'), primaryCause: 'illness', secondaryCauses: ['education'], assessment: household(900) });
    expect(r.status).toBe(200);
    id = r.body.id;
    expect(r.body).toMatchObject({ status: 'applied', statusLabel: '待初审', category: 'deep', categoryLabel: '深度困难职工家庭', orgId: hengda.id });
    expect(r.body.caseNo).toMatch(/^KN\d{4}\d{5}$/);
    expect(r.body.steps.map((s: { action: string }) => s.action)).toEqual(['first_review', 'reject']);
    // The same member cannot get a second case.
    const member = (await queryRows<{ member_id: number }>(t.database.db, sql`select member_id from hardship_cases where id = ${id}`))[0]!.member_id;
    const again = await union.post('/api/hardship/cases', { memberId: member, primaryCause: 'illness', assessment: household(900) });
    expect(again.body.code).toBe('HARDSHIP.CASE_EXISTS');
  });

  it('refuses an illegal step with a message naming the status', async () => {
    const r = await step(admin, id, { action: 'file' });
    expect(r.status).toBe(409);
    expect(r.body.message).toBe('档案当前为“待初审”，不能审批建档（只有“待审批建档”的档案可以）');
  });

  it('needs the signed authorisation before the home visit, and consent before the notice', async () => {
    const reviewed = await step(union, id, { action: 'first_review' });
    expect(reviewed.body.status).toBe('visiting');
    // The case says beforehand what the step still needs, in the refusal's words, so the page disables it with that reason.
    const blocked = (action: string, body: { steps: { action: string; blockedReason: string | null }[] }) => body.steps.find((s) => s.action === action)?.blockedReason;
    const visit = { visitedOn: '2026-01-05', visitors: '张主席、李干事', findings: '配偶尿毒症，每周透析三次' };
    const refused = await step(union, id, { action: 'record_visit', visit });
    expect(refused.body.code).toBe('HARDSHIP.AUTHORIZATION_REQUIRED');
    expect(blocked('record_visit', reviewed.body)).toBe(refused.body.message);
    expect((await step(union, id, { action: 'record_visit' })).body.code).toBe('HARDSHIP.VISIT_REQUIRED');
    expect((await upload(union, id)).status).toBe(200);
    const visited = await step(union, id, { action: 'record_visit', visit });
    expect(visited.body.status).toBe('visited');
    expect(blocked('start_notice', visited.body)).toContain('申请人还没有同意公示');
    expect(visited.body.events.at(-1)).toMatchObject({ actionLabel: '记录入户调查', note: null, noteHidden: true, detail: { visitors: '张主席、李干事' } });
    expect((await step(union, id, { action: 'start_notice' })).body.code).toBe('HARDSHIP.CONSENT_REQUIRED');
    const consented = await union.post(`/api/hardship/cases/${id}/consent`, { covers: ['union', 'category'] });
    expect(consented.status).toBe(200);
    expect(blocked('start_notice', consented.body)).toBeNull();
    const notice = await step(union, id, { action: 'start_notice' });
    expect(notice.body.status).toBe('notice');
    expect(notice.body.noticeEndsOn).toBeTruthy();
  });

  it('refuses a notice entered with a past start date, so the window cannot be shortened or ended at once', async () => {
    const other = (await union.post('/api/hardship/cases', { memberId: await newMember('困难补登'), primaryCause: 'illness', assessment: household(900) })).body.id;
    await step(union, other, { action: 'first_review' });
    await upload(union, other);
    await step(union, other, { action: 'record_visit', visit: { visitedOn: '2026-01-05', visitors: '张主席、李干事', findings: '家中老人长期卧床' } });
    await union.post(`/api/hardship/cases/${other}/consent`, { covers: ['union'] });
    const backdated = await step(union, other, { action: 'start_notice', noticeStartsOn: '2020-01-01' });
    expect(backdated.status).toBe(400);
    expect(backdated.body).toMatchObject({ code: 'HARDSHIP.NOTICE_BACKDATED' });
    expect(backdated.body.message).toContain('早于今天');
    const posted = await step(union, other, { action: 'start_notice' });
    expect(posted.body).toMatchObject({ status: 'notice' });
    expect(posted.body.noticeStartsOn > '2020-01-01').toBe(true);
    expect((await step(union, other, { action: 'end_notice' })).body.code).toBe('HARDSHIP.NOTICE_RUNNING');
    await step(union, other, { action: 'reject', opinion: '测试用档案' });
  });

  it('publishes only what the consent covers, with the ID number masked', async () => {
    const n = await union.get(`/api/hardship/cases/${id}/notice`);
    expect(n.status).toBe(200);
    const labels = n.body.lines.map((l: { label: string }) => l.label);
    expect(labels).toEqual(['档案编号', '姓名', '居民身份证号码', '所在工会', '困难类别']);
    expect(n.body.lines[1].value).toBe('困某');
    expect(n.body.lines[2].value).toMatch(/\*{4,}/);
    expect(JSON.stringify(n.body)).not.toContain('患病');
  });

  it('ends the notice only after its window, with an opinion when there were objections', async () => {
    expect((await step(union, id, { action: 'end_notice' })).body.code).toBe('HARDSHIP.NOTICE_RUNNING');
    expect((await step(union, id, { action: 'object' })).body.code).toBe('HARDSHIP.OPINION_REQUIRED');
    expect((await step(union, id, { action: 'object', opinion: '群众反映其家有两套住房' })).status).toBe(200);
    t.clock.advanceMinutes(60 * 24 * 8);
    // Eight days on, the sessions have expired: sign in again.
    [admin, union, staff, songling] = [await t.as('admin'), await t.as('union'), await t.as('staff'), await t.as('songling')];
    expect((await step(union, id, { action: 'end_notice' })).body.code).toBe('HARDSHIP.OBJECTIONS_OPINION');
    const ended = await step(union, id, { action: 'end_notice', opinion: '经核实，第二套住房为父母所有，异议不成立' });
    expect(ended.body.status).toBe('pending_filing');
  });

  it('leaves filing to the district, and sets the first follow-up review', async () => {
    expect((await step(union, id, { action: 'file' })).status).toBe(403);
    expect((await step(union, id, { action: 'return', opinion: '补充材料' })).status).toBe(403);
    const filed = await step(admin, id, { action: 'file' });
    expect(filed.body).toMatchObject({ status: 'assisted', statusLabel: '帮扶中' });
    expect(filed.body.filedOn).toBeTruthy();
    expect(filed.body.nextReviewOn > filed.body.filedOn).toBe(true);
  });

  it('exits for 脱困 only above the threshold for the configured consecutive months', async () => {
    const early = await step(union, id, { action: 'exit', exitReason: 'escaped', monthsAbove: 6, opinion: '收入提高' });
    expect(early.body.code).toBe('HARDSHIP.EXIT_NOT_ABOVE');
    const reviewed = await step(union, id, { action: 'review', assessment: household(2600) });
    expect(reviewed.body.status).toBe('assisted');
    expect(reviewed.body.assessments[0]).toMatchObject({ kind: 'review', category: 'none', current: true });
    expect(reviewed.body.assessments.filter((a: { current: boolean }) => a.current)).toHaveLength(1);
    expect((await step(union, id, { action: 'exit', exitReason: 'escaped', monthsAbove: 6 })).body.code).toBe('HARDSHIP.OPINION_REQUIRED');
    const short = await step(union, id, { action: 'exit', exitReason: 'escaped', monthsAbove: 3, opinion: '收入提高' });
    expect(short.body.code).toBe('HARDSHIP.EXIT_MONTHS');
    expect(short.body.message).toContain('连续 6 个月');
    const exited = await step(union, id, { action: 'exit', exitReason: 'escaped', monthsAbove: 6, opinion: '配偶肾移植成功，本人转正，收入稳定' });
    expect(exited.body).toMatchObject({ status: 'exited', exitReasonLabel: '脱困（家庭人均收入连续高于低保标准）' });
    expect(exited.body.watchUntil).toBeTruthy();
  });

  it('watches the household, and a relapse needs an assessment crossing the threshold again', async () => {
    const visit = { visitedOn: '2026-03-01', visitors: '张主席', findings: '生活稳定' };
    expect((await step(union, id, { action: 'watch_visit', visit })).body.status).toBe('exited');
    expect((await step(union, id, { action: 'relapse', opinion: '再次患病', assessment: household(3000) })).body.code).toBe('HARDSHIP.RELAPSE_NOT_QUALIFIED');
    const back = await step(union, id, { action: 'relapse', opinion: '配偶排异反应，再次住院', assessment: household(800) });
    expect(back.body).toMatchObject({ status: 'assisted', relapses: 1, category: 'deep', exitReasonLabel: null });
    // The history is kept: every step with its actor, the rejected relapse attempt wrote nothing.
    const actions = back.body.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['apply', 'first_review', 'upload', 'record_visit', 'consent', 'start_notice', 'object', 'end_notice', 'file', 'review', 'exit', 'watch_visit', 'relapse']);
    expect(back.body.events.every((e: { actorName: string }) => e.actorName)).toBe(true);
    const audit = await admin.get('/api/audit?action=hardship.transition&pageSize=100');
    expect(audit.body.items.filter((e: { summary: string }) => e.summary.includes(back.body.caseNo)).length).toBeGreaterThanOrEqual(11);
  });

  it('exits and relapses by one band: the same figures never allow both, and between the lines neither', async () => {
    // 低保 this year is 1,050 元. By default both lines are the 低保 itself: 1,500 元 exits, so it cannot relapse
    // (before, relapse took anything below 2 × 低保).
    expect((await step(union, id, { action: 'review', assessment: household(1500) })).status).toBe(200);
    expect((await step(union, id, { action: 'exit', exitReason: 'escaped', monthsAbove: 6, opinion: '收入提高' })).body.status).toBe('exited');
    const same = await step(union, id, { action: 'relapse', opinion: '复核', assessment: household(1500) });
    expect(same.body.code).toBe('HARDSHIP.RELAPSE_NOT_QUALIFIED');
    expect(same.body.message).toContain('可以脱困退出');
    expect((await step(union, id, { action: 'relapse', opinion: '收入下降', assessment: household(1049) })).body.status).toBe('assisted');

    const settings = { reviewIntervalMonths: 12, exitMonths: 6, watchMonths: 12, watchVisitMonths: 6, noticeDays: 5, visitDueDays: 15 };
    const wrong = await admin.request('PUT', '/api/hardship/settings', { ...settings, exitIncomePercent: 110, relapseIncomePercent: 120 });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'HARDSHIP.BAND_ORDER' });
    // A district band: exit above 150 % of 低保 (1,575 元), relapse below 100 % (1,050 元).
    expect((await admin.request('PUT', '/api/hardship/settings', { ...settings, exitIncomePercent: 150, relapseIncomePercent: 100 })).status).toBe(200);
    expect((await admin.get('/api/hardship/settings')).body.settings).toMatchObject({ exitIncomePercent: 150, relapseIncomePercent: 100 });
    await step(union, id, { action: 'review', assessment: household(1575) });
    const atLine = await step(union, id, { action: 'exit', exitReason: 'escaped', monthsAbove: 6, opinion: '收入提高' });
    expect(atLine.body.code).toBe('HARDSHIP.EXIT_NOT_ABOVE');
    expect(atLine.body.message).toContain('监测带');
    await step(union, id, { action: 'review', assessment: household(1576) });
    expect((await step(union, id, { action: 'exit', exitReason: 'escaped', monthsAbove: 6, opinion: '收入提高' })).body.status).toBe('exited');
    const inBand = await step(union, id, { action: 'relapse', opinion: '复核', assessment: household(1050) });
    expect(inBand.body.code).toBe('HARDSHIP.RELAPSE_NOT_QUALIFIED');
    expect(inBand.body.message).toContain('监测带');
    expect((await step(union, id, { action: 'relapse', opinion: '收入下降', assessment: household(1049) })).body.status).toBe('assisted');
    expect((await admin.request('PUT', '/api/hardship/settings', { ...settings, exitIncomePercent: 100, relapseIncomePercent: 100 })).status).toBe(200);
  });

  it('needs a written opinion to return or reject', async () => {
    const r = await union.post('/api/hardship/cases', { memberId: await newMember('困难乙'), primaryCause: 'unemployment', assessment: household(1500) });
    expect((await step(union, r.body.id, { action: 'reject' })).body.code).toBe('HARDSHIP.OPINION_REQUIRED');
    const rejected = await step(union, r.body.id, { action: 'reject', opinion: '家庭有经营性收入未申报' });
    expect(rejected.body).toMatchObject({ status: 'rejected', steps: [] });
    expect(rejected.body.events.at(-1).opinion).toBe('家庭有经营性收入未申报');
  });
});

describe('sensitive data', () => {
  let id: number;
  beforeAll(async () => {
    const r = await union.post('/api/hardship/cases', { memberId: await newMember('困难丙'), primaryCause: 'illness', assessment: household(700) });
    id = r.body.id;
    await upload(union, id, 'diagnosis');
  });

  it('keeps finances, health and documents encrypted at rest', async () => {
    const [a] = await queryRows<{ detail_enc: string }>(t.database.db, sql`select detail_enc from hardship_assessments where case_id = ${id}`);
    expect(a!.detail_enc.startsWith('v1.')).toBe(true);
    expect(a!.detail_enc).not.toContain('尿毒症');
    const [f] = await queryRows<{ content: Uint8Array }>(t.database.db, sql`select f.content from stored_files f join hardship_case_files h on h.file_id = f.id where h.case_id = ${id}`);
    expect(Buffer.from(f!.content).toString('utf8').startsWith('v1.')).toBe(true);
    expect(Buffer.from(f!.content).includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('shows the finances to a role with the permission, and audits each view', async () => {
    const r = await union.post(`/api/hardship/cases/${id}/finances`);
    expect(r.status).toBe(200);
    expect(r.body.assessments[0].finances).toMatchObject({ householdSize: 3, perCapitaMonthlyFen: 70_000 });
    expect(r.body.assessments[0].finances.members[0].note).toBe('尿毒症透析');
    expect(r.body.assessments[0].finances.explanation).toContain('低于当地低保标准');
    const audit = await admin.get('/api/audit?action=hardship.reveal');
    expect(audit.body.items.some((e: { summary: string }) => e.summary.includes('困难丙'))).toBe(true);
    const detail = await union.get(`/api/hardship/cases/${id}`);
    const file = await union.get(`/api/hardship/files/${detail.body.files[0].id}`);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.raw.rawPayload, PDF)).toBe(0);
  });

  it('masks them for a role without it (district staff): no finances in the detail, and the reveal is refused', async () => {
    const d = await staff.get(`/api/hardship/cases/${id}`);
    expect(d.status).toBe(200);
    expect(d.body.canRevealFinances).toBe(false);
    expect(JSON.stringify(d.body)).not.toContain('尿毒症');
    expect(JSON.stringify(d.body)).not.toContain('70000');
    expect((await staff.post(`/api/hardship/cases/${id}/finances`)).status).toBe(403);
    expect((await staff.get(`/api/hardship/files/${d.body.files[0].id}`)).status).toBe(403);
    const list = await staff.get('/api/hardship/cases?q=%E5%9B%B0%E9%9A%BE%E4%B8%99');
    expect(list.body.items[0].categoryLabel).toBe('深度困难职工家庭');
  });

  it('hides the case from a union administrator of another subtree', async () => {
    expect((await songling.get(`/api/hardship/cases/${id}`)).status).toBe(404);
    expect((await songling.post(`/api/hardship/cases/${id}/finances`)).status).toBe(404);
    const list = await songling.get('/api/hardship/cases?pageSize=200');
    expect(list.body.items.some((c: { id: number }) => c.id === id)).toBe(false);
  });
});

describe('member side', () => {
  let member: TestClient;
  let own: number;

  beforeAll(async () => {
    member = await t.as('member');
  });

  it('applies online, uploads a document, consents, and follows the status', async () => {
    const r = await member.post('/api/hardship/my/cases', { primaryCause: 'illness', assessment: household(950), statement: '妻子重病' });
    expect(r.status).toBe(200);
    own = r.body.id;
    const up = await member.request('POST', `/api/hardship/my/cases/${own}/files?kind=application&fileName=${encodeURIComponent('申请书.pdf')}`, PDF, { 'content-type': 'application/octet-stream' });
    expect(up.status).toBe(200);
    expect((await member.post(`/api/hardship/my/cases/${own}/consent`, { covers: ['name'] })).status).toBe(200);
    const mine = await member.get('/api/hardship/my');
    expect(mine.body.isMember).toBe(true);
    expect(mine.body.cases[0]).toMatchObject({ id: own, status: 'applied', channel: 'online', canRevealFinances: false, steps: [{ action: 'withdraw' }] });
    // The union sees it waiting for its first review.
    const due = await union.get('/api/hardship/due');
    expect(due.body.applied).toBeGreaterThanOrEqual(1);
  });

  it('cannot act on another member’s case, nor use the union’s routes', async () => {
    const other = (await queryRows<{ id: number }>(t.database.db, sql`select id from hardship_cases where id <> ${own} order by id limit 1`))[0]!.id;
    expect((await member.post(`/api/hardship/my/cases/${other}/withdraw`)).status).toBe(404);
    expect((await member.post(`/api/hardship/my/cases/${other}/consent`, { covers: ['name'] })).status).toBe(404);
    expect((await member.get(`/api/hardship/cases/${other}`)).status).toBe(403);
    expect((await member.get('/api/hardship/cases')).status).toBe(403);
  });

  it('withdraws while the application awaits its first review, and not after', async () => {
    expect((await member.post(`/api/hardship/my/cases/${own}/withdraw`)).status).toBe(200);
    expect((await member.post(`/api/hardship/my/cases/${own}/withdraw`)).status).toBe(409);
    expect((await member.get('/api/hardship/my')).body.cases[0].status).toBe('withdrawn');
  });
});

describe('parameters, lists and figures', () => {
  it('lets only the district set the 低保 standard; a place without one refuses the assessment with a message', async () => {
    expect((await union.post('/api/hardship/thresholds', { place: '全区', year: 2030, minimumLivingFen: 120_000 })).status).toBe(403);
    const r = await union.post('/api/hardship/cases', { memberId: await newMember('困难丁'), primaryCause: 'illness', place: '外区', assessment: household(500) });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('还没有设置“外区”');
    expect((await admin.post('/api/hardship/thresholds', { place: '外区', year: 2020, minimumLivingFen: 90_000 })).status).toBe(200);
    expect((await admin.request('PUT', '/api/hardship/settings', { reviewIntervalMonths: 6, exitMonths: 6, watchMonths: 12, watchVisitMonths: 3, exitIncomePercent: 100, relapseIncomePercent: 100, noticeDays: 7, visitDueDays: 10 })).status).toBe(200);
    expect((await staff.request('PUT', '/api/hardship/settings', { reviewIntervalMonths: 6, exitMonths: 6, watchMonths: 12, watchVisitMonths: 3, exitIncomePercent: 100, relapseIncomePercent: 100, noticeDays: 7, visitDueDays: 10 })).status).toBe(403);
    expect((await admin.get('/api/hardship/settings')).body.settings.noticeDays).toBe(7);
  });

  it('filters by status and due work, and exports the list with masked ID numbers and no finances', async () => {
    const assisted = await admin.get('/api/hardship/cases?status=assisted&pageSize=200');
    expect(assisted.body.items.length).toBeGreaterThan(5);
    expect(assisted.body.items.every((c: { status: string }) => c.status === 'assisted')).toBe(true);
    const due = await admin.get('/api/hardship/cases?due=review&pageSize=200');
    expect(due.body.items.every((c: { status: string }) => c.status === 'assisted')).toBe(true);
    const x = await admin.get('/api/hardship/cases/export?status=assisted');
    const rows = await readXlsxRows(x.raw.rawPayload);
    expect(rows[0]).toEqual(['档案编号', '姓名', '居民身份证号码', '所在工会', '状态', '困难类别', '主要致困原因', '建档日期', '下次回头看', '退出原因']);
    expect(rows.length - 1).toBe(assisted.body.total);
    expect(rows.slice(1).every((r) => /\*/.test(String(r[2])))).toBe(true);
  });

  it('reports new cases, exits and relapses as indicators whose records are the cases behind them', async () => {
    const year = new Date().getFullYear();
    const values = await admin.get(`/api/indicators/values?period=${year}&codes=hardship.new_cases,hardship.relapses,hardship.on_file`);
    expect(values.status).toBe(200);
    const byCode = Object.fromEntries(values.body.values.map((v: { code: string; value: number }) => [v.code, v.value]));
    expect(byCode['hardship.relapses']).toBeGreaterThanOrEqual(1);
    const records = await admin.get(`/api/indicators/hardship.new_cases/records?period=${year}`);
    expect(records.body.total).toBe(byCode['hardship.new_cases']);
    expect(records.body.items.some((r: { title: string }) => r.title.includes('困难甲'))).toBe(true);
  });
});
