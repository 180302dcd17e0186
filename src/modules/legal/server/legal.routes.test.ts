import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { readXlsxRows } from '@platform/excel';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber, xlsx } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let worker: TestClient;
let id: Record<string, number> = {};
const event = (over: Record<string, unknown> = {}) => ({ orgId: id['乙街道'], kind: 'enterprise', title: '送法进企业专场', heldOn: '2025-05-01', audience: 300, materials: 1000, ...over });
const legalCase = (over: Record<string, unknown> = {}) => ({ orgId: id['乙街道'], kind: 'mediation', issue: 'wage_arrears', source: 'visit', receivedOn: '2025-05-10', workerName: '王小明', phone: '13911112222', employerName: '城东物流有限公司', workersAffected: 12, handledBy: '李律师', facts: '公司拖欠十二名司机三个月工资共计约三十万元。', ...over });

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-06-15T04:00:00Z');
  admin = await t.as('chair', 'Union#2026');
  yi = await t.as('yijd', 'Yi#street2027');
  // A worker of b1 who joined online: their own login (the member role).
  const joined = await t.client().post('/api/join', { name: '赵铁柱', idNumber: fakeIdNumber('19880808'), phone: '13800001111', orgId: id.b1, username: 'tiezhu', password: 'Iron#pillar25', consent: true });
  if (joined.status !== 200) throw new Error(JSON.stringify(joined.body));
  const app = (await admin.get(`/api/member-applications?q=${encodeURIComponent('赵铁柱')}`)).body.items[0];
  await admin.post(`/api/member-applications/${app.id}/approve`, { opinion: '同意' });
  worker = await t.as('tiezhu', 'Iron#pillar25');
});
afterAll(() => t.close());

describe('普法活动', () => {
  it('records an event after it is held, within the writer’s scope, each field checked in Chinese', async () => {
    expect((await yi.post('/api/legal/events', event({ heldOn: '2025-07-01' }))).body.message).toBe('活动日期不能晚于今天：活动举办后再登记');
    expect((await yi.post('/api/legal/events', event({ audience: -1 }))).body.message).toContain('服务职工人数不能为负数');
    expect((await yi.post('/api/legal/events', event({ orgId: id['甲街道'] }))).status).toBe(404);
    const r = await yi.post('/api/legal/events', event());
    expect(r.body).toMatchObject({ kind: 'enterprise', audience: 300, materials: 1000, orgName: '乙街道工会', canWrite: true });
    expect((await yi.patch(`/api/legal/events/${r.body.id}`, { audience: 320 })).body.audience).toBe(320);
    expect((await admin.get('/api/legal/events?status=enterprise&page=1&pageSize=10')).body.total).toBe(1);
  });

  it('imports an event register, nothing written from a file with a wrong row', async () => {
    const header = (await readXlsxRows((await admin.get('/api/imports/legal-events/template.xlsx')).raw.rawPayload))[0]!;
    const code = (await admin.get(`/api/orgs/${id.b1}`)).body.code as string;
    const row = (over: Record<string, string>) => header.map((h) => over[h] ?? { 活动名称: '法律知识竞赛决赛', 活动形式: '竞赛', 活动日期: '2025-04-01', 主办工会代码: code, 服务职工人数: '200' }[h] ?? '');
    const bad = await runImport(t, yi, 'legal-events', await xlsx([header, row({}), row({ 活动形式: '联欢' }), row({ 服务职工人数: '很多' })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 2 });
    const good = await runImport(t, yi, 'legal-events', await xlsx([header, row({}), row({ 活动名称: '《劳动合同法》讲座', 活动形式: '讲座', 服务职工人数: '80', '发放资料（份）': '80' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    expect((await yi.get('/api/legal/events?status=lecture&page=1&pageSize=10')).body.items).toEqual([expect.objectContaining({ title: '《劳动合同法》讲座', audience: 80, orgName: 'b1工会' })]);
  });
});

describe('法律服务案件', () => {
  let caseId = 0;
  it('records a case with the worker’s name, phone and the facts sealed: lists show the name masked', async () => {
    expect((await yi.post('/api/legal/cases', legalCase({ workerName: null }))).body.message).toBe('请选择会员，或填写职工姓名（非会员职工）');
    expect((await yi.post('/api/legal/cases', legalCase({ facts: '欠薪' }))).body.message).toContain('案情至少 10 个字');
    expect((await yi.post('/api/legal/cases', legalCase({ phone: '123' }))).body.message).toContain('手机号码应为 11 位数字');
    const r = await yi.post('/api/legal/cases', legalCase());
    expect(r.body).toMatchObject({ caseNo: 'FW20250001', status: 'handling', workerMasked: '王*明', acceptedOn: '2025-05-10', member: false });
    caseId = r.body.id;
    const [{ token }] = (await queryRows<{ token: string }>(t.database.db, sql`select detail_enc as token from legal_cases where id = ${caseId}`)) as [{ token: string }];
    expect(token.startsWith('v1.')).toBe(true);
    expect(token).not.toContain('王小明');
    const listed = JSON.stringify((await admin.get('/api/legal/cases?page=1&pageSize=10')).body);
    expect(listed).not.toContain('王小明');
    expect(listed).not.toContain('13911112222');
  });

  it('reveals the personal part only to the sensitive-data permission, and audits each look', async () => {
    const shown = (await admin.post(`/api/legal/cases/${caseId}/reveal`)).body;
    expect(shown).toMatchObject({ workerName: '王小明', phone: '13911112222', facts: expect.stringContaining('拖欠十二名司机') });
    const audit = (await admin.get('/api/audit?action=legal_case.reveal&page=1&pageSize=10')).body.items;
    expect(audit[0].summary).toContain('FW20250001');
    expect((await worker.post(`/api/legal/cases/${caseId}/reveal`)).status).toBe(403);
  });

  it('takes a case through its steps: a note needs text, closing needs the outcome, no step before the last date', async () => {
    expect((await yi.post(`/api/legal/cases/${caseId}/steps`, { action: 'progress', on: '2025-05-20' })).body.message).toBe('请填写办理情况');
    expect((await yi.post(`/api/legal/cases/${caseId}/steps`, { action: 'progress', on: '2025-05-01', note: '约谈企业' })).body.message).toBe('日期不能早于上一事项的日期（2025-05-10）');
    expect((await yi.post(`/api/legal/cases/${caseId}/steps`, { action: 'accept', on: '2025-05-20', handledBy: '李律师' })).status).toBe(409);
    await yi.post(`/api/legal/cases/${caseId}/steps`, { action: 'progress', on: '2025-05-20', note: '约谈企业负责人，企业承诺分期支付' });
    expect((await yi.post(`/api/legal/cases/${caseId}/steps`, { action: 'close', on: '2025-06-01' })).body.message).toBe('请填写办理结果');
    const closed = (await yi.post(`/api/legal/cases/${caseId}/steps`, { action: 'close', on: '2025-06-01', outcome: 'resolved', amountRecovered: 298000.5 })).body;
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2025-06-01', amountRecovered: 298000.5, steps: [] });
    expect(closed.events.map((e: { step: string }) => e.step)).toEqual(['receive', 'progress', 'close']);
    expect((await admin.post(`/api/legal/cases/${caseId}/reveal`)).body.notes.map((n: { note: string }) => n.note)).toEqual(['约谈企业负责人，企业承诺分期支付']);
  });

  it('lets a worker ask for help on the phone, follow it, withdraw it while it waits; the union accepts or declines', async () => {
    expect((await worker.post('/api/me/legal-cases', { issue: 'injury', employerName: '南湖电子', workersAffected: 1, phone: '1380000', facts: '上班途中受伤' })).body.details.map((d: { field: string }) => d.field).sort()).toEqual(['facts', 'phone']);
    const asked = (await worker.post('/api/me/legal-cases', { issue: 'injury', employerName: '南湖电子科技有限公司', workersAffected: 1, phone: '13800001111', facts: '上班途中发生交通事故受伤，公司不给申报工伤。' })).body;
    expect(asked.caseNo).toBe('FW20250002');
    const due = (await yi.get('/api/due')).body.items.filter((d: { module: string }) => d.module === 'legal');
    expect(due).toEqual([expect.objectContaining({ title: expect.stringContaining('FW20250002'), deadline: '2025-06-18', overdue: false })]);
    // It is b1's case: b1's parents see it, the other street does not.
    const other = await admin.post('/api/accounts', { username: 'jiajd', displayName: '甲管理员', orgId: id['甲街道'], roles: ['intermediate_admin'], password: 'Jia#street2025' });
    expect(other.status).toBe(200);
    const jia = await t.as('jiajd', 'Jia#street2025');
    await jia.post('/api/auth/password', { currentPassword: 'Jia#street2025', newPassword: 'Jia#street2026' });
    expect((await (await t.as('jiajd', 'Jia#street2026')).get(`/api/legal/cases/${asked.id}`)).status).toBe(404);
    const accepted = (await yi.post(`/api/legal/cases/${asked.id}/steps`, { action: 'accept', on: '2025-06-15', handledBy: '王律师', kind: 'aid', note: '已安排律师，请保持电话畅通' })).body;
    expect(accepted).toMatchObject({ status: 'handling', kind: 'aid', acceptedOn: '2025-06-15', handledBy: '王律师' });
    const mine = (await worker.get('/api/me/legal-cases')).body.items;
    expect(mine[0]).toMatchObject({ caseNo: 'FW20250002', status: 'handling', handledBy: '王律师', facts: expect.stringContaining('交通事故'), canWithdraw: false });
    expect(mine[0].events).toEqual([{ step: 'request', on: '2025-06-15', note: null }, { step: 'accept', on: '2025-06-15', note: '已安排律师，请保持电话畅通' }]);
    expect((await worker.post(`/api/me/legal-cases/${asked.id}/withdraw`)).body.message).toContain('撤回申请');
    const second = (await worker.post('/api/me/legal-cases', { issue: 'other', employerName: '南湖电子科技有限公司', workersAffected: 1, phone: '13800001111', facts: '想咨询年休假怎么计算，公司说入职不满一年没有。' })).body;
    expect((await worker.post(`/api/me/legal-cases/${second.id}/withdraw`)).body).toEqual({ ok: true });
    expect((await yi.post(`/api/legal/cases/${second.id}/steps`, { action: 'accept', on: '2025-06-15', handledBy: '王律师' })).status).toBe(409);
    // Another worker's case is not theirs to withdraw; the union's ledger is not theirs to read.
    expect((await worker.post(`/api/me/legal-cases/${caseId}/withdraw`)).status).toBe(404);
    expect((await worker.get('/api/legal/cases')).status).toBe(403);
    const third = (await worker.post('/api/me/legal-cases', { issue: 'other', employerName: '南湖电子科技有限公司', workersAffected: 1, phone: '13800001111', facts: '邻居装修噪音扰民，想请工会帮忙协调。' })).body;
    expect((await yi.post(`/api/legal/cases/${third.id}/steps`, { action: 'decline', on: '2025-06-15' })).body.message).toContain('意见');
    await yi.post(`/api/legal/cases/${third.id}/steps`, { action: 'decline', on: '2025-06-15', opinion: '不属于劳动争议，建议向社区反映' });
    const declined = (await worker.get('/api/me/legal-cases')).body.items.find((c: { id: number }) => c.id === third.id);
    expect(declined).toMatchObject({ status: 'declined', events: [expect.anything(), { step: 'decline', on: '2025-06-15', note: '不属于劳动争议，建议向社区反映' }] });
  });

  it('exports the cases as the list shows them, with the money in yuan', async () => {
    const sheet = await readXlsxRows((await admin.get('/api/legal/cases/export.xlsx?status=closed')).raw.rawPayload);
    expect(sheet[0]).toEqual(expect.arrayContaining(['案件编号', '职工', '挽回经济损失（元）']));
    expect(sheet[1]).toEqual(expect.arrayContaining(['FW20250001', '王*明', '298000.5']));
    expect(JSON.stringify(sheet)).not.toContain('王小明');
  });

  it('counts a case once the union accepts it (declined and withdrawn requests never), and opens the records behind it', async () => {
    const v = (await admin.get(`/api/indicators/values?orgId=${id['乙街道']}&period=2025&codes=legal.cases,legal.workers,legal.recovered,legal.events,legal.audience`)).body.values;
    expect(Object.fromEntries(v.map((x: { code: string; value: number }) => [x.code, x.value]))).toEqual({ 'legal.cases': 2, 'legal.workers': 13, 'legal.recovered': 298000.5, 'legal.events': 3, 'legal.audience': 600 });
    const recs = (await admin.get(`/api/indicators/legal.cases/records?orgId=${id['乙街道']}&period=2025`)).body.items;
    expect(recs.map((r: { title: string }) => r.title).sort()).toEqual(['FW20250001 城东物流有限公司', 'FW20250002 南湖电子科技有限公司']);
    expect(recs[0].ref.href).toMatch(/^\/legal\/cases\?open=\d+$/);
    expect(JSON.stringify(recs)).not.toContain('王小明');
  });

  it('numbers ten cases recorded at once without a gap or a repeat (the year’s number lock; PostgreSQL via TEST_DATABASE_URL)', async () => {
    const made = await Promise.all(Array.from({ length: 10 }, () => yi.post('/api/legal/cases', legalCase({ receivedOn: '2025-06-01' }))));
    expect(made.map((r) => r.status)).toEqual(Array(10).fill(200));
    const numbers = made.map((r) => Number(r.body.caseNo.slice(6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => numbers[0]! + i));
  });
});
