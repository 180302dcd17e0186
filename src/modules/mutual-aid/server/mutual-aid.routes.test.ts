import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, runImport, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber, xlsx } from '@test/fixtures/people';

let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let union: TestClient;
let jinxiu: TestClient;
let songling: TestClient;
let hengda: { id: number };
const year = new Date().getFullYear();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const HEADER = ['居民身份证号码', '姓名', '份数', '缴费日期'];

async function newMember(name: string, idNumber = fakeIdNumber('19850505')): Promise<number> {
  const r = await union.post('/api/members', { name, idNumber, orgId: hengda.id, joinedOn: '2020-01-01' });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.memberId;
}
const planBody = (over: Record<string, unknown> = {}) => ({
  year,
  name: `测试互助${Math.random().toString(36).slice(2, 7)}`,
  product: 'inpatient',
  premiumFen: 5000,
  maxShares: 2,
  benefitPerShareFen: 500_000,
  coverStart: `${year}-01-01`,
  coverEnd: `${year}-12-31`,
  enrolUntil: `${year}-12-31`,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  [admin, staff, union, jinxiu, songling] = (await Promise.all(['admin', 'staff', 'union', 'jinxiu', 'songling'].map((u) => t.as(u)))) as [TestClient, TestClient, TestClient, TestClient, TestClient];
  hengda = (await admin.get(`/api/orgs?q=${encodeURIComponent('云溪恒达物流有限公司工会委员会')}&tier=grassroots`)).body.items[0];
});
afterAll(() => t.close());

describe('mutual-aid plans and enrolment', () => {
  it('lets only the district set up a plan, with valid dates and a unique name', async () => {
    expect((await union.post('/api/mutual-aid/plans', planBody())).status).toBe(403);
    const bad = await admin.post('/api/mutual-aid/plans', planBody({ enrolUntil: `${year + 1}-01-31` }));
    expect(bad.body.code).toBe('MUTUAL_AID.PLAN_DATES');
    const body = planBody();
    const ok = await admin.post('/api/mutual-aid/plans', body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ productLabel: '住院医疗互助', statusLabel: '参保中', enrolled: 0, quota: null });
    expect((await admin.post('/api/mutual-aid/plans', body)).body.code).toBe('MUTUAL_AID.PLAN_EXISTS');
    // Every union under the district takes part in it.
    expect((await union.get('/api/mutual-aid/plans')).body.items.some((p: { id: number }) => p.id === ok.body.id)).toBe(true);
  });

  it('enrols a member once, within the plan’s share limit, computing the contribution', async () => {
    const plan = (await admin.post('/api/mutual-aid/plans', planBody())).body;
    const m = await newMember('参保甲');
    expect((await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: m, shares: 3, paidOn: today })).body.message).toBe('本计划每人最多 2 份');
    const r = await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: m, shares: 2, paidOn: today });
    expect(r.status).toBe(200);
    const again = await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: m, shares: 1, paidOn: today });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`参保甲已参加“${plan.name}”（2 份）`);
    // Another street's administrator cannot enrol the member (not in scope).
    expect((await songling.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: await newMember('参保乙'), shares: 1, paidOn: today })).body.code).toBe('MUTUAL_AID.MEMBER_NOT_FOUND');
    const list = await union.get(`/api/mutual-aid/plans/${plan.id}/enrolments?q=${encodeURIComponent('参保甲')}`);
    expect(list.body.items).toEqual([expect.objectContaining({ memberName: '参保甲', shares: 2, premiumFen: 10_000, statusLabel: '已参保' })]);
    expect((await songling.get(`/api/mutual-aid/plans/${plan.id}/enrolments?q=${encodeURIComponent('参保甲')}`)).body.items).toEqual([]);
    // Closed plans take no enrolment.
    expect((await admin.post(`/api/mutual-aid/plans/${plan.id}/close`)).status).toBe(200);
    expect((await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: await newMember('参保丙'), shares: 1, paidOn: today })).body.code).toBe('MUTUAL_AID.PLAN_CLOSED');
  });

  it('gives streets their targets and shows achievement; a street sees only its own line', async () => {
    const plan = (await admin.post('/api/mutual-aid/plans', planBody())).body;
    const streets = (await admin.get(`/api/mutual-aid/plans/${plan.id}/quotas`)).body as { orgId: number; orgName: string }[];
    const jx = streets.find((s) => s.orgName.includes('锦绣'))!;
    expect((await admin.request('PUT', `/api/mutual-aid/plans/${plan.id}/quotas`, { quotas: [{ orgId: hengda.id, persons: 10 }] })).body.code).toBe('MUTUAL_AID.QUOTA_ORG');
    expect((await admin.request('PUT', `/api/mutual-aid/plans/${plan.id}/quotas`, { quotas: [{ orgId: jx.orgId, persons: 4 }] })).status).toBe(200);
    await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: await newMember('任务甲'), shares: 1, paidOn: today });
    const mine = (await jinxiu.get(`/api/mutual-aid/plans/${plan.id}/quotas`)).body;
    expect(mine).toEqual([{ orgId: jx.orgId, orgName: jx.orgName, quota: 4, enrolled: 1, percent: 25 }]);
    expect((await jinxiu.get('/api/mutual-aid/plans')).body.items.find((p: { id: number }) => p.id === plan.id)).toMatchObject({ quota: 4, enrolled: 1 });
  });

  it('imports an enrolment list through the import engine: every wrong row reported, nothing half-written', async () => {
    const plan = (await admin.post('/api/mutual-aid/plans', planBody())).body;
    const ids = [fakeIdNumber('19900101'), fakeIdNumber('19900102'), fakeIdNumber('19900103')] as [string, string, string];
    await newMember('导入甲', ids[0]);
    await newMember('导入乙', ids[1]);
    await newMember('导入丙', ids[2]);
    // A member of a union in another street: outside the importer's scope.
    const street = (await admin.get(`/api/orgs?q=${encodeURIComponent('云溪区松岭街道总工会')}`)).body.items[0];
    const other = (await admin.get(`/api/orgs?underId=${street.id}&tier=grassroots&pageSize=1`)).body.items[0];
    const outsider = fakeIdNumber('19900105');
    expect((await songling.post('/api/members', { name: '外街道', idNumber: outsider, orgId: other.id, joinedOn: '2020-01-01' })).status).toBe(200);
    const bad = await xlsx([HEADER, [ids[0], '导入甲', '1', today], [ids[1], '导入错', '1', today], [ids[2], '导入丙', '5', today], ['110101199001011230', '无此人', '', today], [ids[0], '导入甲', '', today], [fakeIdNumber('19900104'), '非会员', '1', today], [outsider, '外街道', '1', today]]);
    const refused = await runImport(t, union, 'mutual-aid-enrolments', bad, 'add', { planId: plan.id });
    expect(refused.job).toMatchObject({ status: 'invalid', errorRows: 6 });
    const errors = await readXlsxRows((await union.get(`/api/imports/${refused.job.id}/errors.xlsx`)).raw.rawPayload);
    const reasons = errors.slice(1).map((r) => r[4] ?? '');
    expect(reasons[0]).toBe('');
    expect(reasons[1]).toContain('姓名与会员档案不一致（档案为“导入乙”）');
    expect(reasons[2]).toContain('份数超过本计划每人最多 2 份');
    expect(reasons[3]).toBe('居民身份证号码校验位不正确，请核对');
    expect(reasons[4]).toBe('会员与第 2 行重复');
    expect(reasons[5]).toBe('没有这个身份证号码的在会会员');
    expect(reasons[6]).toBe('该会员不在您的管辖范围内');
    expect((await union.get(`/api/mutual-aid/plans/${plan.id}/enrolments`)).body.total).toBe(0);
    const good = await xlsx([HEADER, [ids[0], '导入甲', '', today], [ids[1], '导入乙', '2', today]]);
    const done = await runImport(t, union, 'mutual-aid-enrolments', good, 'add', { planId: plan.id });
    expect(done.job).toMatchObject({ status: 'done', inserted: 2 });
    const list = (await union.get(`/api/mutual-aid/plans/${plan.id}/enrolments`)).body;
    expect(list.items.map((e: { memberName: string; premiumFen: number }) => [e.memberName, e.premiumFen]).sort()).toEqual([['导入乙', 10_000], ['导入甲', 5_000]]);
    // The plan is checked before the upload is queued.
    expect((await runImport(t, union, 'mutual-aid-enrolments', good, 'add', { planId: 999_999 })).body.code).toBe('MUTUAL_AID.PLAN_NOT_FOUND');
    const xl = await union.get(`/api/mutual-aid/plans/${plan.id}/enrolments/export`);
    expect((await readXlsxRows(xl.raw.rawPayload)).length).toBe(3);
  });
});

describe('mutual-aid claims', () => {
  it('runs a claim through approval within what the enrolment has left, then payment; the diagnosis stays sealed', async () => {
    const plan = (await admin.post('/api/mutual-aid/plans', planBody({ maxShares: 1, benefitPerShareFen: 300_000 }))).body;
    const m = await newMember('理赔甲');
    const e = (await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: m, shares: 1, paidOn: today })).body.id;
    const claim = (over: Record<string, unknown> = {}) => union.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '急性胰腺炎', hospital: '区人民医院', admittedOn: `${year}-03-01`, dischargedOn: `${year}-03-09`, claimedFen: 250_000, ...over });
    expect((await claim({ admittedOn: `${year - 1}-12-31` })).body.message).toBe(`入院（确诊）日期 ${year - 1}-12-31 不在保障期 ${year}-01-01 至 ${year}-12-31 内`);
    expect((await claim({ dischargedOn: `${year}-02-01` })).body.code).toBe('MUTUAL_AID.CLAIM_DATES');
    const first = (await claim()).body.id;
    const second = (await claim({ claimedFen: 200_000 })).body.id;
    // The union cannot decide; the district can.
    expect((await union.post(`/api/mutual-aid/claims/${first}/decision`, { action: 'approve', approvedFen: 1 })).status).toBe(403);
    expect((await staff.post(`/api/mutual-aid/claims/${first}/decision`, { action: 'approve', approvedFen: 260_000 })).body.message).toBe('核准金额 2,600.00 元不能超过申请金额 2,500.00 元');
    expect((await staff.post(`/api/mutual-aid/claims/${first}/decision`, { action: 'approve', approvedFen: 250_000 })).status).toBe(200);
    const over = await staff.post(`/api/mutual-aid/claims/${second}/decision`, { action: 'approve', approvedFen: 100_000 });
    expect(over.body.message).toBe('本年度最高给付 3,000.00 元（1 份），已核准 2,500.00 元，本次最多 500.00 元');
    expect((await staff.post(`/api/mutual-aid/claims/${second}/decision`, { action: 'reject', opinion: '' })).status).toBe(400);
    expect((await staff.post(`/api/mutual-aid/claims/${second}/decision`, { action: 'reject', opinion: '重复申请' })).status).toBe(200);
    expect((await staff.post(`/api/mutual-aid/claims/${second}/decision`, { action: 'pay', paidOn: today })).body.message).toBe('理赔当前为“不予给付”，不能支付（只有“已核准待支付”的理赔可以）');
    expect((await staff.post(`/api/mutual-aid/claims/${first}/decision`, { action: 'pay', paidOn: today })).status).toBe(200);
    const list = (await union.get(`/api/mutual-aid/plans/${plan.id}/claims`)).body.items;
    expect(list.find((c: { id: number }) => c.id === first)).toMatchObject({ statusLabel: '已支付', approvedFen: 250_000, paidOn: today, diagnosisHidden: true });
    expect(JSON.stringify(list)).not.toContain('胰腺炎');
    // Withdrawal is refused once there is a claim.
    expect((await union.post(`/api/mutual-aid/enrolments/${e}/withdraw`, { reason: '离职' })).body.code).toBe('MUTUAL_AID.HAS_CLAIMS');
    // At rest the diagnosis is ciphertext; district staff lack the permission; the union reveals it, audited.
    const [row] = await queryRows<{ diagnosis_enc: string }>(t.database.db, sql`select diagnosis_enc from mutual_aid_claims where id = ${first}`);
    expect(row!.diagnosis_enc).toMatch(/^v1\./);
    expect((await staff.post(`/api/mutual-aid/claims/${first}/diagnosis`)).status).toBe(403);
    expect((await songling.post(`/api/mutual-aid/claims/${first}/diagnosis`)).status).toBe(404);
    expect((await union.post(`/api/mutual-aid/claims/${first}/diagnosis`)).body).toEqual({ diagnosis: '急性胰腺炎' });
    const audit = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events where action = 'mutualaid.reveal' and entity_id = ${first}`);
    expect(audit[0]!.n).toBe(1);
    const xl = await readXlsxRows((await union.get(`/api/mutual-aid/plans/${plan.id}/claims/export`)).raw.rawPayload);
    expect(xl.length).toBe(3);
    expect(JSON.stringify(xl)).not.toContain('胰腺炎');
  });

  it('keeps a claim’s documents encrypted, lists their names, and opens them only with the sensitive-data permission', async () => {
    const plan = (await admin.post('/api/mutual-aid/plans', planBody())).body;
    const e = (await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: await newMember('材料甲'), shares: 1, paidOn: today })).body.id;
    const c = (await union.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '阑尾炎', hospital: '区人民医院', admittedOn: today, claimedFen: 100_000 })).body.id;
    const pdf = Buffer.from('%PDF-1.4\n% 诊断证明 材料甲\n%%EOF\n', 'utf8');
    const up = (who: TestClient, kind = 'diagnosis') => who.upload(`/api/mutual-aid/claims/${c}/files?kind=${kind}&fileName=${encodeURIComponent('诊断证明.pdf')}`, pdf, 'application/octet-stream');
    expect((await up(songling)).status).toBe(404);
    expect((await up(union, 'nonsense')).status).toBe(400);
    const f = (await up(union)).body.id as number;
    const listed = (await union.get(`/api/mutual-aid/plans/${plan.id}/claims`)).body.items[0];
    expect(listed.files).toEqual([{ id: f, kind: 'diagnosis', kindLabel: '诊断证明', name: '诊断证明.pdf', size: pdf.length }]);
    const [stored] = await queryRows<{ content: Buffer }>(t.database.db, sql`select s.content from stored_files s join mutual_aid_claim_files f on f.file_id = s.id where f.id = ${f}`);
    expect(Buffer.from(stored!.content).includes(Buffer.from('材料甲'))).toBe(false);
    expect((await staff.get(`/api/mutual-aid/claim-files/${f}`)).status).toBe(403);
    expect((await songling.get(`/api/mutual-aid/claim-files/${f}`)).status).toBe(404);
    const got = await union.get(`/api/mutual-aid/claim-files/${f}`);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.raw.rawPayload, pdf)).toBe(0);
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events where action = 'mutualaid.reveal' and entity_id = ${c}`);
    expect(audit!.n).toBe(1);
    // A settled claim takes no more papers.
    await staff.post(`/api/mutual-aid/claims/${c}/decision`, { action: 'reject', opinion: '不属于保障范围' });
    expect((await up(union, 'invoice')).body.message).toBe('理赔已不予给付，不能再补充材料');
  });

  it('counts claims waiting on the district, in scope, for the home page', async () => {
    const before = (await staff.get('/api/mutual-aid/due')).body as { submitted: number; approved: number };
    const otherBefore = (await songling.get('/api/mutual-aid/due')).body;
    const plan = (await admin.post('/api/mutual-aid/plans', planBody())).body;
    const e = (await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: await newMember('待办甲'), shares: 1, paidOn: today })).body.id;
    const c1 = (await union.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '肺炎', hospital: '区人民医院', admittedOn: today, claimedFen: 10_000 })).body.id;
    await union.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '肺炎', hospital: '区人民医院', admittedOn: today, claimedFen: 20_000 });
    await staff.post(`/api/mutual-aid/claims/${c1}/decision`, { action: 'approve', approvedFen: 10_000 });
    expect((await staff.get('/api/mutual-aid/due')).body).toEqual({ submitted: before.submitted + 1, approved: before.approved + 1 });
    // Another street's administrator does not count them.
    expect((await songling.get('/api/mutual-aid/due')).body).toEqual(otherBefore);
  });

  it('shows a member their own enrolments, what is left and how their claims stand', async () => {
    const member = await t.as('member');
    const me = (await union.get(`/api/members?q=${encodeURIComponent('孙浩')}`)).body.items[0].memberId as number;
    const plan = (await admin.post('/api/mutual-aid/plans', planBody({ name: '本人查看计划' }))).body;
    const e = (await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: me, shares: 2, paidOn: today })).body.id;
    const c = (await union.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '骨折', hospital: '区中医院', admittedOn: today, claimedFen: 300_000 })).body.id;
    await staff.post(`/api/mutual-aid/claims/${c}/decision`, { action: 'approve', approvedFen: 250_000 });
    const mine = (await member.get('/api/me/mutual-aid')).body.enrolments.find((x: { planName: string }) => x.planName === '本人查看计划');
    expect(mine).toMatchObject({ shares: 2, premiumFen: 10_000, statusLabel: '已参保', remainingFen: 750_000, claims: [{ hospital: '区中医院', claimedFen: 300_000, approvedFen: 250_000, statusLabel: '已核准待支付' }] });
    expect((await member.get('/api/mutual-aid/plans')).status).toBe(403);
  });

  it('withdraws an enrolment without claims, with a reason and the day; it can be taken up again as a new enrolment', async () => {
    const plan = (await admin.post('/api/mutual-aid/plans', planBody())).body;
    const m = await newMember('退保甲');
    const e = (await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: m, shares: 1, paidOn: today })).body.id;
    expect((await union.post(`/api/mutual-aid/enrolments/${e}/withdraw`, { reason: '' })).status).toBe(400);
    expect((await union.post(`/api/mutual-aid/enrolments/${e}/withdraw`, { reason: '调离本区' })).status).toBe(200);
    expect((await union.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '肺炎', hospital: '区人民医院', admittedOn: today, claimedFen: 1000 })).body.code).toBe('MUTUAL_AID.NOT_ENROLLED');
    // Taken up again as a new enrolment; the withdrawn one stays, dated, so the period it counted in keeps it.
    const again = (await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: m, shares: 2, paidOn: today })).body.id;
    expect(again).not.toBe(e);
    const list = (await union.get(`/api/mutual-aid/plans/${plan.id}/enrolments?q=退保甲`)).body.items as { id: number; status: string; withdrawnOn: string | null; withdrawReason: string | null }[];
    expect(list.map((r) => [r.id, r.status, r.withdrawnOn, r.withdrawReason]).sort()).toEqual([[e, 'withdrawn', today, '调离本区'], [again, 'enrolled', null, null]].sort());
    expect((await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: m, shares: 1, paidOn: today })).body.code).toBe('MUTUAL_AID.ALREADY_ENROLLED');
  });
});
