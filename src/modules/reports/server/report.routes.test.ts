import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '@test/app';
import { smallDistrict } from '@test/fixtures/small-district';
import type { RenderedReport, RenderedToken } from '../shared/report.schema';

let t: TestApp;
let admin: TestClient;
let id: Record<string, number> = {};

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
});
afterAll(() => t.close());

const figures = (r: RenderedReport) =>
  r.sections.flatMap((s) => [...s.heading, ...s.paragraphs.flat()]).filter((x): x is Extract<RenderedToken, { type: 'figure' }> => x.type === 'figure');
const figure = (r: RenderedReport, name: string) => figures(r).find((f) => f.name === name);
const text = (r: RenderedReport) =>
  r.sections.flatMap((s) => [...s.heading, ...s.paragraphs.flat()]).map((x) => (x.type === 'text' ? x.text : (x.text ?? `〔缺：${x.name}〕`))).join('');

describe('annual report', () => {
  let reportId: number;

  it('generates the default report with live figures for the scope and period, and marks missing ones', async () => {
    const r = await admin.post('/api/reports', { orgId: id.root, period: '2024' });
    expect(r.status).toBe(200);
    reportId = r.body.report.id;
    expect(r.body.report).toMatchObject({ title: '某区总工会2024年领导班子述职述廉述学报告', status: 'draft', periodLabel: '2024年' });
    expect(r.body.source).toBe('live');
    expect(figure(r.body, '新建工会组织数')).toMatchObject({ code: 'org.grassroots_founded', value: 4, text: '4', lastYearValue: 1, missing: false });
    expect(figure(r.body, '基层工会组织数')).toMatchObject({ value: 6 });
    expect(figure(r.body, '职工技能培训人次')).toMatchObject({ missing: true, value: null, text: null });
    expect(r.body.missing).toContain('职工技能培训人次');
    expect(r.body.missing).not.toContain('新建工会组织数');
    expect(text(r.body)).toContain('在区委、区政府的正确领导下，某区总工会领导班子');
    expect(text(r.body)).toContain('新建工会组织4家');
  });

  it('refuses to finalise while a figure has no ledger behind it, naming them', async () => {
    const r = await admin.post(`/api/reports/${reportId}/finalise`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('REPORT.MISSING_FIGURES');
    expect(r.body.message).toContain('职工技能培训人次');
    // The draft itself says so beforehand, in the same words, so the 定稿 button can be disabled with the reason.
    const draft = (await admin.get(`/api/reports/${reportId}`)).body;
    expect(draft.finaliseBlockers).toEqual([r.body.message]);
  });

  it('flags the figures of a draft that compute to 0, for a look before finalising', async () => {
    const draft = (await admin.get(`/api/reports/${reportId}`)).body;
    const zeros = draft.sections.flatMap((s: { paragraphs: { type: string; name?: string; value?: number | null; missing?: boolean }[][] }) => s.paragraphs.flat()).filter((t: { type: string; value?: number | null; missing?: boolean }) => t.type === 'figure' && !t.missing && t.value === 0).map((t: { name?: string }) => t.name);
    expect(draft.zeroFigures).toEqual([...new Set(zeros)]);
    expect(draft.zeroFigures).not.toContain('新建工会组织数');
  });

  it('edits the draft text; validation names the field', async () => {
    const bad = await admin.patch(`/api/reports/${reportId}`, { sections: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('报告至少要有一节');
    const r = await admin.patch(`/api/reports/${reportId}`, {
      sections: [
        { heading: '一、组织建设', paragraphs: ['{统计期}，{组织名称}新建工会组织{新建工会组织数}家，期末共有基层工会组织{基层工会组织数}家，其中联合工会{联合工会数}家。'] },
      ],
    });
    expect(r.status).toBe(200);
    expect(text(r.body)).toBe('一、组织建设2024年，某区总工会新建工会组织4家，期末共有基层工会组织6家，其中联合工会1家。');
    expect(r.body.missing).toEqual([]);
    expect(r.body.finaliseBlockers).toEqual([]);
  });

  it('finalises into an immutable snapshot that later ledger changes never alter', async () => {
    const f = await admin.post(`/api/reports/${reportId}/finalise`);
    expect(f.status).toBe(200);
    expect(f.body.report.status).toBe('final');
    expect(f.body.source).toBe('snapshot');
    // A union founded in 2024 is recorded afterwards.
    await admin.post('/api/orgs', { parentId: id['乙街道'], name: '补录工会', kind: 'enterprise', openedOn: '2024-08-08' });
    const after = await admin.get(`/api/reports/${reportId}`);
    expect(figure(after.body, '新建工会组织数')!.value).toBe(4);
    const live = await admin.get(`/api/indicators/values?orgId=${id.root}&period=2024&codes=org.grassroots_founded`);
    expect(live.body.values[0].value).toBe(5);
    // Neither the API nor the database lets it change.
    const edit = await admin.patch(`/api/reports/${reportId}`, { title: '改标题' });
    expect(edit.body.code).toBe('REPORT.FINAL');
    await expect(t.database.db.execute(sql`update reports set title = 'x' where id = ${reportId}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from reports where id = ${reportId}`)).rejects.toThrow();
  });

  it('starts a new draft from the finalised report, with live figures', async () => {
    const c = await admin.post(`/api/reports/${reportId}/copy`);
    expect(c.body.report).toMatchObject({ status: 'draft', basedOnReportId: reportId });
    expect(figure(c.body, '新建工会组织数')!.value).toBe(5);
  });

  it('exports Word in official-document style with the figures shown on screen', async () => {
    const r = await admin.get(`/api/reports/${reportId}/export.docx`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(r.raw.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('某区总工会2024年领导班子述职述廉述学报告');
    expect(xml).toContain('新建工会组织4家，期末共有基层工会组织6家，其中联合工会1家。');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toContain('w:sz w:val="32"');
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f));
    expect(await zip.file(footer!)!.async('string')).toContain('PAGE');
  });

  it('lets a street union report on its own subtree only', async () => {
    const yi = await t.as('yijd', 'Yi#street2027');
    expect((await yi.get(`/api/reports/${reportId}`)).status).toBe(404);
    expect((await yi.post('/api/reports', { orgId: id.root, period: '2024' })).status).toBe(404);
    const own = await yi.post('/api/reports', { orgId: id['乙街道'], period: '2024' });
    expect(figure(own.body, '新建工会组织数')!.value).toBe(2); // b1 and 补录工会
    const list = await yi.get('/api/reports');
    expect(list.body.items.map((x: { orgName: string }) => x.orgName)).toEqual(['乙街道工会']);
    const districtList = await admin.get('/api/reports');
    expect(districtList.body.total).toBe(3);
  });

  it('exports PDF through LibreOffice where it is installed (the test command installs it), else refuses with a clear message', async () => {
    const caps = await admin.get('/api/reports/capabilities');
    const r = await admin.get(`/api/reports/${reportId}/export.pdf`);
    if (caps.body.pdf) {
      expect(r.status).toBe(200);
      expect(r.raw.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    } else {
      expect(r.status).toBe(501);
      expect(r.body.message).toContain('LibreOffice');
    }
  });
});
