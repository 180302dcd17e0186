import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { withUsccCheckDigit } from '@platform/validation';
import type { TestApp, TestClient } from '@test/app';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const firm = (n: number, over: Record<string, unknown> = {}) => ({ employerName: `参会单位${n}`, employerUscc: withUsccCheckDigit(`91320102MA1FA${String(n).padStart(4, '0')}`), posts: 2, headcount: 10, ...over });
const fair = (over: Record<string, unknown> = {}) => ({ orgId: id.root, name: '2025年春风行动专场招聘会', heldOn: '2025-03-08', mode: 'both', venue: '区职工服务中心', ...over });
const values = async (orgId: number | undefined, period: string) =>
  (await admin.get(`/api/indicators/values?orgId=${orgId}&period=${period}&codes=employment.job_fairs,employment.fair_intentions`)).body.values.map((v: { value: number }) => v.value);

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
  t.clock.now = new Date('2025-06-15T04:00:00Z');
});
afterAll(() => t.close());

describe('招聘会', () => {
  let spring: number;

  it('registers a fair, refuses results before it is held, and keeps each enterprise once per fair', async () => {
    expect((await yi.post('/api/employment/fairs', fair({ orgId: id['甲街道'] }))).status).toBe(404);
    expect((await admin.post('/api/employment/fairs', fair({ name: '招聘' }))).body.message).toContain('招聘会名称至少 4 个字');
    expect((await admin.post('/api/employment/fairs', fair({ heldOn: '2025-07-01', intentions: 5 }))).body.message).toBe('招聘会尚未举办，不能登记参会人次、意向和录用人数');
    expect((await admin.post('/api/employment/fairs', fair({ intentions: 5, hires: 6 }))).body.message).toBe('跟踪录用人数不能多于达成意向人数');
    const ok = await admin.post('/api/employment/fairs', fair({ visitors: 900, intentions: 120, hires: 40 }));
    expect(ok.body).toMatchObject({ status: 'held', enterprises: 0, posts: 0, participants: [] });
    spring = ok.body.id;
    for (const n of [1, 2, 3]) expect((await admin.post(`/api/employment/fairs/${spring}/enterprises`, firm(n, { posts: n }))).status).toBe(200);
    expect((await admin.post(`/api/employment/fairs/${spring}/enterprises`, firm(2))).body.message).toBe('这家单位已在本场招聘会的参会名单中');
    expect((await admin.post(`/api/employment/fairs/${spring}/enterprises`, firm(4, { employerUscc: '91320102MA1FA0004' }))).status).toBe(400);
    const detail = (await admin.get(`/api/employment/fairs/${spring}`)).body;
    expect(detail).toMatchObject({ enterprises: 3, posts: 6, headcount: 30 });
    const removed = await admin.request('DELETE', `/api/employment/fairs/${spring}/enterprises/${detail.participants[2].id}`);
    expect(removed.body).toMatchObject({ enterprises: 2, posts: 3 });
    expect((await yi.get(`/api/employment/fairs/${spring}`)).status).toBe(404);
    expect((await yi.post(`/api/employment/fairs/${spring}/enterprises`, firm(5))).status).toBe(404);
  });

  it('counts fairs held in the period by their date, within the subtree, and sums the intentions', async () => {
    expect((await admin.post('/api/employment/fairs', fair({ name: '2024年金秋招聘会', heldOn: '2024-12-31', mode: 'online', intentions: 30 }))).status).toBe(200);
    expect((await admin.post('/api/employment/fairs', fair({ name: '甲街道社区招聘会', heldOn: '2025-01-01', orgId: id['甲街道'], intentions: 8 }))).status).toBe(200);
    expect((await admin.post('/api/employment/fairs', fair({ name: '2025年夏季招聘会', heldOn: '2025-07-10', mode: 'onsite' }))).body.status).toBe('planned');
    expect(await values(id.root, '2024')).toEqual([1, 30]);
    expect(await values(id.root, '2025')).toEqual([3, 128]);
    expect(await values(id['甲街道'], '2025')).toEqual([1, 8]);
    expect(await values(id['乙街道'], '2025')).toEqual([0, 0]);
    const rows = (await admin.get(`/api/indicators/employment.job_fairs/records?orgId=${id.root}&period=2025Q1`)).body.items;
    expect(rows.map((r: { title: string; amount: number }) => [r.title, r.amount]).sort()).toEqual([
      ['2025年春风行动专场招聘会', 2],
      ['甲街道社区招聘会', 0],
    ]);
    expect(rows.find((r: { id: string }) => r.id === String(spring)).ref.href).toBe(`/employment/fairs?open=${spring}`);
  });

  it('lists by status and year, exports with labels, and shows workers the open posts and the fairs to come', async () => {
    expect((await admin.get('/api/employment/fairs?status=planned')).body.items.map((r: { name: string }) => r.name)).toEqual(['2025年夏季招聘会']);
    expect((await admin.get('/api/employment/fairs?year=2024')).body.total).toBe(1);
    expect((await yi.get('/api/employment/fairs')).body.total).toBe(0);
    const sheet = await readXlsxRows((await admin.get('/api/employment/fairs/export.xlsx?q=春风')).raw.rawPayload);
    expect(sheet[1]!.slice(0, 4)).toEqual(['2025年春风行动专场招聘会', '2025-03-08', '线上线下', '某区总工会']);
    await admin.post('/api/employment/hiring', { orgId: id.a1, employerName: '甲一物流有限公司', employerUscc: withUsccCheckDigit('91320102MA1JY0001'), post: '司机', workKind: 'full_time', headcount: 2, recordedOn: '2025-06-01', validUntil: '2025-09-01', source: 'survey', contactPhone: '13900000000' });
    await admin.post('/api/employment/hiring', { orgId: id.a1, employerName: '甲一物流有限公司', employerUscc: withUsccCheckDigit('91320102MA1JY0001'), post: '过期岗位', workKind: 'full_time', headcount: 2, recordedOn: '2025-01-01', validUntil: '2025-02-01', source: 'survey' });
    const pub = await t.client().get('/api/public/jobs');
    expect(pub.status).toBe(200);
    expect(pub.body.posts).toEqual([expect.objectContaining({ post: '司机', payText: '面议', orgName: 'a1工会' })]);
    expect(JSON.stringify(pub.body)).not.toContain('13900000000');
    expect(pub.body.fairs).toMatchObject([{ name: '2025年夏季招聘会', heldOn: '2025-07-10', mode: 'onsite' }]);
  });
});
