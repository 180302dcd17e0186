import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber, xlsx } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let worker: TestClient;
let other: TestClient;
let id: Record<string, number> = {};
let congressId = 0;
let workerMemberId = 0;
const congress = (over: Record<string, unknown> = {}) => ({ orgId: id.b1, form: 'congress', establishedOn: '2024-04-01', termNo: 1, termStartsOn: '2024-04-01', termYears: 3, staff: 150, womenStaff: 60, stateOwned: true, ...over });
let seq = 0;
const delegate = (category: string, sex: string, over: Record<string, unknown> = {}) => ({ name: `代表${++seq}号`, sex, category, electedOn: '2024-04-01', ...over });
const session = (over: Record<string, unknown> = {}) => ({ kind: 'plenary', sessionNo: 1, heldOn: '2025-05-20', present: 30, agenda: '审议行政工作报告和集体合同草案', votes: [], ...over });

async function join(name: string, birth: string, phone: string, username: string, password: string, female = false) {
  const joined = await t.client().post('/api/join', { name, idNumber: fakeIdNumber(birth, female), phone, orgId: id.b1, username, password, consent: true });
  if (joined.status !== 200) throw new Error(JSON.stringify(joined.body));
  const app = (await admin.get(`/api/member-applications?q=${encodeURIComponent(name)}`)).body.items[0];
  await admin.post(`/api/member-applications/${app.id}/approve`, { opinion: '同意' });
  return t.as(username, password);
}

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  t.clock.now = new Date('2025-06-15T04:00:00Z');
  admin = await t.as('chair', 'Union#2026');
  yi = await t.as('yijd', 'Yi#street2027');
  worker = await join('钱代表', '19860606', '13800003333', 'qiandb', 'Delegate#2025', true);
  other = await join('孙职工', '19900909', '13800004444', 'sunzg', 'Worker#2025x');
  workerMemberId = (await admin.get(`/api/members?q=${encodeURIComponent('钱代表')}`)).body.items[0].memberId;
});
afterAll(() => t.close());

describe('职代会 and its delegates', () => {
  it('sets up one congress per unit, in the writer’s scope, each field checked in Chinese', async () => {
    expect((await yi.post('/api/congresses', congress({ establishedOn: '2025-07-01' }))).body.message).toBe('建立日期不能晚于今天');
    expect((await yi.post('/api/congresses', congress({ womenStaff: 151 }))).body.message).toBe('女职工人数不能多于职工人数');
    expect((await yi.post('/api/congresses', congress({ termYears: 6 }))).body.message).toContain('每届任期不能大于 5');
    expect((await yi.post('/api/congresses', congress({ orgId: id.a1 }))).status).toBe(404);
    const r = await yi.post('/api/congresses', congress());
    expect(r.body).toMatchObject({ orgName: 'b1工会', termEndsOn: '2027-03-31', delegates: 0, lawful: false, directorMissing: true, canWrite: true });
    expect(r.body.checks[0]).toMatchObject({ label: '代表人数', ok: false, detail: '尚未登记职工代表' });
    congressId = r.body.id;
    expect((await yi.post('/api/congresses', congress())).body.message).toBe('这个单位已建立职代会制度，请在原记录上修改');
  });

  it('sets up one congress when several writers race for the same unit', async () => {
    const raced = await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/congresses', congress({ orgId: id.b2, form: 'assembly', staff: 40, womenStaff: 10, stateOwned: false }))));
    expect(raced.filter((r) => r.status === 200)).toHaveLength(1);
    expect(raced.filter((r) => r.status === 409).map((r) => r.body.message)).toEqual(Array(5).fill('这个单位已建立职代会制度，请在原记录上修改'));
  });

  it('refuses a session while the roster breaks a ratio, naming each failing check, and below a two-thirds quorum', async () => {
    // 30 delegates: 14 front-line, 10 technical, 6 managers; 10 women (33 %, while women are 40 % of the staff).
    const plan: [string, string, number][] = [['frontline', 'female', 4], ['frontline', 'male', 10], ['technical', 'female', 4], ['technical', 'male', 6], ['manager', 'female', 2], ['manager', 'male', 4]];
    for (const [category, sex, n] of plan) for (let i = 0; i < n; i++) expect((await yi.post(`/api/congresses/${congressId}/delegates`, delegate(category, sex))).status).toBe(200);
    const refused = await yi.post(`/api/congresses/${congressId}/sessions`, session());
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('职工代表构成不符合规定，会议不能作为依法召开登记：一线职工比例：一线职工代表 14 名，占 46.7%，应不低于 50%；女职工代表比例：女职工代表 10 名，占 33.3%；女职工占职工总数 40%，代表比例应不低于 35%');
    // Two front-line women, one of them the worker (linked to their membership): 32 delegates, 16 front-line, 12 women.
    expect((await yi.post(`/api/congresses/${congressId}/delegates`, delegate('frontline', 'female'))).status).toBe(200);
    // The sex is the member record's, whatever the form says.
    const linked = await yi.post(`/api/congresses/${congressId}/delegates`, { memberId: workerMemberId, sex: 'male', category: 'frontline', electedOn: '2024-04-01' });
    expect(linked.body).toMatchObject({ delegates: 32, lawful: true });
    expect(linked.body.delegateList.find((d: { member: boolean }) => d.member).name).toBe('钱代表');
    // The roster counts on the session's day: a delegate elected later does not count.
    expect((await yi.post(`/api/congresses/${congressId}/sessions`, session({ heldOn: '2024-03-31' }))).body.message).toBe('会议日期不能早于本届起始日期（2024-04-01）');
    const quorum = await yi.post(`/api/congresses/${congressId}/sessions`, session({ present: 21 }));
    expect(quorum.body.message).toBe('出席 21 人，未达到全体代表 32 人的三分之二（至少 22 人），会议不能召开');
    expect((await yi.post(`/api/congresses/${congressId}/sessions`, session({ present: 22, votes: [{ matter: '集体合同草案', votesFor: 20, votesAgainst: 2, abstain: 1 }] }))).body.message).toBe('“集体合同草案”的赞成、反对、弃权票之和不能多于出席人数 22');
    const held = await yi.post(`/api/congresses/${congressId}/sessions`, session({ present: 22, votes: [{ matter: '集体合同草案', votesFor: 17, votesAgainst: 5, abstain: 0 }, { matter: '福利费方案', votesFor: 16, votesAgainst: 6, abstain: 0 }] }));
    expect(held.status).toBe(200);
    expect(held.body.sessions[0]).toMatchObject({ total: 32, present: 22, votes: [expect.objectContaining({ passed: true }), expect.objectContaining({ passed: false })] });
    expect((await yi.post(`/api/congresses/${congressId}/sessions`, session({ present: 25 }))).body.message).toBe('第1届第1次会议已经登记');
  });

  it('the district sets stricter rules from a day on: the list then shows the unit failing; others may not', async () => {
    const rules = { assemblyBelow: 100, bands: [{ from: 100, min: 30 }, { from: 1000, min: 100 }, { from: 10000, min: 150 }], frontlineMin: 60, managersMax: 20, womenTolerance: 5, effectiveFrom: '2025-06-15' };
    expect((await yi.put('/api/congresses/rules', rules)).status).toBe(403);
    expect((await admin.put('/api/congresses/rules', { ...rules, managersMax: 50 })).body.message).toBe('一线职工比例下限与管理人员比例上限之和不能超过 100%');
    expect((await admin.put('/api/congresses/rules', rules)).status).toBe(200);
    expect((await yi.get('/api/congresses/rules')).body).toMatchObject({ frontlineMin: 60, effectiveFrom: '2025-06-15' });
    expect((await admin.get('/api/congresses?status=failing&page=1&pageSize=10')).body.items).toEqual([expect.objectContaining({ orgName: 'b1工会', lawful: false })]);
    // A version in force is never rewritten, nor one back-dated: sessions already recorded keep the rules of their day.
    expect((await admin.put('/api/congresses/rules', { ...rules, frontlineMin: 50 })).body.message).toBe('2025-06-15 起的标准已经适用，不能修改；请另定起用日期');
    expect((await admin.put('/api/congresses/rules', { ...rules, effectiveFrom: '2025-06-14' })).body.message).toBe('起用日期不能早于今天：已经登记的会议和选举按当时的标准');
    expect((await admin.put('/api/congresses/rules', { ...rules, bands: [{ from: 300, min: 35 }] })).body.message).toBe('代表人数标准的最低一档应从 100 人（召开职工大会的人数上限）或更少起');
    expect((await admin.put('/api/congresses/rules', { ...rules, frontlineMin: 50, effectiveFrom: '2025-06-16' })).status).toBe(200);
    expect((await admin.get('/api/congresses?status=failing&page=1&pageSize=10')).body.total).toBe(1);
    expect((await yi.get('/api/congresses/rules')).body.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2025-06-16', '2025-06-15']);
  });

  it('elects worker directors with more than half of all delegates; a state-owned company without one is 待办', async () => {
    const due = (await yi.get('/api/due')).body.items.filter((d: { kind: string }) => d.kind === 'director');
    expect(due).toEqual([expect.objectContaining({ title: 'b1工会为国有企业，尚无在任职工董事', href: `/congresses?open=${congressId}` })]);
    const director = { role: 'director', name: '周董事', board: 'b1有限公司董事会', electedOn: '2025-05-20', votesFor: 16, termEndsOn: '2028-05-19' };
    expect((await yi.post(`/api/congresses/${congressId}/directors`, director)).body.message).toBe('周董事得 16 票，未超过全体职工代表 32 人的半数（至少 17 票），不能当选');
    const elected = await yi.post(`/api/congresses/${congressId}/directors`, { ...director, votesFor: 17 });
    expect(elected.body).toMatchObject({ directors: 1, directorMissing: false });
    const wid = elected.body.directorList[0].id;
    expect((await yi.post(`/api/congresses/${congressId}/directors/${wid}`, { action: 'report', on: '2025-06-01', year: 2025 })).body.message).toBe('请填写职代会评议结果');
    expect((await yi.post(`/api/congresses/${congressId}/directors/${wid}`, { action: 'report', on: '2025-06-01', year: 2025, rating: 'good' })).body.directorList[0].reports).toEqual([{ year: 2025, reportedOn: '2025-06-01', rating: 'good' }]);
    expect((await yi.get('/api/due')).body.items.filter((d: { kind: string }) => d.kind === 'director')).toEqual([]);
  });

  it('enters a delegate once; a new term ends the old roster; a session after the term is refused', async () => {
    expect((await yi.post(`/api/congresses/${congressId}/delegates`, { memberId: workerMemberId, sex: 'male', category: 'frontline', electedOn: '2024-04-01' })).body.message).toBe('钱代表已在本届代表名册中');
    expect((await yi.post(`/api/congresses/${congressId}/delegates`, delegate('manager', 'male', { name: '代表1号' }))).body.message).toBe('代表1号已在本届代表名册中');
    const other = await yi.post('/api/congresses', congress({ orgId: id['乙街道'], form: 'assembly', staff: 60, womenStaff: 20, stateOwned: false, establishedOn: '2021-01-01', termStartsOn: '2021-01-01' }));
    expect(other.body.termEndsOn).toBe('2023-12-31');
    expect((await yi.post(`/api/congresses/${other.body.id}/sessions`, session({ present: 50 }))).body.message).toBe('第1届已于 2023-12-31 届满：请先换届（修改届次和本届起始日期），再登记会议');
    expect((await yi.post(`/api/congresses/${other.body.id}/delegates`, delegate('frontline', 'male', { electedOn: '2021-01-01' }))).status).toBe(200);
    expect((await yi.patch(`/api/congresses/${other.body.id}`, { termNo: 2 })).body.message).toBe('换届时请填写新一届的起始日期（晚于第1届的 2021-01-01）');
    const renewed = await yi.patch(`/api/congresses/${other.body.id}`, { termNo: 2, termStartsOn: '2024-01-01' });
    expect(renewed.body).toMatchObject({ termNo: 2, termEndsOn: '2026-12-31', delegates: 0 });
    expect(renewed.body.delegateList[0].leftOn).toBe('2023-12-31');
    expect((await yi.post(`/api/congresses/${other.body.id}/sessions`, session({ present: 50 }))).status).toBe(200);
    expect((await yi.patch(`/api/congresses/${other.body.id}`, {})).body.message).toBe('没有要修改的内容');
  });

  it('hides a congress from a union outside its subtree', async () => {
    const jia = (await admin.post('/api/accounts', { username: 'jiajd', displayName: '甲管理员', orgId: id['甲街道'], roles: ['intermediate_admin'], password: 'Jia#street2026' })).status;
    expect(jia).toBe(200);
    const j = await t.as('jiajd', 'Jia#street2026');
    await j.post('/api/auth/password', { currentPassword: 'Jia#street2026', newPassword: 'Jia#street2027' });
    const jj = await t.as('jiajd', 'Jia#street2027');
    expect((await jj.get(`/api/congresses/${congressId}`)).status).toBe(404);
    expect((await jj.post(`/api/congresses/${congressId}/delegates`, delegate('frontline', 'male'))).status).toBe(404);
  });
});

describe('提案 and 厂务公开 on the phone', () => {
  it('a delegate submits a proposal on the phone, the union puts it on file and replies, the delegate rates it', async () => {
    expect((await other.post('/api/me/congress/proposals', { title: '关于食堂的建议', content: '建议延长食堂晚餐供应时间。' })).body.message).toBe('您不是在任的职工代表，不能提交提案；请联系本单位工会');
    const mine = await worker.post('/api/me/congress/proposals', { title: '关于增设夜班休息室的建议', content: '夜班职工没有休息的地方，建议在车间旁增设休息室。', coSigners: '代表甲、代表乙' });
    expect(mine.status).toBe(200);
    const pid = mine.body.id;
    expect((await yi.get('/api/due')).body.items.filter((d: { kind: string }) => d.kind === 'proposal')).toEqual([expect.objectContaining({ deadline: '2025-07-15', action: '立案' })]);
    expect((await yi.post(`/api/congresses/proposals/${pid}/steps`, { action: 'accept', on: '2025-06-15' })).body.message).toBe('请填写承办部门');
    expect((await yi.post(`/api/congresses/proposals/${pid}/steps`, { action: 'accept', on: '2025-06-15', department: '后勤保障部' })).body).toMatchObject({ status: 'accepted', online: true, proposer: '钱代表' });
    expect((await worker.post(`/api/me/congress/proposals/${pid}/rate`, { satisfaction: 'satisfied' })).status).toBe(409);
    expect((await yi.post(`/api/congresses/proposals/${pid}/steps`, { action: 'reply', on: '2025-06-15', reply: '已列入三季度工作计划。' })).body.status).toBe('replied');
    expect((await other.post(`/api/me/congress/proposals/${pid}/rate`, { satisfaction: 'unsatisfied' })).status).toBe(404);
    expect((await worker.post(`/api/me/congress/proposals/${pid}/rate`, { satisfaction: 'satisfied' })).status).toBe(200);
    const me = (await worker.get('/api/me/congress')).body;
    expect(me).toMatchObject({ orgName: 'b1工会', delegate: { name: '钱代表' }, proposals: [expect.objectContaining({ status: 'rated', department: '后勤保障部', reply: '已列入三季度工作计划。', satisfaction: 'satisfied' })] });
    expect((await yi.post('/api/congresses/proposals', { congressId, title: '关于劳保用品', content: '建议更新一线职工的劳保用品。', proposer: '某代表', submittedOn: '2025-06-01' })).body.status).toBe('submitted');
    expect((await yi.get('/api/congresses/proposals?status=open&page=1&pageSize=10')).body.total).toBe(1);
  });

  it('records what a unit disclosed; its workers read it on the phone; an import with a wrong row writes nothing', async () => {
    const item = { orgId: id.b1, matter: '2025 年职工福利费使用情况', category: 'rights', channel: 'board', disclosedOn: '2025-06-10', content: '福利费收支明细' };
    expect((await yi.post('/api/congresses/disclosures', { ...item, disclosedOn: '2025-06-16' })).body.message).toBe('公开日期不能晚于今天');
    expect((await yi.post('/api/congresses/disclosures', { ...item, matter: '福利' })).body.message).toContain('公开事项至少 4 个字');
    const r = await yi.post('/api/congresses/disclosures', item);
    expect(r.body).toMatchObject({ orgName: 'b1工会', canWrite: true });
    expect((await yi.patch(`/api/congresses/disclosures/${r.body.id}`, { feedback: '收到意见 2 条，已答复' })).body.feedback).toBe('收到意见 2 条，已答复');
    expect((await other.get('/api/me/congress')).body).toMatchObject({ delegate: null, disclosures: [expect.objectContaining({ matter: '2025 年职工福利费使用情况', content: '福利费收支明细' })] });
    const header = (await readXlsxRows((await admin.get('/api/imports/disclosures/template.xlsx')).raw.rawPayload))[0]!;
    const code = (await admin.get(`/api/orgs/${id.b1}`)).body.code as string;
    const row = (over: Record<string, string>) => header.map((h) => over[h] ?? { 公开事项: '上半年生产经营情况', 公开类别: '经营情况', 公开渠道: '公示栏', 公开日期: '2025/6/1', 单位工会代码: code }[h] ?? '');
    const bad = await runImport(t, yi, 'disclosures', await xlsx([header, row({}), row({ 公开渠道: '广播' })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 1 });
    const good = await runImport(t, yi, 'disclosures', await xlsx([header, row({}), row({ 公开事项: '考勤制度修订', 公开类别: '制度' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    expect((await yi.get('/api/congresses/disclosures?status=operation&page=1&pageSize=10')).body.items).toEqual([expect.objectContaining({ matter: '上半年生产经营情况', disclosedOn: '2025-06-01', channel: 'board' })]);
  });

  it('imports a delegate roster into the unit’s congress', async () => {
    const header = (await readXlsxRows((await admin.get('/api/imports/congress-delegates/template.xlsx')).raw.rawPayload))[0]!;
    const code = (await admin.get(`/api/orgs/${id.b1}`)).body.code as string;
    const a1 = (await admin.get(`/api/orgs/${id.a1}`)).body.code as string;
    const row = (over: Record<string, string>) => header.map((h) => over[h] ?? { 单位工会代码: code, 姓名: '冯一线', 性别: '男', 代表类别: '一线', 当选日期: '2025-06-01' }[h] ?? '');
    const bad = await runImport(t, yi, 'congress-delegates', await xlsx([header, row({}), row({ 单位工会代码: a1 })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 1 });
    const good = await runImport(t, yi, 'congress-delegates', await xlsx([header, row({}), row({ 姓名: '褚技术', 性别: '女', 代表类别: '技术人员' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    expect((await yi.get(`/api/congresses/${congressId}`)).body).toMatchObject({ delegates: 34, women: 13 });
  });
});
