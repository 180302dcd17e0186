import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { queryRows } from '@platform/db';
import { sql } from 'drizzle-orm';
import { createTestApp, runImport, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber, fakeUscc, ROSTER_HEADER, xlsx } from '@test/fixtures/people';

let t: TestApp;
let admin: TestClient;
let union: TestClient;
let hengda: { id: number; code: string };
let other: { id: number; code: string };
let songlingUnion: { id: number; code: string };

const row = (over: Partial<Record<(typeof ROSTER_HEADER)[number], string>>) =>
  ROSTER_HEADER.map((h) => over[h] ?? '');

beforeAll(async () => {
  t = await createTestApp({ demoMembers: 50 });
  admin = await t.as('admin');
  union = await t.as('union');
  const find = async (q: string) => (await admin.get(`/api/orgs?q=${encodeURIComponent(q)}&tier=grassroots`)).body.items[0];
  hengda = await find('云溪恒达物流有限公司工会委员会');
  other = (await admin.get(`/api/orgs?tier=grassroots&pageSize=5&underId=${(await find('锦绣街道第一社区联合工会')).parentId}`)).body.items.find((o: { id: number }) => o.id !== hengda.id);
  const songling = (await admin.get(`/api/orgs?q=${encodeURIComponent('松岭街道总工会')}`)).body.items[0];
  songlingUnion = (await admin.get(`/api/orgs?tier=grassroots&underId=${songling.id}&pageSize=1`)).body.items[0];
});
afterAll(() => t.close());

describe('roster import', () => {
  const id1 = fakeIdNumber('19900315', false);
  const id2 = fakeIdNumber('19850720', true);
  const id3 = fakeIdNumber('20000101', true);

  it('offers the template with the issue\'s headers in order', async () => {
    const r = await admin.get('/api/imports/members/template.xlsx');
    expect(r.status).toBe(200);
    const rows = await readXlsxRows(r.raw.rawPayload);
    expect(rows[0]).toEqual(ROSTER_HEADER);
  });

  it('reports every wrong row with its reason in an error file and writes nothing', async () => {
    const before = (await admin.get('/api/members?status=all')).body.total;
    const file = await xlsx([
      ROSTER_HEADER,
      row({ 姓名: '王小明', 居民身份证号码: id1, 手机号码: '13812345678', 所属工会代码: hengda.code, 入会日期: '2024-03-05' }),
      row({ 姓名: '李错号', 居民身份证号码: id1.slice(0, 17) + (id1[17] === '1' ? '2' : '1'), 所属工会代码: hengda.code }),
      row({ 姓名: '张性别', 性别: '男', 居民身份证号码: id2, 所属工会代码: hengda.code }),
      row({ 姓名: '赵越权', 居民身份证号码: id3, 所属工会代码: songlingUnion.code }),
      row({ 姓名: '孙重复', 居民身份证号码: id1, 所属工会代码: hengda.code }),
      row({ 姓名: '周日期', 居民身份证号码: fakeIdNumber(), 所属工会代码: hengda.code, 入会日期: '2099-01-01', 手机号码: '123' }),
    ]);
    const { job } = await runImport(t, union, 'members', file);
    expect(job).toMatchObject({ status: 'invalid', processedRows: 6, errorRows: 5, inserted: 0, hasErrorFile: true });
    const errors = await readXlsxRows((await union.get(`/api/imports/${job.id}/errors.xlsx`)).raw.rawPayload);
    expect(errors[0]).toEqual([...ROSTER_HEADER, '错误说明']);
    const note = (n: number) => errors[n]![ROSTER_HEADER.length] ?? '';
    expect(note(1)).toBe('');
    expect(note(2)).toContain('校验位不正确');
    expect(note(3)).toContain('性别与居民身份证号码不符');
    expect(note(4)).toContain('不在您的管辖范围内');
    expect(note(5)).toContain('与第 2 行重复');
    expect(note(6)).toContain('入会日期不能晚于今天');
    expect(note(6)).toContain('手机号码应为 11 位');
    expect((await admin.get('/api/members?status=all')).body.total).toBe(before);
  });

  it('imports the fixed file with reordered columns, spaces and full-width digits; re-importing changes nothing', async () => {
    const header = [...ROSTER_HEADER].reverse().map((h) => ` ${h} `);
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const uscc = fakeUscc();
    const rows = [
      row({ 姓名: '王小明', 居民身份证号码: id1, 手机号码: '13812345678', 所属工会代码: hengda.code, 入会日期: '2024-03-05', 职业: '外卖骑手', 是否农民工: '是', 工作单位统一社会信用代码: uscc }),
      row({ 姓名: '张性别', 性别: '女', 居民身份证号码: fullWidth(id2), 所属工会代码: ` ${hengda.code} `, 入会日期: '2024/6/1', 民族: '回' }),
    ].map((r) => [...r].reverse());
    const file = await xlsx([header, ...rows]);
    const first = await runImport(t, union, 'members', file);
    expect(first.job).toMatchObject({ status: 'done', inserted: 2, updated: 0, unchanged: 0 });
    const list = await union.get(`/api/members?q=${id1}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ name: '王小明', idNumberMasked: `${id1.slice(0, 4)}**********${id1.slice(-4)}`, phoneMasked: '138****5678', gigKind: 'food_delivery', migrantWorker: true, joinedOn: '2024-03-05', orgId: hengda.id });
    expect(JSON.stringify(list.body)).not.toContain(id1);
    const woman = (await union.get(`/api/members?q=${id2}`)).body.items[0];
    expect(woman).toMatchObject({ sex: 'female', ethnicity: '回族', joinedOn: '2024-06-01' });

    const again = await runImport(t, union, 'members', file);
    expect(again.job).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 2 });
    const upsertSame = await runImport(t, union, 'members', file, 'upsert');
    expect(upsertSame.job).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 2 });
    expect((await union.get(`/api/members?q=${id1}&status=all`)).body.total).toBe(1);
  });

  it('add-only skips changed rows; add-or-update updates them', async () => {
    const file = await xlsx([ROSTER_HEADER, row({ 姓名: '王小明', 居民身份证号码: id1, 手机号码: '13900001111', 学历: '大学本科', 所属工会代码: hengda.code, 入会日期: '2024-03-05' })]);
    const add = await runImport(t, union, 'members', file, 'add');
    expect(add.job).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 1 });
    expect((await union.get(`/api/members?q=${id1}`)).body.items[0].phoneMasked).toBe('138****5678');
    const up = await runImport(t, union, 'members', file, 'upsert');
    expect(up.job).toMatchObject({ status: 'done', updated: 1 });
    const m = (await union.get(`/api/members?q=13900001111`)).body.items[0];
    expect(m).toMatchObject({ name: '王小明', phoneMasked: '139****1111', education: '大学本科', occupation: '外卖骑手' });
  });

  it('refuses a person who is already a member of another union (a transfer is the way)', async () => {
    const file = await xlsx([ROSTER_HEADER, row({ 姓名: '王小明', 居民身份证号码: id1, 所属工会代码: other.code })]);
    const r = await runImport(t, admin, 'members', file, 'upsert');
    expect(r.job.status).toBe('invalid');
    const errors = await readXlsxRows((await admin.get(`/api/imports/${r.job.id}/errors.xlsx`)).raw.rawPayload);
    expect(errors[1]!.at(-1)).toContain('转会');
  });

  it('refuses a file that is not .xlsx, and one without the required headers', async () => {
    const notXlsx = await union.upload('/api/imports/members', Buffer.from('姓名,身份证\n'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.message).toContain('.xlsx');
    const noHeaders = await runImport(t, union, 'members', await xlsx([['名字', '号码'], ['甲', '1']]));
    expect(noHeaders.job).toMatchObject({ status: 'invalid' });
    expect(noHeaders.job.message).toContain('居民身份证号码');
  });

  it('stores ID numbers and phones only encrypted, with a blind index', async () => {
    const rows = await queryRows<Record<string, string>>(t.database.db, sql`select * from members where name = '王小明'`);
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows[0]);
    expect(text).not.toContain(id1);
    expect(text).not.toContain('13900001111');
    expect(rows[0]!.id_number_enc).toMatch(/^v1\./);
  });
});

describe('members', () => {
  let memberId: number;
  let membershipId: number;

  it('registers a member once per ID number, checking the fields with Chinese messages', async () => {
    const idNumber = fakeIdNumber('19920202', true);
    const bad = await union.post('/api/members', { name: '钱多多', idNumber, sex: 'male', orgId: hengda.id, joinedOn: '2024-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('性别与居民身份证号码不符');
    const ok = await union.post('/api/members', { name: '钱多多', idNumber, phone: '13655556666', orgId: hengda.id, joinedOn: '2024-01-01' });
    expect(ok.status).toBe(200);
    memberId = ok.body.memberId;
    membershipId = ok.body.memberships[0].id;
    expect(ok.body).toMatchObject({ sex: 'female', birthDate: '1992-02-02', canWrite: true });
    const again = await admin.post('/api/members', { name: '钱多多', idNumber, orgId: other.id, joinedOn: '2024-01-01' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('转会');
  });

  it('reveals a full ID number only with the permission, and audits each view', async () => {
    const r = await union.post(`/api/members/${memberId}/reveal`, { field: 'phone' });
    expect(r.body.value).toBe('13655556666');
    const audit = await admin.get('/api/audit?action=member.reveal');
    expect(audit.body.items.some((e: { summary: string }) => e.summary.includes('钱多多'))).toBe(true);
    const staff = await t.as('staff');
    expect((await staff.post(`/api/members/${memberId}/reveal`, { field: 'phone' })).status).toBe(403);
    expect((await staff.get(`/api/members/${memberId}`)).body.canReveal).toBe(false);
  });

  it('transfers a member: one membership closes, the next opens, both unions see the history', async () => {
    const bad = await union.post(`/api/memberships/${membershipId}/transfer`, { toOrgCode: hengda.code, transferredOn: '2025-01-01' });
    expect(bad.status).toBe(400);
    const r = await union.post(`/api/memberships/${membershipId}/transfer`, { toOrgCode: other.code, transferredOn: '2025-01-01' });
    expect(r.status).toBe(200);
    const seenByOld = await union.get(`/api/members/${memberId}`);
    expect(seenByOld.body.memberships.map((m: { orgId: number; leftOn: string | null }) => [m.orgId, m.leftOn])).toEqual([
      [hengda.id, '2025-01-01'],
      [other.id, null],
    ]);
    expect(seenByOld.body.canWrite).toBe(false);
    expect((await union.get(`/api/members?q=${encodeURIComponent('钱多多')}`)).body.total).toBe(0);
    expect((await union.get(`/api/members?q=${encodeURIComponent('钱多多')}&status=left`)).body.items[0].leaveReasonLabel).toBe('转出');
    const seenByNew = await admin.get(`/api/members/${memberId}`);
    expect(seenByNew.body.memberships).toHaveLength(2);
    expect((await union.post(`/api/memberships/${membershipId}/transfer`, { toOrgCode: other.code, transferredOn: '2025-01-02' })).status).toBe(409);
  });

  it('ends a membership with a reason; the date cannot precede joining', async () => {
    const open = (await admin.get(`/api/members/${memberId}`)).body.memberships[1].id;
    expect((await admin.post(`/api/memberships/${open}/leave`, { leftOn: '2024-12-31', reason: 'request' })).status).toBe(400);
    const r = await admin.post(`/api/memberships/${open}/leave`, { leftOn: '2025-06-30', reason: 'request' });
    expect(r.status).toBe(200);
    expect((await admin.get(`/api/members/${memberId}`)).body.memberships[1]).toMatchObject({ leftOn: '2025-06-30', leaveReasonLabel: '本人申请退会' });
  });

  it('lists probable duplicates and never proposes a dismissed pair again', async () => {
    const a = (await union.post('/api/members', { name: '孙同名', idNumber: fakeIdNumber('19800101'), phone: '13512340000', orgId: hengda.id, joinedOn: '2020-01-01' })).body;
    const b = (await admin.post('/api/members', { name: '孙同名', idNumber: fakeIdNumber('19800101'), phone: '13512340000', orgId: other.id, joinedOn: '2020-01-01' })).body;
    const pairs = (await admin.get('/api/members/duplicates')).body as { a: { memberId: number }; b: { memberId: number } }[];
    expect(pairs.some((p) => p.a.memberId === a.memberId && p.b.memberId === b.memberId)).toBe(true);
    expect((await admin.post('/api/members/duplicates/dismiss', { a: b.memberId, b: a.memberId })).status).toBe(200);
    const after = (await admin.get('/api/members/duplicates')).body as { a: { memberId: number } }[];
    expect(after.some((p) => p.a.memberId === a.memberId)).toBe(false);
    expect((await admin.post('/api/members/duplicates/dismiss', { a: a.memberId, b: memberId })).status).toBe(400);
  });

  it('exports the list with masked numbers', async () => {
    const r = await union.get('/api/members/export.xlsx');
    const rows = await readXlsxRows(r.raw.rawPayload);
    expect(rows[0]).toContain('居民身份证号码');
    const idCol = rows[0]!.indexOf('居民身份证号码');
    expect(rows.slice(1).every((x) => /^\d{4}\*{10}[\dX]{4}$/.test(x[idCol]!))).toBe(true);
  });
});

describe('joining online', () => {
  let ref: string;
  const idNumber = fakeIdNumber('19970909');

  it('lists the gig workers\' joint union first and takes an application without an account', async () => {
    const targets = (await t.client().get('/api/join/unions')).body;
    expect(targets[0]).toMatchObject({ name: '云溪区新就业形态劳动者联合工会', gigWorkers: true });
    const bad = await t.client().post('/api/join', { name: '骑手甲', idNumber: '123', phone: '1', orgId: targets[0].id, username: 'rider1', password: 'x', consent: false });
    expect(bad.status).toBe(400);
    const r = await t.client().post('/api/join', { name: '骑手甲', idNumber, phone: '13800009999', occupation: '外卖配送员', orgId: targets[0].id, username: 'rider1', password: 'Rider#2026', consent: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'pending', orgName: '云溪区新就业形态劳动者联合工会' });
    ref = r.body.ref;
    const dup = await t.client().post('/api/join', { name: '骑手甲', idNumber, phone: '13800009999', orgId: targets[0].id, username: 'rider2', password: 'Rider#2026', consent: true });
    expect(dup.status).toBe(409);
    expect((await t.client().get(`/api/join/${ref}`)).body.status).toBe('pending');
  });

  it('answers every wrong field of an application at once, each naming its field', async () => {
    const targets = (await t.client().get('/api/join/unions')).body;
    const bad = await t.client().post('/api/join', { name: '骑', idNumber: '123', phone: '1', orgId: targets[0].id, username: 'r', password: 'x', consent: false });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'idNumber', 'phone', 'username', 'consent']));
    // Past the form's rules: a weak password and a login already chosen by someone else, in the same answer.
    const later = await t.client().post('/api/join', { name: '骑手乙', idNumber: fakeIdNumber('19970910'), phone: '13800009998', orgId: targets[0].id, username: 'rider1', password: 'weakpass', consent: true });
    expect(later.status).toBe(400);
    expect(later.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'username']);
  });

  it('shows the deadline on the union\'s due work; rejection needs a reason; approval creates member and login', async () => {
    const due = (await admin.get('/api/members/due')).body;
    expect(due.pendingApplications).toBeGreaterThan(0);
    const app = (await admin.get('/api/member-applications?q=' + encodeURIComponent('骑手甲'))).body.items[0];
    expect(app).toMatchObject({ status: 'pending', idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}` });
    expect(app.dueOn > app.submittedAt.slice(0, 10)).toBe(true);
    expect((await admin.post(`/api/member-applications/${app.id}/reject`, { opinion: '' })).status).toBe(400);
    expect((await admin.post(`/api/member-applications/${app.id}/approve`, { opinion: '同意' })).status).toBe(200);
    expect((await admin.post(`/api/member-applications/${app.id}/approve`, {})).status).toBe(409);
    expect((await t.client().get(`/api/join/${ref}`)).body.status).toBe('approved');
    const me = await t.as('rider1', 'Rider#2026');
    const mine = await me.get('/api/me/member');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ name: '骑手甲', gigKind: 'food_delivery', memberships: [{ channelLabel: '网上申请', leftOn: null }] });
    expect((await me.get('/api/members')).status).toBe(403);
  });
});

describe('member figures', () => {
  it('counts members, new members and their groups for a period, each with its records', async () => {
    const v = (await union.get(`/api/indicators/values?orgId=${hengda.id}&period=2024&codes=member.joined,member.joined_gig,member.joined_women,member.joined_migrant`)).body.values;
    const byCode = Object.fromEntries(v.map((x: { code: string; value: number }) => [x.code, x.value]));
    const recs = (await union.get(`/api/indicators/member.joined/records?orgId=${hengda.id}&period=2024&pageSize=200`)).body.items as { title: string; occurredOn: string }[];
    expect(recs.length).toBe(byCode['member.joined']);
    expect(recs.every((r) => r.occurredOn >= '2024-01-01' && r.occurredOn <= '2024-12-31')).toBe(true);
    expect(recs.map((r) => r.title)).toEqual(expect.arrayContaining(['王小明', '张性别', '钱多多']));
    expect(recs.map((r) => r.title)).not.toContain('孙同名'); // joined in 2020
    expect(byCode['member.joined_gig']).toBeGreaterThanOrEqual(1);
    expect(byCode['member.joined_women']).toBeGreaterThanOrEqual(2);
    expect(byCode['member.joined_migrant']).toBeGreaterThanOrEqual(1);
  });
});
