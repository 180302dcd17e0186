import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { runImport, type TestApp, type TestClient } from '@test/app';
import { fakeUscc, xlsx } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number> = {};
const HEADER = ['单位名称', '统一社会信用代码', '所属街道工会代码', '行政区划代码', '行业门类', '单位类别', '职工人数', '女职工人数', '是否小微企业', '联系人', '联系电话', '地址', '备注'];

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  yi = await t.as('yijd', 'Yi#street2027');
});
afterAll(() => t.close());

describe('employer register', () => {
  let employerId: number;

  it('rejects a wrong check digit with a message naming the field', async () => {
    const good = fakeUscc();
    const wrong = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const r = await admin.post('/api/employers', { name: '校验测试公司', uscc: wrong, orgId: id['甲街道'], employees: 30 });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('统一社会信用代码校验位不正确');
    const women = await admin.post('/api/employers', { name: '校验测试公司', uscc: good, orgId: id['甲街道'], employees: 30, womenEmployees: 31 });
    expect(women.body.message).toContain('女职工人数不能多于职工人数');
    const ok = await admin.post('/api/employers', { name: '校验测试公司', uscc: good.toLowerCase(), orgId: id['甲街道'], employees: 30, industry: 'G' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ uscc: good, isGap: true, foundingStageLabel: '未启动', industryLabel: '交通运输、仓储和邮政业' });
    employerId = ok.body.id;
    expect((await admin.post('/api/employers', { name: '重复', uscc: good, orgId: id['甲街道'], employees: 3 })).status).toBe(409);
    expect((await admin.post('/api/employers', { name: '挂在基层', uscc: fakeUscc(), orgId: id.a1, employees: 3 })).body.code).toBe('EMPLOYER.KEEPER_KIND');
  });

  it('lists gaps by street, advances a founding record, and completes founding with one click', async () => {
    const summary = (await admin.get('/api/employers/gaps/summary')).body;
    expect(summary.find((s: { orgName: string }) => s.orgName === '甲街道工会')).toMatchObject({ employers25: 1, covered: 0, gaps: 1, foundingRate: 0 });
    expect((await admin.post(`/api/employers/${employerId}/founding`, { stage: 'visiting', note: '已走访' })).body).toMatchObject({ foundingStageLabel: '走访中' });
    const gaps = await admin.get('/api/employers?coverage=gap');
    expect(gaps.body.items.map((e: { id: number }) => e.id)).toContain(employerId);
    const found = await admin.post(`/api/employers/${employerId}/found`, { unionName: '校验测试公司工会委员会', kind: 'enterprise', openedOn: '2025-01-01' });
    expect(found.status).toBe(200);
    expect(found.body.employer).toMatchObject({ isGap: false, unionName: '校验测试公司工会委员会', coveredSince: '2025-01-01', foundingStageLabel: '已建会' });
    expect((await admin.get(`/api/orgs/${found.body.orgId}`)).body).toMatchObject({ parentId: id['甲街道'], kind: 'enterprise' });
    expect((await admin.post(`/api/employers/${employerId}/founding`, { stage: 'preparing' })).status).toBe(409);
    const xl = await readXlsxRows((await admin.get('/api/employers/export.xlsx?coverage=gap')).raw.rawPayload);
    expect(xl.map((r) => r[0])).not.toContain('校验测试公司');
  });

  it('imports employers with the platform engine: errors per row, scope per row, idempotent', async () => {
    const yiCode = (await admin.get(`/api/orgs/${id['乙街道']}`)).body.code;
    const jiaCode = (await admin.get(`/api/orgs/${id['甲街道']}`)).body.code;
    const u1 = fakeUscc();
    const u2 = fakeUscc();
    const bad = await xlsx([HEADER, ['乙一公司', u1, yiCode, '', 'G', '私营', '80', '', '否', '', '', '', ''], ['越权公司', fakeUscc(), jiaCode, '', '', '', '40', '', '', '', '', '', ''], ['乙二公司', u2, yiCode, '', 'Z', '', '二十', '', '', '', '', '', '']]);
    const r1 = await runImport(t, yi, 'employers', bad);
    expect(r1.job).toMatchObject({ status: 'invalid', errorRows: 2 });
    const errs = await readXlsxRows((await yi.get(`/api/imports/${r1.job.id}/errors.xlsx`)).raw.rawPayload);
    expect(errs[2]!.at(-1)).toContain('不在您的管辖范围内');
    expect(errs[3]!.at(-1)).toContain('行业门类');
    expect(errs[3]!.at(-1)).toContain('职工人数应为整数');
    // 是否小微企业 as rosters write it (N, √): the shared 是/否 table of platform/imports.
    const good = await xlsx([HEADER, ['乙一公司', u1, yiCode, '', 'G', '私营', '80', '', 'N', '', '', '', ''], ['乙二公司', u2, yiCode, '', '', '', '20', '', '√', '', '', '', '']]);
    expect((await runImport(t, yi, 'employers', good)).job).toMatchObject({ status: 'done', inserted: 2 });
    expect((await runImport(t, yi, 'employers', good)).job).toMatchObject({ status: 'done', inserted: 0, unchanged: 2 });
    const gaps = (await yi.get('/api/employers?coverage=gap')).body.items.map((e: { name: string }) => e.name);
    expect(gaps).toEqual(['乙一公司']);
  });
});

describe('the register on the ledger kit', () => {
  it('exports the one column list with codes as labels, and the template from the same list', async () => {
    const xl = await readXlsxRows((await admin.get('/api/employers/export.xlsx')).raw.rawPayload);
    expect(xl[0]).toEqual(['单位名称', '统一社会信用代码', '所属街道工会', '行政区划代码', '行业门类', '单位类别', '职工人数', '女职工人数', '是否小微企业', '覆盖工会', '覆盖起始日期', '是否建会空白点', '建会进度', '进展说明', '联系人', '联系电话', '地址']);
    const template = await readXlsxRows((await admin.get('/api/imports/employers/template.xlsx')).raw.rawPayload);
    expect(template[0]).toEqual(HEADER);
    // The export is audited like every other (sendXlsx).
    const audit = (await admin.get('/api/audit?action=data.export')).body.items as { summary: string }[];
    expect(audit.some((a) => a.summary.startsWith('导出「用人单位」'))).toBe(true);
  });

  it('opens a drill-down row in its ledger, and searches the drill-down', async () => {
    const r = await admin.get(`/api/indicators/employer.total_25/records?orgId=${id.root}&period=${new Date().getFullYear()}`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    for (const item of r.body.items) expect(item.ref).toEqual({ ledger: 'employers', id: item.id, href: `/employers?open=${item.id}` });
    const one = r.body.items[0];
    const searched = await admin.get(`/api/indicators/employer.total_25/records?orgId=${id.root}&period=${new Date().getFullYear()}&q=${encodeURIComponent(one.title)}`);
    expect(searched.body.items.map((i: { title: string }) => i.title)).toEqual(r.body.items.filter((i: { title: string }) => i.title.includes(one.title)).map((i: { title: string }) => i.title));
    const none = await admin.get(`/api/indicators/employer.total_25/records?orgId=${id.root}&period=${new Date().getFullYear()}&q=${encodeURIComponent('没有这样的单位%')}`);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    // A figure whose records are no ledger's rows links nowhere.
    const orgs = await admin.get(`/api/indicators/org.grassroots_total/records?orgId=${id.root}&period=2024`);
    expect(orgs.body.items[0].ref).toBeNull();
  });
});

describe('committee terms and elections', () => {
  it('validates terms and lists unions due, overdue and unregistered', async () => {
    t.clock.now = new Date('2025-06-01T04:00:00Z');
    const bad = await admin.post(`/api/unions/${id.a1}/terms`, { electedOn: '2021-01-01', termYears: 4, chairName: '甲', chairFullTime: false });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('3 年或 5 年');
    const even = await admin.post(`/api/unions/${id.a1}/terms`, { electedOn: '2021-01-01', termYears: 5, chairName: '甲主席', chairFullTime: true, viceChairs: ['乙'], committeeMembers: ['丙', '丁'] });
    expect(even.body.code).toBe('UNION.COMMITTEE_SIZE');
    expect((await admin.post(`/api/unions/${id.a1}/terms`, { electedOn: '2020-07-01', termYears: 5, chairName: '甲主席', chairFullTime: true })).status).toBe(200);
    expect((await admin.post(`/api/unions/${id.a2}/terms`, { electedOn: '2020-05-01', termYears: 5, chairName: '乙主席', chairFullTime: false })).status).toBe(200);
    expect((await admin.post(`/api/unions/${id.b1}/terms`, { electedOn: '2024-05-01', termYears: 3, chairName: '丙主席', chairFullTime: false })).status).toBe(200);
    const due = (await admin.get('/api/unions/elections?status=due&within=60')).body.items;
    expect(due.map((r: { orgId: number; daysLeft: number }) => [r.orgId, r.daysLeft])).toEqual([[id.a1, 30]]);
    const overdue = (await admin.get('/api/unions/elections?status=overdue')).body.items;
    expect(overdue.map((r: { orgId: number }) => r.orgId)).toEqual([id.a2]);
    const summary = (await yi.get('/api/unions/elections/summary')).body;
    expect(summary).toMatchObject({ due: 0, overdue: 0 });
    expect((await yi.get(`/api/unions/${id.a1}/terms`)).status).toBe(404);
    const terms = (await admin.get(`/api/unions/${id.a1}/terms`)).body;
    expect(terms[0]).toMatchObject({ endsOn: '2025-07-01', current: true });
  });
});
