import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { ExcelJS } from '@platform/excel/exceljs';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber, xlsx } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const activity = (over: Record<string, unknown> = {}) => ({ orgId: id['乙街道'], kind: 'volunteer', title: '劳模志愿服务进社区', heldOn: '2025-05-01', personTimes: 2, ...over });
const member = async (name: string, orgId: number | undefined) => (await admin.post('/api/members', { name, idNumber: fakeIdNumber('19900101'), phone: '13911112222', joinedOn: '2024-01-01', orgId })).body.memberId as number;

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-06-15T04:00:00Z');
});
afterAll(() => t.close());

describe('活动与志愿服务', () => {
  it('records an activity after it is held, with reach at least its person-times, within the writer’s scope', async () => {
    expect((await yi.post('/api/activities', activity({ heldOn: '2025-07-01' }))).body.message).toBe('活动日期不能晚于今天：活动举办后再登记');
    expect((await yi.post('/api/activities', activity({ reach: 1 }))).body.message).toBe('辐射人次不能少于参与人次');
    expect((await yi.post('/api/activities', activity({ title: '活动' }))).body.message).toContain('活动名称至少 4 个字');
    expect((await yi.post('/api/activities', activity({ orgId: id['甲街道'] }))).status).toBe(404);
    const r = await yi.post('/api/activities', activity());
    expect(r.body).toMatchObject({ kind: 'volunteer', personTimes: 2, named: 0, volunteerHours: 0, canWrite: true, participants: [] });
  });

  it('names volunteers with their hours, no more people than person-times, each once, members in scope only', async () => {
    const a = (await yi.get('/api/activities?page=1&pageSize=10')).body.items[0].id as number;
    const [v1, v2, v3] = [await member('志愿者甲', id.b1), await member('志愿者乙', id.b1), await member('志愿者丙', id.b1)];
    const outside = await member('甲街道会员', id.a1);
    expect((await yi.post(`/api/activities/${a}/participants`, { memberId: v1, role: 'volunteer' })).body.message).toBe('志愿者须填写志愿服务时长；参与职工不填时长');
    expect((await yi.post(`/api/activities/${a}/participants`, { memberId: v1, role: 'volunteer', hours: 2.3 })).body.message).toContain('按半小时登记');
    expect((await yi.post(`/api/activities/${a}/participants`, { memberId: outside, role: 'participant' })).status).toBe(404);
    expect((await yi.post(`/api/activities/${a}/participants`, { memberId: v1, role: 'volunteer', hours: 2.5 })).body).toMatchObject({ named: 1, volunteerHours: 2.5 });
    expect((await yi.post(`/api/activities/${a}/participants`, { memberId: v1, role: 'participant' })).body.message).toBe('这位会员已登记在这项活动中');
    expect((await yi.post(`/api/activities/${a}/participants`, { memberId: v2, role: 'participant' })).body.participants.map((p: { name: string }) => p.name)).toEqual(['志愿者甲', '志愿者乙']);
    expect((await yi.post(`/api/activities/${a}/participants`, { memberId: v3, role: 'participant' })).body.message).toBe('参与人次为 2，已登记 2 名人员；请先修改参与人次');
    expect((await yi.patch(`/api/activities/${a}`, { personTimes: 1 })).body.message).toBe('已登记 2 名人员，参与人次不能少于 2');
    expect((await yi.request('DELETE', `/api/activities/${a}/participants/${v2}`)).body.named).toBe(1);
    expect((await yi.request('DELETE', `/api/activities/${a}/participants/${v2}`)).body.message).toBe('这位会员没有登记在这项活动中');
  });

  it('counts volunteer hours by the half hour and exports them to one decimal, not rounded to whole hours', async () => {
    const value = (await admin.get(`/api/indicators/values?orgId=${id.root}&period=2025&codes=activities.volunteer_hours`)).body.values[0].value;
    expect(value).toBe(2.5);
    const x = await admin.get(`/api/indicators/activities.volunteer_hours/records/export.xlsx?orgId=${id.root}&period=2025`);
    expect(x.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('服务时长（小时）');
    const cell = sheet.getRow(2).getCell(4);
    expect(cell.value).toBe(2.5);
    expect(cell.numFmt).toBe('#,##0.0'); // '#,##0' would show 2.5 hours as 3
  });

  it('lists by kind and exports what the list shows', async () => {
    await admin.post('/api/activities', { orgId: id.root, kind: 'lecture', title: '劳模精神宣讲会', heldOn: '2025-04-01', personTimes: 120, reach: 800, byModelWorkers: true });
    expect((await admin.get('/api/activities?status=lecture&page=1&pageSize=10')).body.items.map((a: { title: string }) => a.title)).toEqual(['劳模精神宣讲会']);
    expect((await yi.get('/api/activities?status=all&page=1&pageSize=10')).body.total).toBe(1);
    const sheet = await readXlsxRows((await admin.get('/api/activities/export.xlsx?status=all')).raw.rawPayload);
    expect(sheet[0]).toEqual(expect.arrayContaining(['活动名称', '参与人次', '辐射人次', '志愿服务（小时）']));
    expect(sheet.length).toBe(3);
  });

  it('imports an activity register from the template, every row checked, nothing written from a file with a wrong row', async () => {
    const template = await readXlsxRows((await admin.get('/api/imports/activities/template.xlsx')).raw.rawPayload);
    const header = template[0]!;
    expect(header.slice(0, 4)).toEqual(['活动名称', '活动类型', '活动日期', '主办工会代码']);
    const code = (await admin.get(`/api/orgs/${id.b1}`)).body.code as string;
    const foreign = (await admin.get(`/api/orgs/${id.a1}`)).body.code as string;
    const row = (over: Record<string, string>) => header.map((h) => over[h] ?? { 活动名称: '职工健步走活动', 活动类型: '文体', 活动日期: '2025-05-01', 主办工会代码: code, 参与人次: '60', 辐射人次: '', 劳模参与: '' }[h] ?? '');
    const bad = await runImport(t, yi, 'activities', await xlsx([header, row({}), row({ 主办工会代码: foreign }), row({ 辐射人次: '10' }), row({ 劳模参与: '也许' }), row({ 活动日期: '2025-07-01' }), row({ 活动名称: `职工${'长'.repeat(79)}`, 参与人次: '20000000' })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 5 });
    // The form's limits hold for a row too (the same schema), each error naming its field.
    const errors = await readXlsxRows((await yi.get(`/api/imports/${bad.job.id}/errors.xlsx`)).raw.rawPayload);
    expect(errors.at(-1)!.at(-1)).toBe('活动名称不超过 80 个字；参与人次不能大于 10000000');
    expect(errors.map((r) => r.at(-1))).toContain('活动日期不能晚于今天：活动举办后再登记');
    expect((await yi.get('/api/activities?status=culture&page=1&pageSize=10')).body.total).toBe(0);
    const good = await runImport(t, yi, 'activities', await xlsx([header, row({}), row({ 活动名称: '劳模精神宣讲会', 活动类型: '劳模宣讲', 劳模参与: '是', 辐射人次: '300' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    const lectures = (await yi.get('/api/activities?status=lecture&page=1&pageSize=10')).body.items;
    expect(lectures).toEqual([expect.objectContaining({ title: '劳模精神宣讲会', byModelWorkers: true, reach: 300, personTimes: 60, orgName: 'b1工会' })]);
  });
});
