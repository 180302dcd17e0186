import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { xlsx } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const std: Record<string, number> = {};
const SEVEN = ['room', 'seats', 'microwave', 'water', 'climate', 'fridge', 'firstaid'];
const READING = ['plaque', 'space', 'furniture', 'pc', 'digital', 'keeper', 'rules'];
const CHILDCARE = ['agreement', 'register', 'pickup', 'patrol', 'cleaning', 'emergency', 'nosubject'];
const station = (over: Record<string, unknown> = {}) => ({ orgId: id['乙街道'], kind: 'rest_station', name: '乙街道爱心驿站', standardId: std['七个一'], declaredOn: '2024-11-01', buildMode: 'joint', host: '工商银行乙支行', address: '乙街道幸福路 1 号', lat: 32.05, lng: 118.78, openingHours: '08:00-20:00', manager: '王站长', managerPhone: '13900001111', ...over });
const step = (c: TestClient, fid: number, action: string, on: string, over: Record<string, unknown> = {}) => c.post(`/api/facilities/${fid}/steps`, { action, on, ...over });
const values = async (codes: string, period: string, orgId = id.root) => (await admin.get(`/api/indicators/values?orgId=${orgId}&period=${period}&codes=${codes}`)).body.values.map((v: { value: number }) => v.value);

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-12-20T04:00:00Z');
  for (const s of (await admin.get('/api/facilities/standards')).body) std[s.name] = s.id;
});
afterAll(() => t.close());

describe('服务阵地', () => {
  let rest: number;

  it('declares a rest station with the fields its kind needs, in Chinese, within the writer’s scope', async () => {
    expect((await admin.post('/api/facilities', station({ lat: null, lng: null }))).body.message).toBe('爱心驿站须填写：纬度、经度');
    expect((await admin.post('/api/facilities', station({ lat: 60 }))).body.message).toContain('纬度应在 3–54 之间');
    expect((await admin.post('/api/facilities', station({ standardId: std['全国工会职工书屋'] }))).body.message).toBe('建设标准与阵地类型不符：请选择爱心驿站的建设标准');
    expect((await admin.post('/api/facilities', station({ declaredOn: '2026-01-01' }))).body.message).toBe('申报日期不能晚于今天');
    expect((await yi.post('/api/facilities', station({ orgId: id['甲街道'] }))).status).toBe(404);
    const r = await yi.post('/api/facilities', station({ level: 'city', volumes: 10 }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'declared', level: null, volumes: null, dueAction: '验收', dueOn: '2024-12-01', standardName: '七个一', canWrite: true });
    expect(r.body.steps).toEqual([]); // yi keeps it: acceptance is for the union above
    rest = r.body.id;
    expect((await yi.post('/api/facilities', station())).body.message).toBe('乙街道工会已有名为“乙街道爱心驿站”的爱心驿站');
  });

  it('is accepted only by a superior union and only against every required item of its standard', async () => {
    expect((await step(yi, rest, 'accept', '2024-11-20', { itemsPresent: SEVEN })).status).toBe(403);
    const admins = (await admin.get(`/api/facilities/${rest}`)).body.steps.map((s: { code: string }) => s.code);
    expect(admins).toEqual(['accept', 'reject', 'delist'].filter((c) => c !== 'delist'));
    const short = await step(admin, rest, 'accept', '2024-11-20', { itemsPresent: SEVEN.filter((c) => c !== 'fridge' && c !== 'firstaid') });
    expect(short.status).toBe(409);
    expect(short.body.message).toBe('未达到“七个一”（第 1 版），不能验收通过：一台冰箱；一个急救药箱');
    expect((await step(admin, rest, 'reject', '2024-11-20', { itemsPresent: SEVEN.slice(0, 5) })).body.message).toContain('须填写意见');
    const refused = await step(admin, rest, 'reject', '2024-11-20', { itemsPresent: SEVEN.slice(0, 5), opinion: '补齐冰箱和急救药箱', rectifyBy: '2024-12-20' });
    expect(refused.body).toMatchObject({ status: 'declared', inspections: [{ kind: 'acceptance', result: 'fail', failedItems: ['一台冰箱', '一个急救药箱'], rectifyBy: '2024-12-20', byOrgName: '某区总工会' }] });
    expect((await step(admin, rest, 'accept', '2024-10-01', { itemsPresent: SEVEN })).body.message).toBe('日期不能早于申报日期（2024-11-01）');
    const accepted = await step(admin, rest, 'accept', '2024-12-10', { itemsPresent: SEVEN });
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedOn: '2024-12-10', dueAction: '挂牌上图' });
    expect((await step(admin, rest, 'recheck', '2024-12-11')).body.message).toBe('阵地当前为“已验收”，不能整改复查通过（只有“整改中”的阵地可以）');
    const listed = await step(yi, rest, 'list', '2024-12-15', { mapPublished: true });
    expect(listed.body).toMatchObject({ status: 'operating', listedOn: '2024-12-15', mapPublished: true, dueOn: '2025-12-10', dueAction: '年度复验' });
  });

  it('records monthly person-times, fails a yearly review into rectification and passes the recheck', async () => {
    expect((await yi.request('PUT', `/api/facilities/${rest}/usage`, { on: '2025-03-18', count: 420 })).body.usage).toEqual([{ on: '2025-03-01', count: 420 }]);
    expect((await yi.request('PUT', `/api/facilities/${rest}/usage`, { on: '2025-03-02', count: 450 })).body).toMatchObject({ usage: [{ on: '2025-03-01', count: 450 }], usageThisYear: 450 });
    await yi.request('PUT', `/api/facilities/${rest}/usage`, { on: '2024-12-05', count: 100 });
    expect((await yi.request('PUT', `/api/facilities/${rest}/usage`, { on: '2025-12-21', count: 1 })).body.message).toBe('日期不能晚于今天');
    expect((await step(admin, rest, 'fail_review', '2025-06-01', { opinion: '急救药箱过期' })).body.message).toBe('复验不通过须填写整改期限');
    const failed = await step(admin, rest, 'fail_review', '2025-06-01', { opinion: '急救药箱过期', rectifyBy: '2025-07-01', itemsPresent: SEVEN.slice(0, 6) });
    expect(failed.body).toMatchObject({ status: 'rectifying', dueOn: '2025-07-01', dueAction: '整改复查' });
    const due = (await yi.get('/api/due?module=facilities')).body.items;
    expect(due).toEqual([expect.objectContaining({ title: '乙街道爱心驿站', action: '整改复查', deadline: '2025-07-01', overdue: true, href: `/facilities?open=${rest}` })]);
    expect((await yi.get('/api/facilities?status=due')).body.total).toBe(1);
    // A recheck after the last pass (2024-12-10) but before the failed review is out of order: refused.
    const early = await step(admin, rest, 'recheck', '2025-05-20', { itemsPresent: SEVEN });
    expect(early.status).toBe(400);
    expect(early.body.message).toBe('日期不能早于上次年度复验不通过的日期（2025-06-01）');
    const back = await step(admin, rest, 'recheck', '2025-07-01', { itemsPresent: SEVEN });
    expect(back.body).toMatchObject({ status: 'operating', lastPassedOn: '2025-07-01', dueOn: '2026-07-01' });
  });

  it('checks a reading room’s volumes and an upgrade’s level; a class’s days and attendance rate', async () => {
    const room = (await yi.post('/api/facilities', { orgId: id.b1, kind: 'reading_room', name: '乙一职工书屋', standardId: std['全国工会职工书屋'], declaredOn: '2025-01-01', level: 'none', volumes: 2500 })).body;
    expect((await step(admin, room.id, 'accept', '2025-02-01', { itemsPresent: READING })).body.message).toContain('藏书不少于 3000 册（现 2500 册）');
    // The form sends the standard with every save: it is checked inside the change's transaction (on PGlite a second
    // connection would wait for that transaction forever).
    expect((await yi.patch(`/api/facilities/${room.id}`, { volumes: 3200, standardId: std['全国工会职工书屋'] })).status).toBe(200);
    expect((await yi.patch(`/api/facilities/${room.id}`, { standardId: std['七个一'] })).body.message).toBe('建设标准与阵地类型不符：请选择职工书屋的建设标准');
    expect((await step(yi, room.id, 'accept', '2025-02-01', { itemsPresent: READING })).body).toMatchObject({ status: 'accepted' }); // yi is above b1
    await step(yi, room.id, 'list', '2025-02-02');
    expect((await yi.patch(`/api/facilities/${room.id}`, { level: 'national' })).body.message).toContain('只能通过验收、复验或提升验收改变');
    expect((await yi.patch(`/api/facilities/${room.id}`, { level: 'none', volumes: 3300 })).status).toBe(200); // unchanged level, a changed count
    expect((await step(admin, room.id, 'upgrade', '2025-05-01', { itemsPresent: READING, level: 'none' })).body.message).toBe('提升验收须选择比现在更高的命名级别');
    expect((await step(admin, room.id, 'upgrade', '2025-05-01', { itemsPresent: READING, level: 'city' })).body).toMatchObject({ level: 'city', status: 'operating' });

    const cls = (await yi.post('/api/facilities', { orgId: id.b1, kind: 'childcare_class', name: '乙一暑期托管班', standardId: std['爱心托管班（假期）'], declaredOn: '2025-06-20', classType: 'holiday', enrolled: 25, startsOn: '2025-07-01', endsOn: '2025-08-15' })).body;
    expect((await yi.request('PUT', `/api/facilities/${cls.id}/usage`, { on: '2025-06-30', count: 20 })).body.message).toBe('出勤日期应在开班和结班日期之间（2025-07-01 至 2025-08-15）');
    expect((await yi.request('PUT', `/api/facilities/${cls.id}/usage`, { on: '2025-07-01', count: 26 })).body.message).toBe('出勤人数不能多于托管儿童人数（25 人）');
    for (let d = 1; d <= 19; d++) await yi.request('PUT', `/api/facilities/${cls.id}/usage`, { on: `2025-07-${String(d).padStart(2, '0')}`, count: 20 });
    expect((await step(admin, cls.id, 'accept', '2025-08-20', { itemsPresent: CHILDCARE })).body.message).toContain('托管不少于 20 天（已登记 19 天）');
    const last = await yi.request('PUT', `/api/facilities/${cls.id}/usage`, { on: '2025-07-20', count: 10 });
    expect(last.body).toMatchObject({ daysHeld: 20, attendanceRate: 78 }); // (19 × 20 + 10) ÷ (25 × 20) = 78 %
    expect((await step(admin, cls.id, 'accept', '2025-08-20', { itemsPresent: CHILDCARE })).body.status).toBe('accepted');
    await step(yi, cls.id, 'list', '2025-08-21');
    expect((await step(admin, cls.id, 'upgrade', '2025-09-01', { itemsPresent: CHILDCARE, stars: 5 })).body.message).toBe('这类阵地没有命名级别或星级，不办理提升验收');
  });

  it('applies a new version of a standard from its effective date only; only the district publishes one', async () => {
    const v2 = { kind: 'rest_station', name: '七个一', effectiveFrom: '2025-09-01', items: SEVEN.map((code) => ({ code, title: code, required: code !== 'fridge' })) };
    expect((await yi.post('/api/facilities/standards', v2)).status).toBe(403);
    const published = await admin.post('/api/facilities/standards', v2);
    expect(published.body).toMatchObject({ version: 2, current: true });
    const a = (await yi.post('/api/facilities', station({ name: '乙街道二号驿站', declaredOn: '2025-08-01' }))).body.id;
    const noFridge = SEVEN.filter((c) => c !== 'fridge');
    expect((await step(admin, a, 'accept', '2025-08-31', { itemsPresent: noFridge })).body.message).toContain('（第 1 版）');
    expect((await step(admin, a, 'accept', '2025-09-01', { itemsPresent: noFridge })).body.inspections[0]).toMatchObject({ result: 'pass', standardName: '七个一' });
  });

  it('delists: no more changes, and the public finder leaves it out; the finder sorts by distance and hides contacts', async () => {
    const near = (await yi.post('/api/facilities', station({ name: '乙街道三号驿站', declaredOn: '2025-01-01', lat: 32.06, lng: 118.78 }))).body.id;
    await step(admin, near, 'accept', '2025-01-05', { itemsPresent: SEVEN });
    await step(yi, near, 'list', '2025-01-06');
    const anon = t.client();
    const found = (await anon.get('/api/public/facilities/nearby?lat=32.0601&lng=118.7801&kind=rest_station')).body;
    expect(found.located).toBe(true);
    expect(found.items.map((f: { name: string; metres: number }) => [f.name, f.metres])).toEqual([['乙街道三号驿站', 15], ['乙街道爱心驿站', 1123]]); // 0.0001° north and east; 0.0101° north (× 111.2 km)
    expect(JSON.stringify(found)).not.toContain('13900001111');
    expect((await anon.get('/api/public/facilities/nearby')).body.items.map((f: { name: string }) => f.name)).toEqual(['乙街道三号驿站', '乙街道爱心驿站']);
    expect((await step(admin, near, 'delist', '2025-10-01')).body.message).toContain('须填写意见');
    expect((await step(admin, near, 'delist', '2025-10-01', { opinion: '依托单位搬迁' })).body).toMatchObject({ status: 'delisted', delistedOn: '2025-10-01', canWrite: false, steps: [] });
    expect((await yi.patch(`/api/facilities/${near}`, { openingHours: '全天' })).body.message).toBe('已摘牌的阵地不能再修改或登记服务人次');
    expect((await anon.get('/api/public/facilities/nearby?lat=32.06&lng=118.78')).body.items.map((f: { name: string }) => f.name)).toEqual(['乙街道爱心驿站']);
  });

  it('lists by kind and status and exports what the list shows', async () => {
    expect((await admin.get('/api/facilities?kind=rest_station&page=1&pageSize=20')).body.total).toBe(3);
    expect((await admin.get('/api/facilities?kind=reading_room&status=operating&page=1&pageSize=20')).body.items.map((f: { name: string }) => f.name)).toEqual(['乙一职工书屋']);
    const rows = await readXlsxRows((await admin.get('/api/facilities/export.xlsx?kind=rest_station')).raw.rawPayload);
    expect(rows[0]).toContain('阵地名称');
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['乙街道三号驿站', '乙街道二号驿站', '乙街道爱心驿站']);
  });

  it('counts new and upgraded reading rooms, new and re-inspected rest stations by inspection date, each once', async () => {
    // Reading room: accepted 2025-02-01, upgraded 2025-05-01: one in 2025, none in 2024; one in 2025Q1 and one in 2025Q2.
    expect(await values('facilities.reading_rooms_new', '2025')).toEqual([1]);
    expect(await values('facilities.reading_rooms_new', '2025Q2')).toEqual([1]);
    expect(await values('facilities.reading_rooms_new', '2024')).toEqual([0]);
    // Stations: 爱心驿站 accepted 2024-12-10 (2024), review failed 2025-06-01, recheck passed 2025-07-01 (2025);
    // 二号 accepted 2025-09-01; 三号 accepted 2025-01-05 then delisted (still new in 2025). 2024-11-20 refusal counts nothing.
    expect(await values('facilities.rest_stations_new', '2024')).toEqual([1]);
    expect(await values('facilities.rest_stations_new', '2025')).toEqual([3]);
    expect(await values('facilities.rest_stations_new', '2025Q2')).toEqual([0]);
    expect(await values('facilities.rest_stations_new', '2025', id['甲街道'])).toEqual([0]);
    // Person-times by month: 100 in 2024-12, 450 in 2025-03.
    expect(await values('facilities.rest_station_visits', '2025')).toEqual([450]);
    expect(await values('facilities.rest_station_visits', '202412')).toEqual([100]);
    const drill = (await admin.get(`/api/indicators/facilities.rest_stations_new/records?orgId=${id.root}&period=2025`)).body;
    expect(drill.items.map((r: { title: string }) => r.title).sort()).toEqual(['乙街道三号驿站（验收通过）', '乙街道二号驿站（验收通过）', '乙街道爱心驿站（整改复查通过）']);
    expect(drill.items[0].ref.href).toMatch(/^\/facilities\?open=\d+$/);
  });

  it('counts nursing rooms and childcare classes standing at the period’s end', async () => {
    const room = (await yi.post('/api/facilities', { orgId: id['乙街道'], kind: 'nursing_room', name: '乙街道爱心妈妈小屋', standardId: std['爱心妈妈小屋（基础型）'], declaredOn: '2025-02-01', address: '乙街道服务中心二楼' })).body.id;
    const kit = ['plaque', 'hotwater', 'soap', 'basin', 'seats', 'fridge', 'socket', 'bin', 'log'];
    expect((await step(admin, room, 'accept', '2025-03-31', { itemsPresent: kit })).body.message).toContain('面积不小于 10 平方米（未登记面积）');
    expect((await yi.patch(`/api/facilities/${room}`, { area: 12 })).status).toBe(200);
    await step(admin, room, 'accept', '2025-03-31', { itemsPresent: ['plaque', 'hotwater', 'soap', 'basin', 'seats', 'fridge', 'socket', 'bin', 'log'] });
    await step(admin, room, 'delist', '2025-11-01', { opinion: '场地改作他用' });
    // The class accepted 2025-08-20 and the room accepted 2025-03-31, delisted 2025-11-01.
    expect(await values('facilities.nursing_and_childcare', '2025Q1')).toEqual([1]);
    expect(await values('facilities.nursing_and_childcare', '2025Q3')).toEqual([2]);
    expect(await values('facilities.nursing_and_childcare', '2025')).toEqual([1]);
    expect(await values('facilities.nursing_and_childcare', '202503')).toEqual([1]);
    expect(await values('facilities.nursing_and_childcare', '202502')).toEqual([0]);
  });

  it('imports a street’s list as declarations, every row checked as the form checks it, nothing written from a file with a wrong row', async () => {
    const header = (await readXlsxRows((await admin.get('/api/imports/facilities/template.xlsx')).raw.rawPayload))[0]!;
    expect(header.slice(0, 4)).toEqual(['阵地名称', '阵地类型', '所属工会代码', '建设标准']);
    const code = (await admin.get(`/api/orgs/${id['乙街道']}`)).body.code as string;
    const foreign = (await admin.get(`/api/orgs/${id['甲街道']}`)).body.code as string;
    const row = (over: Record<string, string>) => header.map((h) => over[h] ?? { 阵地名称: '乙街道导入驿站', 阵地类型: '驿站', 所属工会代码: code, 建设标准: '六有', 申报日期: '2025-11-01', 地址: '乙街道建设路 8 号', 纬度: '32.07', 经度: '118.8', 建设方式: '共建' }[h] ?? '');
    const bad = await runImport(t, yi, 'facilities', await xlsx([header, row({}), row({ 阵地名称: '乙街道爱心驿站' }), row({ 阵地名称: '二', 所属工会代码: foreign }), row({ 阵地名称: '无坐标驿站', 纬度: '' }), row({ 阵地名称: '书屋甲', 阵地类型: '书屋', 建设标准: '七个一' }), row({ 阵地名称: '越界驿站', 纬度: '60', 经度: '200' })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 5 });
    // The form's ranges hold for a row too (the same schema), each error naming its field.
    const errors = await readXlsxRows((await yi.get(`/api/imports/${bad.job.id}/errors.xlsx`)).raw.rawPayload);
    expect(errors.find((r) => r[0] === '越界驿站')!.at(-1)).toBe('纬度应在 3–54 之间（中国境内）；经度应在 73–136 之间（中国境内）');
    const good = await runImport(t, yi, 'facilities', await xlsx([header, row({}), row({ 阵地名称: '乙街道导入书屋', 阵地类型: '职工书屋', 建设标准: '全国工会职工书屋', 命名级别: '未命名', '藏书（册）': '3500', 纬度: '', 经度: '', 建设方式: '' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    const imported = (await yi.get('/api/facilities?q=导入&page=1&pageSize=10')).body.items;
    expect(imported.map((f: { name: string; status: string; kind: string }) => [f.name, f.kind, f.status]).sort()).toEqual([['乙街道导入书屋', 'reading_room', 'declared'], ['乙街道导入驿站', 'rest_station', 'declared']]);
    expect(imported.find((f: { kind: string }) => f.kind === 'reading_room')).toMatchObject({ volumes: 3500, buildMode: null, lat: null });
  });

  it('imports a register’s facilities already accepted years ago with their history (建档), by a union above only; the figures count them when they were accepted', async () => {
    const header = (await readXlsxRows((await admin.get('/api/imports/facilities/template.xlsx')).raw.rawPayload))[0]!;
    expect(header).toEqual(expect.arrayContaining(['验收日期', '挂牌日期', '最近复验日期']));
    const street = (await admin.get(`/api/orgs/${id['乙街道']}`)).body.code as string;
    const row = (over: Record<string, string>) => header.map((h) => over[h] ?? { 阵地名称: '乙街道老驿站', 阵地类型: '爱心驿站', 所属工会代码: street, 建设标准: '六有', 申报日期: '2019-04-01', 验收日期: '2019-05-10', 挂牌日期: '2019-06-01', 最近复验日期: '2024-06-20', 地址: '乙街道老街 1 号', 纬度: '32.06', 经度: '118.79', 建设方式: '自建' }[h] ?? '');
    const before = [await values('facilities.rest_stations_new', '2019'), await values('facilities.rest_stations_new', '2023'), await values('facilities.rest_stations_new', '2024')];
    // The street keeps its own records: accepting them is its superior's, so the street may import declarations only.
    const own = await runImport(t, yi, 'facilities', await xlsx([header, row({})]));
    expect(own.job).toMatchObject({ status: 'invalid', errorRows: 1 });
    const ownErrors = await readXlsxRows((await yi.get(`/api/imports/${own.job.id}/errors.xlsx`)).raw.rawPayload);
    expect(ownErrors[1]!.at(-1)).toContain('已验收的阵地须由所属工会的上级工会（有验收权限）建档导入');
    // The dates in their order, each refusal naming its column.
    const bad = await runImport(t, admin, 'facilities', await xlsx([header, row({ 阵地名称: '挂牌早于验收', 挂牌日期: '2019-05-01' }), row({ 阵地名称: '无验收有挂牌', 验收日期: '', 最近复验日期: '' }), row({ 阵地名称: '未来验收', 验收日期: '2026-01-05', 挂牌日期: '', 最近复验日期: '' })]));
    expect(bad.job).toMatchObject({ status: 'invalid', errorRows: 3 });
    const messages = (await readXlsxRows((await admin.get(`/api/imports/${bad.job.id}/errors.xlsx`)).raw.rawPayload)).slice(1).map((r) => r.at(-1));
    expect(messages).toEqual(['挂牌日期不能早于验收日期（2019-05-10）', '填写了挂牌日期，也须填写验收日期', '验收日期不能晚于今天']);
    const good = await runImport(t, admin, 'facilities', await xlsx([header, row({}), row({ 阵地名称: '乙街道老母婴室', 阵地类型: '母婴室', 建设标准: '爱心妈妈小屋（基础型）', 挂牌日期: '', 最近复验日期: '', 纬度: '', 经度: '', 建设方式: '' })]));
    expect(good.job).toMatchObject({ status: 'done', inserted: 2 });
    const list = (await admin.get('/api/facilities?q=乙街道老&page=1&pageSize=10')).body.items as { id: number; name: string; status: string; acceptedOn: string; listedOn: string | null }[];
    expect(list.map((f) => [f.name, f.status, f.acceptedOn, f.listedOn]).sort()).toEqual([['乙街道老母婴室', 'accepted', '2019-05-10', null], ['乙街道老驿站', 'operating', '2019-05-10', '2019-06-01']]);
    const station = (await admin.get(`/api/facilities/${list.find((f) => f.name === '乙街道老驿站')!.id}`)).body;
    expect(station.inspections.map((i: { kind: string; result: string; inspectedOn: string; opinion: string }) => [i.kind, i.result, i.inspectedOn, i.opinion]).sort()).toEqual([
      ['acceptance', 'pass', '2019-05-10', '建档导入：原验收、复验材料见纸质档案'],
      ['review', 'pass', '2024-06-20', '建档导入：原验收、复验材料见纸质档案'],
    ]);
    // 新建爱心驿站数 counts the acceptance in 2019 and the review in 2024 (巩固提升), never the year it was typed in.
    const after = [await values('facilities.rest_stations_new', '2019'), await values('facilities.rest_stations_new', '2023'), await values('facilities.rest_stations_new', '2024')];
    expect(after.map((v, i) => v[0]! - before[i]![0]!)).toEqual([1, 0, 1]);
    // The next yearly review falls a year after the imported one: it is overdue, so it is 待办.
    expect(station).toMatchObject({ dueAction: '年度复验', dueOn: '2025-06-20' });
  });
});
