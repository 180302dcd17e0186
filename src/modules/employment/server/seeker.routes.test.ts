import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import type { TestApp, TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const LI = fakeIdNumber('19980808', true);
const WANG = fakeIdNumber('19700101');
const service = (over: Record<string, unknown> = {}) => ({ orgId: id['甲街道'], personName: '李晓雨', idNumber: LI, category: 'graduate', service: 'referral', servedOn: '2024-12-31', outcome: 'following', ...over });
const values = async (orgId: number | undefined, period: string) =>
  (await admin.get(`/api/indicators/values?orgId=${orgId}&period=${period}&codes=employment.seekers_served,employment.seeker_services`)).body.values.map((v: { value: number }) => v.value);

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-06-15T04:00:00Z');
});
afterAll(() => t.close());

describe('就业援助服务', () => {
  let first: number;

  it('records a service with a checked ID number kept only masked, refusing what is wrong by name', async () => {
    expect((await yi.post('/api/employment/seekers', service())).status).toBe(404);
    expect((await admin.post('/api/employment/seekers', service({ idNumber: LI.slice(0, 17) + (LI[17] === '0' ? '1' : '0') }))).body.message).toContain('身份证号码');
    expect((await admin.post('/api/employment/seekers', service({ servedOn: '2025-06-16' }))).body.message).toBe('服务日期不能晚于今天');
    expect((await admin.post('/api/employment/seekers', service({ category: 'student' }))).body.message).toContain('请选择服务对象类别');
    const ok = await admin.post('/api/employment/seekers', service());
    expect(ok.body).toMatchObject({ personName: '李晓雨', category: 'graduate', outcome: 'following', canWrite: true });
    expect(ok.body.idNumberMasked).toMatch(/^\d{4}\*+\w{4}$/);
    expect(JSON.stringify(ok.body)).not.toContain(LI);
    first = ok.body.id;
    expect((await yi.get(`/api/employment/seekers/${first}`)).status).toBe(404);
    expect((await admin.patch(`/api/employment/seekers/${first}`, { outcome: 'employed' })).body.outcome).toBe('employed');
    expect((await yi.patch(`/api/employment/seekers/${first}`, { outcome: 'not_employed' })).status).toBe(404);
  });

  it('counts people by ID number and services as person-times, by the day served and within the subtree', async () => {
    // 李晓雨 again on 2025-01-01 (same person, next year) and on 2025-03-01; 王 by 乙街道 on 2025-02-02.
    for (const over of [{ servedOn: '2025-01-01', service: 'training' }, { servedOn: '2025-03-01', personName: '李晓雨' }, { servedOn: '2025-02-02', personName: '王建国', idNumber: WANG, orgId: id['乙街道'], category: 'unemployed' }])
      {expect((await admin.post('/api/employment/seekers', service(over))).status).toBe(200);}
    expect(await values(id.root, '2024')).toEqual([1, 1]);
    expect(await values(id.root, '2025')).toEqual([2, 3]);
    expect(await values(id['甲街道'], '2025')).toEqual([1, 2]);
    expect(await values(id['乙街道'], '2025')).toEqual([1, 1]);
    expect(await values(id.root, '2024-01-01..2025-12-31')).toEqual([2, 4]);
    const people = (await admin.get(`/api/indicators/employment.seekers_served/records?orgId=${id.root}&period=2025`)).body.items;
    expect(people.map((r: { title: string }) => r.title.slice(0, 3)).sort()).toEqual(['李晓雨', '王建国']);
    expect(JSON.stringify(people)).not.toContain(WANG);
  });

  it('lists by outcome, year and name, and exports masked ID numbers', async () => {
    expect((await admin.get('/api/employment/seekers?status=employed')).body.items.map((r: { id: number }) => r.id)).toEqual([first]);
    expect((await admin.get('/api/employment/seekers?year=2025&q=王建国')).body.total).toBe(1);
    expect((await yi.get('/api/employment/seekers')).body).toMatchObject({ total: 1, items: [{ personName: '王建国' }] });
    const sheet = await readXlsxRows((await admin.get('/api/employment/seekers/export.xlsx?q=王建国')).raw.rawPayload);
    expect(sheet[0]).toEqual(['姓名', '身份证号码', '服务对象类别', '服务内容', '服务日期', '服务结果', '服务工会', '困难职工档案', '说明']);
    expect(sheet[1]!.slice(0, 6)).toEqual(['王建国', expect.stringMatching(/^\d{4}\*+\w{4}$/), '失业人员', '岗位推荐', '2025-02-02', '跟踪服务中']);
  });
});
