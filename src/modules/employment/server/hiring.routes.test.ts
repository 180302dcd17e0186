import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { readXlsxRows } from '@platform/excel';
import { runRetention } from '@platform/retention';
import { withUsccCheckDigit } from '@platform/validation';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { xlsx } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';
import { interestRetention } from './hiring.service';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const HENGDA = withUsccCheckDigit('91320102MA1HD0001');
const XINYUAN = withUsccCheckDigit('91320102MA1XY0002');
const BEIFANG = withUsccCheckDigit('91320102MA1BF0003');
const hiring = (over: Record<string, unknown> = {}) => ({
  orgId: id['甲街道'],
  employerName: '云溪恒达物流有限公司',
  employerUscc: HENGDA,
  post: '仓储管理员',
  workKind: 'full_time',
  headcount: 5,
  payMin: 4500,
  payMax: 6000,
  recordedOn: '2024-12-31',
  validUntil: '2025-03-31',
  source: 'survey',
  ...over,
});
const values = async (orgId: number | undefined, period: string) =>
  (await admin.get(`/api/indicators/values?orgId=${orgId}&period=${period}&codes=employment.hiring_enterprises,employment.hiring_posts`)).body.values.map((v: { value: number }) => v.value);

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-06-15T04:00:00Z');
});
afterAll(() => t.close());

describe('企业用工信息', () => {
  let first: number;

  it('walks the ladder: 401, 404 outside the scope, 400 naming the field or the rule, 200', async () => {
    expect((await t.client().post('/api/employment/hiring', hiring())).status).toBe(401);
    expect((await yi.post('/api/employment/hiring', hiring())).status).toBe(404);
    expect((await admin.post('/api/employment/hiring', hiring({ headcount: 0 }))).body.message).toContain('招聘人数至少 1 人');
    expect((await admin.post('/api/employment/hiring', hiring({ employerUscc: HENGDA.slice(0, 17) + (HENGDA[17] === '0' ? '1' : '0') }))).body.message).toContain('校验位不正确');
    expect((await admin.post('/api/employment/hiring', hiring({ payMin: 7000 }))).body.message).toBe('月薪下限不能高于上限');
    expect((await admin.post('/api/employment/hiring', hiring({ validUntil: '2024-12-01' }))).body.message).toBe('有效期至不能早于录入日期');
    expect((await admin.post('/api/employment/hiring', hiring({ recordedOn: '2025-06-16', validUntil: '2025-07-01' }))).body.message).toBe('录入日期不能晚于今天');
    const ok = await admin.post('/api/employment/hiring', hiring());
    expect(ok.body).toMatchObject({ employerName: '云溪恒达物流有限公司', payText: '4500–6000 元', status: 'expired', canWrite: true });
    first = ok.body.id;
    expect((await yi.get(`/api/employment/hiring/${first}`)).status).toBe(404);
    expect((await admin.patch(`/api/employment/hiring/${first}`, { payMax: 4000 })).body.message).toBe('月薪下限不能高于上限');
  });

  it('counts posts and enterprises by the day they were recorded, within the subtree', async () => {
    // 2024: one post of 恒达 (on 12-31, the year's last day). 2025: two more of 恒达, one of 鑫源 in 甲街道, one of 北方 in 乙街道.
    for (const over of [
      { recordedOn: '2025-01-01', validUntil: '2025-12-31', post: '叉车司机' },
      { recordedOn: '2025-05-20', validUntil: '2025-08-31', post: '分拣员', payMin: null, payMax: null },
      { recordedOn: '2025-02-10', validUntil: '2025-09-30', employerName: '云溪鑫源便利店', employerUscc: XINYUAN, post: '收银员', orgId: id.a1 },
      { recordedOn: '2025-03-03', validUntil: '2025-10-31', employerName: '北方家政服务有限公司', employerUscc: BEIFANG, post: '育婴员', orgId: id['乙街道'] },
    ])
      {expect((await admin.post('/api/employment/hiring', hiring(over))).status).toBe(200);}
    expect(await values(id.root, '2024')).toEqual([1, 1]);
    expect(await values(id.root, '2025')).toEqual([3, 4]);
    expect(await values(id['甲街道'], '2025')).toEqual([2, 3]);
    expect(await values(id['乙街道'], '2025')).toEqual([1, 1]);
    expect(await values(id.root, '2025Q1')).toEqual([3, 3]);
    const byFirm = (await admin.get(`/api/indicators/employment.hiring_enterprises/records?orgId=${id.root}&period=2025`)).body.items;
    expect(byFirm.map((r: { title: string; amount: number }) => [r.title, r.amount]).sort()).toEqual([
      ['云溪恒达物流有限公司：共 2 条', 2],
      ['云溪鑫源便利店：共 1 条', 1],
      ['北方家政服务有限公司：共 1 条', 1],
    ]);
    const posts = (await admin.get(`/api/indicators/employment.hiring_posts/records?orgId=${id.root}&period=2024`)).body.items;
    expect(posts).toMatchObject([{ id: String(first), title: '云溪恒达物流有限公司：仓储管理员', amount: 5, ref: { href: `/employment?open=${first}` } }]);
  });

  it('lists by search, year and status (computed from the dates), exports the column list, and marks a post filled', async () => {
    expect((await admin.get('/api/employment/hiring?status=open')).body.total).toBe(4);
    expect((await admin.get('/api/employment/hiring?status=expired')).body.items.map((r: { id: number }) => r.id)).toEqual([first]);
    expect((await admin.get('/api/employment/hiring?q=鑫源&year=2025')).body).toMatchObject({ total: 1, items: [{ post: '收银员', payText: '4500–6000 元' }] });
    expect((await admin.get('/api/employment/hiring?year=2024')).body.total).toBe(1);
    expect((await yi.get('/api/employment/hiring')).body).toMatchObject({ total: 1, items: [{ employerName: '北方家政服务有限公司' }] });
    const open = (await admin.get('/api/employment/hiring?q=分拣员')).body.items[0];
    expect(open.payText).toBe('面议');
    expect((await admin.post(`/api/employment/hiring/${open.id}/fill`)).body).toMatchObject({ status: 'filled', filledOn: '2025-06-15' });
    expect((await admin.post(`/api/employment/hiring/${open.id}/fill`)).body.message).toBe('这条用工信息已标记为已招满');
    expect(await values(id.root, '2025')).toEqual([3, 4]);
    const sheet = await readXlsxRows((await admin.get('/api/employment/hiring/export.xlsx?q=分拣员')).raw.rawPayload);
    expect(sheet[0]).toEqual(['单位名称', '统一社会信用代码', '岗位名称', '用工形式', '招聘人数', '月薪下限（元）', '月薪上限（元）', '月薪', '录入工会', '录入日期', '有效期至', '状态', '求职意向', '工作地点', '岗位要求', '联系人', '联系电话', '信息来源', '招满日期']);
    expect(sheet[1]).toEqual(['云溪恒达物流有限公司', HENGDA, '分拣员', '全职', '5', undefined, undefined, '面议', '甲街道工会', '2025-05-20', '2025-08-31', '已招满', '0', undefined, undefined, undefined, undefined, '工会调查', '2025-06-15']);
  });

  it('imports from the template, every row checked, nothing written from a file with a wrong row', async () => {
    const template = await readXlsxRows((await admin.get('/api/imports/employment-hiring/template.xlsx')).raw.rawPayload);
    const header = template[0]!;
    expect(header.slice(0, 5)).toEqual(['单位名称', '统一社会信用代码', '岗位名称', '用工形式', '招聘人数']);
    const code = (await admin.get(`/api/orgs/${id.a2}`)).body.code as string;
    const row = (over: Record<string, string>) => header.map((h) => over[h] ?? { 单位名称: '甲二电子有限公司', 统一社会信用代码: withUsccCheckDigit('91320102MA1JE0004'), 岗位名称: '普工', 用工形式: '全职', 招聘人数: '10', 录入工会代码: code, 录入日期: '2025-04-01', 有效期至: '2025-07-01', 信息来源: '企业' }[h] ?? '');
    const bad = await runImport(t, admin, 'employment-hiring', await xlsx([header, row({}), row({ 用工形式: '包工', '月薪下限（元）': '9000', '月薪上限（元）': '5000' })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 1 });
    expect(await values(id.root, '2025')).toEqual([3, 4]);
    const good = await runImport(t, admin, 'employment-hiring', await xlsx([header, row({}), row({ 岗位名称: '质检员', 用工形式: '见习', '月薪下限（元）': '3000' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    expect(await values(id.root, '2025')).toEqual([4, 6]);
    expect((await admin.get('/api/employment/hiring?q=质检员')).body.items[0]).toMatchObject({ workKind: 'trainee', source: 'enterprise', payText: '3000 元起', orgName: 'a2工会' });
  });

  it('takes a worker’s 我有意向 on an open post only, with consent, once per phone; the union sees it masked and reveals it audited', async () => {
    const open = (await admin.post('/api/employment/hiring', hiring({ orgId: id['乙街道'], post: '叉车司机', recordedOn: '2025-06-01', validUntil: '2025-07-31' }))).body.id as number;
    const expired = (await admin.post('/api/employment/hiring', hiring({ post: '普工', recordedOn: '2025-01-01', validUntil: '2025-03-31' }))).body.id as number;
    const anon = t.client();
    const say = (postId: number, over: Record<string, unknown> = {}) => anon.post(`/api/public/jobs/${postId}/interest`, { name: '李师傅', phone: '13912345678', consent: true, message: '有叉车证', ...over });
    expect((await say(open, { consent: false })).body.message).toContain('请阅读并同意');
    expect((await say(open, { phone: '1391234' })).body.message).toBe('手机号码应为 11 位数字');
    expect((await say(expired)).status).toBe(404);
    expect((await say(open)).body).toMatchObject({ postId: open, orgName: '乙街道工会', message: '已告诉乙街道工会，工作人员会用您留的手机号码联系您' });
    expect((await say(open, { name: '李师傅二' })).body.message).toBe('已告诉乙街道工会，工作人员会用您留的手机号码联系您'); // the same answer: nothing told about who applied
    const detail = (await yi.get(`/api/employment/hiring/${open}`)).body;
    expect(detail).toMatchObject({ interested: 1, interests: [{ name: '李师傅', phoneMasked: '139****5678', message: '有叉车证' }] });
    expect(JSON.stringify(detail)).not.toContain('13912345678');
    expect((await admin.get(`/api/employment/hiring?q=叉车司机`)).body.items[0].interested).toBe(1);
    const interestId = detail.interests[0].id as number;
    expect((await yi.post(`/api/employment/hiring/${expired}/interests/${interestId}/reveal`)).status).toBe(404); // 甲街道's post: out of 乙's scope
    expect((await admin.post(`/api/employment/hiring/${open}/interests/${interestId}/reveal`)).body.message).toContain('只有发布这条岗位的工会'); // the district is above, not the keeper
    expect((await yi.post(`/api/employment/hiring/${open}/interests/${interestId}/reveal`)).body).toEqual({ phone: '13912345678' });
    const audit = (await admin.get('/api/audit?action=hiring.interest_reveal')).body.items;
    expect(audit[0]).toMatchObject({ summary: `查看求职意向 #${interestId} 的手机号码（叉车司机）` });
    expect(JSON.stringify((await admin.get('/api/audit?action=hiring.interest')).body.items)).not.toContain('李师傅'); // the log outlives the interest: no name in it
  });

  // On a PostgreSQL server (TEST_DATABASE_URL) the requests run on separate pooled connections at the same time
  // (a double tap, a flaky phone network resending); on PGlite they are serial, and the same assertions hold.
  it('keeps one interest per post and phone when the same 我有意向 arrives ten times at once, every answer the same success', async () => {
    const post = (await admin.post('/api/employment/hiring', hiring({ orgId: id['乙街道'], post: '仓库管理员', recordedOn: '2025-06-01', validUntil: '2025-07-31' }))).body.id as number;
    const body = { name: '赵师傅', phone: '13700001111', consent: true, message: '会用仓储系统' };
    // One phone on its own address: the endpoint allows 10 a minute per address, and the earlier test used some.
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.app.inject({ method: 'POST', url: `/api/public/jobs/${post}/interest`, payload: body, remoteAddress: '10.16.0.7' })));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1); // the same answer to each: nothing told about which one counted
    expect(answers[0]!.json()).toEqual({ postId: post, orgName: '乙街道工会', message: '已告诉乙街道工会，工作人员会用您留的手机号码联系您' });
    const [rows] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from hiring_interests where post_id = ${post}`);
    expect(rows!.n).toBe(1);
    const [audits] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events where action = 'hiring.interest' and entity_id = ${String(post)}`);
    expect(audits!.n).toBe(1);
    expect((await yi.get(`/api/employment/hiring/${post}`)).body).toMatchObject({ interested: 1, interests: [{ name: '赵师傅', phoneMasked: '137****1111' }] });
  });

  it('deletes the interests of a post closed for more than 90 days (PIPL Art. 19), audited per post, and keeps the others', async () => {
    const closing = (await admin.post('/api/employment/hiring', hiring({ orgId: id['乙街道'], post: '装卸工', recordedOn: '2025-06-01', validUntil: '2025-09-30' }))).body.id as number;
    const later = (await admin.post('/api/employment/hiring', hiring({ orgId: id['乙街道'], post: '理货员', recordedOn: '2025-06-01', validUntil: '2025-12-31' }))).body.id as number;
    const say = (postId: number, phone: string) => t.app.inject({ method: 'POST', url: `/api/public/jobs/${postId}/interest`, payload: { name: '钱师傅', phone, consent: true }, remoteAddress: '10.16.0.8' });
    expect((await say(closing, '13600002222')).statusCode).toBe(200);
    expect((await say(later, '13600002222')).statusCode).toBe(200);
    // The phone's binding is the row's own: the same number sealed for one post does not open as another's.
    const [sealed] = await queryRows<{ post_id: number; phone_enc: string }>(t.database.db, sql`select post_id, phone_enc from hiring_interests where post_id in (${closing}, ${later}) order by post_id`);
    await t.database.db.execute(sql`update hiring_interests set phone_enc = ${sealed!.phone_enc} where post_id = ${later}`);
    const laterInterest = (await yi.get(`/api/employment/hiring/${later}`)).body.interests[0].id as number;
    expect((await yi.post(`/api/employment/hiring/${later}/interests/${laterInterest}/reveal`)).status).toBe(500);
    // A row sealed before the binding changed (to its post only) still opens.
    await t.database.db.execute(sql`update hiring_interests set phone_enc = ${t.deps.cipher.encrypt('13600002222', { table: 'hiring_interests', column: 'phone', rowId: `post-${later}` })} where post_id = ${later}`);
    expect((await yi.post(`/api/employment/hiring/${later}/interests/${laterInterest}/reveal`)).body).toEqual({ phone: '13600002222' });
    const purge = () => runRetention(t.deps, [interestRetention]);
    const left = async () => (await queryRows<{ post_id: number }>(t.database.db, sql`select post_id from hiring_interests where post_id in (${closing}, ${later}) order by post_id`)).map((r) => r.post_id);
    t.clock.now = new Date('2025-12-29T04:00:00Z'); // day 90 after 09-30: still kept (the earlier tests' posts closed 07-31 go)
    expect((await purge())['employment.interests']).toBe(2);
    expect(await left()).toEqual([closing, later]);
    t.clock.now = new Date('2025-12-30T04:00:00Z'); // day 91
    expect((await purge())['employment.interests']).toBe(1);
    expect(await left()).toEqual([later]);
    const yiLater = await t.as('yijd', 'Yi#street2027'); // the clock moved past the session's life
    expect((await yiLater.get(`/api/employment/hiring/${closing}`)).body).toMatchObject({ interested: 0, interests: [] });
    const audit = await queryRows<{ summary: string; actor_name: string; org_id: number }>(t.database.db, sql`select summary, actor_name, org_id from audit_events where action = 'hiring.interest_purge' and entity_id = ${String(closing)}`);
    expect(audit).toEqual([{ summary: '岗位“云溪恒达物流有限公司 · 装卸工”招满或过期已满 90 天，依法删除 1 条求职意向（姓名、手机号码、留言）', actor_name: '系统（保存期限届满自动删除）', org_id: id['乙街道'] }]);
    expect((await purge())['employment.interests']).toBe(0); // nothing left to delete, no second audit row
    t.clock.now = new Date('2025-06-15T04:00:00Z');
    yi = await t.as('yijd', 'Yi#street2027');
  });
});
