import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');
const EXE = Buffer.from('4d5a90000300000004000000ffff0000', 'hex');
const OCTET = 'application/octet-stream';

let t: TestApp;
let admin: TestClient;
let jinxiu: TestClient;
let songling: TestClient;
let union: TestClient;
let hengda: { id: number; name: string };
const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestApp({ demoMembers: 50 });
  [admin, jinxiu, songling, union] = (await Promise.all(['admin', 'jinxiu', 'songling', 'union'].map((u) => t.as(u)))) as [TestClient, TestClient, TestClient, TestClient];
  const me = await union.get('/api/auth/me');
  hengda = { id: me.body.account.orgId, name: me.body.account.orgName };
});
afterAll(() => t.close());

const upload = (c: TestClient, id: number, itemId: number, name: string, body: Buffer) =>
  c.upload(`/api/standards/assessments/${id}/items/${itemId}/evidence?fileName=${encodeURIComponent(name)}`, body, OCTET);

describe('checklists', () => {
  it('lists the demo standards with their items and grade lines', async () => {
    const r = await union.get('/api/standards/checklists');
    expect(r.status).toBe(200);
    const liuyou = r.body.find((c: { series: string }) => c.series === 'liuyou');
    expect(liuyou).toMatchObject({ status: 'published', version: 1, totalScore: 100 });
    expect(liuyou.items.map((i: { title: string }) => i.title)).toContain('有依法选举的工会主席');
    expect(liuyou.gradeBands.at(-1)).toEqual({ label: '达标', minScore: 60 });
  });

  it('versions: a published standard cannot be edited; a new version is a draft copy; publishing retires the old one', async () => {
    const input = {
      name: '测试标准',
      effectiveFrom: '2026-01-01',
      gradeBands: [{ label: '合格', minScore: 6 }],
      items: [
        { title: '有工会主席', maxScore: 5 },
        { title: '有工会经费', maxScore: 5 },
      ],
    };
    const bad = await admin.post('/api/standards/checklists', { ...input, gradeBands: [{ label: '优秀', minScore: 11 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('等级「优秀」的最低分 11 超过了总分 10');
    const noItems = await admin.post('/api/standards/checklists', { ...input, items: [] });
    expect(noItems.status).toBe(400);
    expect(noItems.body.message).toContain('至少设置一个检查项目');

    const v1 = (await admin.post('/api/standards/checklists', input)).body;
    expect(v1).toMatchObject({ status: 'draft', version: 1, totalScore: 10 });
    const edited = await admin.request('PUT', `/api/standards/checklists/${v1.id}`, { ...input, items: [...input.items, { title: '有活动阵地', maxScore: 10 }] });
    expect(edited.body.totalScore).toBe(20);
    expect((await admin.post(`/api/standards/checklists/${v1.id}/publish`)).body.status).toBe('published');
    const locked = await admin.request('PUT', `/api/standards/checklists/${v1.id}`, input);
    expect(locked.status).toBe(409);
    expect(locked.body.message).toContain('已发布的检查标准不能修改');

    const v2 = (await admin.post(`/api/standards/checklists/${v1.id}/versions`)).body;
    expect(v2).toMatchObject({ series: v1.series, version: 2, status: 'draft', totalScore: 20 });
    // Asking again returns the open draft rather than a third version.
    expect((await admin.post(`/api/standards/checklists/${v1.id}/versions`)).body.id).toBe(v2.id);
    await admin.post(`/api/standards/checklists/${v2.id}/publish`);
    const all = (await admin.get('/api/standards/checklists')).body.filter((c: { series: string }) => c.series === v1.series);
    expect(all.map((c: { version: number; status: string }) => `${c.version}:${c.status}`)).toEqual(['2:published', '1:retired']);

    const v3 = (await admin.post(`/api/standards/checklists/${v2.id}/versions`)).body;
    expect((await admin.request('DELETE', `/api/standards/checklists/${v3.id}`)).status).toBe(200);
    expect((await admin.request('DELETE', `/api/standards/checklists/${v2.id}`)).status).toBe(409);
  });

  it('only the district maintains standards', async () => {
    const body = { name: '越权标准', effectiveFrom: '2026-01-01', gradeBands: [{ label: '合格', minScore: 1 }], items: [{ title: '某项', maxScore: 1 }] };
    const draft = (await admin.post('/api/standards/checklists', { ...body, name: '区总草稿' })).body;
    const requests: [string, string, unknown?][] = [
      ['POST', '/api/standards/checklists', body],
      ['PUT', `/api/standards/checklists/${draft.id}`, body],
      ['POST', `/api/standards/checklists/${draft.id}/versions`],
      ['POST', `/api/standards/checklists/${draft.id}/publish`],
      ['DELETE', `/api/standards/checklists/${draft.id}`],
    ];
    for (const c of [jinxiu, union]) for (const [method, url, payload] of requests) expect((await c.request(method, url, payload)).status).toBe(403);
    expect((await admin.get(`/api/standards/checklists/${draft.id}`)).body).toMatchObject({ name: '区总草稿', status: 'draft' });
  });
});

describe('self-assessment and review', () => {
  let id: number;
  let items: { id: number; title: string; maxScore: number }[];

  it('the union starts its yearly self-assessment against the current version', async () => {
    const before = (await union.get(`/api/standards/assessments?year=${year}`)).body;
    expect(before.items).toEqual([expect.objectContaining({ orgId: hengda.id, status: 'not_started', statusLabel: '未自评' })]);
    const future = await union.post('/api/standards/assessments', { orgId: hengda.id, year: year + 1, series: 'liuyou' });
    expect(future.body.message).toBe('年度不能晚于今年');
    const r = await union.post('/api/standards/assessments', { orgId: hengda.id, year, series: 'liuyou' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'draft', statusLabel: '自评中', checklistVersion: 1, totalScore: 100, selfTotal: 0, canEdit: true, canReview: false });
    id = r.body.id;
    items = r.body.items;
    // Starting again returns the same record.
    expect((await union.post('/api/standards/assessments', { orgId: hengda.id, year, series: 'liuyou' })).body.id).toBe(id);
  });

  it('scores are checked against each item, naming it', async () => {
    const over = await union.request('PUT', `/api/standards/assessments/${id}/self`, { scores: [{ itemId: items[0]!.id, score: items[0]!.maxScore + 1 }] });
    expect(over.status).toBe(400);
    expect(over.body.message).toBe(`「${items[0]!.title}」得分不能超过 ${items[0]!.maxScore} 分`);
    const r = await union.request('PUT', `/api/standards/assessments/${id}/self`, { scores: items.slice(0, 5).map((i) => ({ itemId: i.id, score: i.maxScore - 1, note: '已落实' })) });
    expect(r.body.selfTotal).toBe(items.slice(0, 5).reduce((n, i) => n + i.maxScore - 1, 0));
    const incomplete = await union.post(`/api/standards/assessments/${id}/submit`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toBe(`还有 1 个检查项目没有打分：「${items[5]!.title}」`);
    await union.request('PUT', `/api/standards/assessments/${id}/self`, { scores: [{ itemId: items[5]!.id, score: 0 }] });
    const bare = await union.post(`/api/standards/assessments/${id}/submit`);
    expect(bare.body.message).toContain('得分的项目须上传佐证材料，还缺：');
    expect(bare.body.message).toContain(items[0]!.title);
    expect(bare.body.message).not.toContain(items[5]!.title);
  });

  it('evidence: PDF and images by their bytes; a renamed program, an empty or oversized file is refused', async () => {
    const exe = await upload(union, id, items[0]!.id, '选举批复.pdf', EXE);
    expect(exe.status).toBe(415);
    expect(exe.body.message).toContain('只能上传 PDF、图片');
    expect((await upload(union, id, items[0]!.id, 'tool.exe', EXE)).status).toBe(415);
    // An HTML page carrying a PDF header further in is not a PDF: the header must open the file.
    const polyglot = Buffer.concat([Buffer.from('<html><script>alert(1)</script></html>\n', 'latin1'), PDF]);
    expect((await upload(union, id, items[0]!.id, '伪装.pdf', polyglot)).status).toBe(415);
    expect((await upload(union, id, items[0]!.id, '空.pdf', Buffer.alloc(0))).body.message).toBe('文件为空，请重新选择');
    const big = Buffer.concat([PDF, Buffer.alloc(t.config.attachmentMaxMb * 1024 * 1024)]);
    const tooBig = await upload(union, id, items[0]!.id, '大.pdf', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.message).toBe(`文件过大：不能超过 ${t.config.attachmentMaxMb} MB`);
    const wrongItem = await upload(union, id, 999999, '批复.pdf', PDF);
    expect(wrongItem.body.message).toBe('检查项目不属于这份标准');

    for (const [i, item] of items.slice(0, 5).entries()) {
      const r = await upload(union, id, item.id, i === 2 ? '../../活动照片.png' : `${item.title}.pdf`, i === 2 ? PNG : PDF);
      expect(r.status).toBe(200);
      if (i === 2) expect(r.body.name).toBe('活动照片.png');
    }
    const extra = (await upload(union, id, items[0]!.id, '多余的.pdf', PDF)).body;
    expect((await union.request('DELETE', `/api/standards/evidence/${extra.id}`)).status).toBe(200);
    const detail = (await union.get(`/api/standards/assessments/${id}`)).body;
    expect(detail.items[0].evidence).toHaveLength(1);
    const file = await union.get(`/api/standards/evidence/${detail.items[0].evidence[0].id}/file`);
    expect(file.status).toBe(200);
    expect(file.raw.headers['content-type']).toBe('application/pdf');
    expect(String(file.raw.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(file.raw.rawPayload.equals(PDF)).toBe(true);
  });

  it('a foreign street neither sees nor reviews it; the union cannot review itself', async () => {
    expect((await songling.get(`/api/standards/assessments/${id}`)).status).toBe(404);
    const detail = (await union.get(`/api/standards/assessments/${id}`)).body;
    expect((await songling.get(`/api/standards/evidence/${detail.items[0].evidence[0].id}/file`)).status).toBe(404);
    expect((await songling.post(`/api/standards/assessments/${id}/review`, { decision: 'return', opinion: '越权' })).status).toBe(404);
    expect((await union.post(`/api/standards/assessments/${id}/review`, { decision: 'return', opinion: '自审' })).status).toBe(403);
  });

  it('submit locks it; the parent street returns it with an opinion; the union fixes and resubmits', async () => {
    const sub = await union.post(`/api/standards/assessments/${id}/submit`);
    expect(sub.body).toMatchObject({ status: 'submitted', canEdit: false });
    const locked = await union.request('PUT', `/api/standards/assessments/${id}/self`, { scores: [{ itemId: items[0]!.id, score: 1 }] });
    expect(locked.body.message).toBe('自评已提交，不能再修改');
    expect((await upload(union, id, items[0]!.id, 'x.pdf', PDF)).status).toBe(409);

    const summary = (await jinxiu.get('/api/standards/summary')).body;
    expect(summary.awaitingMyReview).toBeGreaterThan(0);
    expect((await jinxiu.get(`/api/standards/assessments/${id}`)).body.canReview).toBe(true);
    const noOpinion = await jinxiu.post(`/api/standards/assessments/${id}/review`, { decision: 'return' });
    expect(noOpinion.body.message).toBe('退回时请填写审核意见，说明需要修改的地方');
    const ret = await jinxiu.post(`/api/standards/assessments/${id}/review`, { decision: 'return', opinion: '请补充经费审查报告' });
    expect(ret.body).toMatchObject({ status: 'returned', reviewOpinion: '请补充经费审查报告' });
    expect((await union.get(`/api/standards/assessments/${id}`)).body.canEdit).toBe(true);
    await union.request('PUT', `/api/standards/assessments/${id}/self`, { scores: [{ itemId: items[5]!.id, score: 18 }] });
    await upload(union, id, items[5]!.id, '会员评家测评表.pdf', PDF);
    expect((await union.post(`/api/standards/assessments/${id}/submit`)).body.status).toBe('submitted');
  });

  it('approval needs every item scored and computes the grade from the bands', async () => {
    const partial = await jinxiu.post(`/api/standards/assessments/${id}/review`, { decision: 'approve', scores: [{ itemId: items[0]!.id, score: 15 }] });
    expect(partial.status).toBe(400);
    expect(partial.body.message).toContain('审核通过前请为每个项目评定得分');
    // 15+20+15+15+15 - 5 + 18 - … : review scores chosen to land on 86 → 四星 (85–94).
    const scores = [15, 18, 14, 12, 12, 15].map((score, i) => ({ itemId: items[i]!.id, score }));
    const r = await jinxiu.post(`/api/standards/assessments/${id}/review`, { decision: 'approve', scores, opinion: '同意' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'reviewed', reviewTotal: 86, grade: '四星', passed: true, reviewerName: expect.stringContaining('jinxiu') });
    expect((await jinxiu.post(`/api/standards/assessments/${id}/review`, { decision: 'return', opinion: '再退' })).body.message).toBe('自评当前为“已审核”，不能退回（只有“待审核”的自评可以）');
  });

  it('lists progress for the street with counts and exports it', async () => {
    const r = (await jinxiu.get(`/api/standards/assessments?year=${year}&status=reviewed&q=${encodeURIComponent(hengda.name)}`)).body;
    expect(r.items).toEqual([expect.objectContaining({ orgName: hengda.name, grade: '四星', reviewTotal: 86 })]);
    expect(Object.values(r.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(40);
    const x = await jinxiu.get(`/api/standards/assessments/export.xlsx?year=${year}&q=${encodeURIComponent(hengda.name)}`);
    const rows = await readXlsxRows(x.raw.rawPayload);
    expect(rows[0]).toEqual(['工会名称', '上级工会', '状态', '自评得分', '审核得分', '等级', '是否达标', '提交时间', '审核时间']);
    expect(rows[1]!.slice(0, 7)).toEqual([hengda.name, '云溪区锦绣街道总工会', '已审核', '93', '86', '四星', '达标']);
  });

  it('a grade below the lowest band is 不达标', async () => {
    const other = (await jinxiu.get(`/api/standards/assessments?year=${year}&status=submitted&pageSize=1`)).body.items[0];
    const detail = (await jinxiu.get(`/api/standards/assessments/${other.assessmentId}`)).body;
    const r = await jinxiu.post(`/api/standards/assessments/${other.assessmentId}/review`, { decision: 'approve', scores: detail.items.map((i: { id: number }) => ({ itemId: i.id, score: 9 })) });
    expect(r.body).toMatchObject({ reviewTotal: 54, grade: '不达标', passed: false });
  });
});

describe('honours', () => {
  it('records, lists, exports and revokes an honour with a reason', async () => {
    const bad = await union.post('/api/standards/honours', { orgId: hengda.id, title: '', level: 'city', year, awardingBody: '' });
    expect(bad.status).toBe(400);
    const r = await union.post('/api/standards/honours', { orgId: hengda.id, title: '模范职工之家', level: 'city', year, awardingBody: '市总工会', docNo: '市工〔2026〕8号' });
    expect(r.status).toBe(200);
    const list = (await union.get(`/api/standards/honours?q=${encodeURIComponent('模范职工之家')}`)).body;
    expect(list.items[0]).toMatchObject({ orgName: hengda.name, levelLabel: '市级', year, revokedOn: null });
    expect((await songling.post(`/api/standards/honours/${r.body.id}/revoke`, { revokedOn: `${year}-06-30`, reason: '越权撤销' })).status).toBe(404);
    const noReason = await jinxiu.post(`/api/standards/honours/${r.body.id}/revoke`, { revokedOn: `${year}-06-30`, reason: '' });
    expect(noReason.body.message).toContain('撤销原因');
    expect((await jinxiu.post(`/api/standards/honours/${r.body.id}/revoke`, { revokedOn: `${year}-06-30`, reason: '复查未通过' })).status).toBe(200);
    expect((await jinxiu.post(`/api/standards/honours/${r.body.id}/revoke`, { revokedOn: `${year}-06-30`, reason: '复查未通过' })).body.message).toBe('该荣誉已撤销');
    const x = await union.get(`/api/standards/honours/export.xlsx?year=${year}`);
    const rows = await readXlsxRows(x.raw.rawPayload);
    expect(rows.find((row) => row[0] === hengda.name && row[1] === '模范职工之家')?.[7]).toBe('复查未通过');
  });
});

describe('review by a union that did not fill it in', () => {
  it('refuses the review to the street that filled in a union’s self-assessment; the district may review it', async () => {
    const open = (await jinxiu.get(`/api/standards/assessments?year=${year}&status=not_started&pageSize=100`)).body.items as { orgId: number }[];
    const target = open.find((o) => o.orgId !== hengda.id)!;
    const started = await jinxiu.post('/api/standards/assessments', { orgId: target.orgId, year, series: 'liuyou' });
    expect(started.status).toBe(200);
    const aid = started.body.id as number;
    const items = started.body.items as { id: number }[];
    expect((await jinxiu.request('PUT', `/api/standards/assessments/${aid}/self`, { scores: items.map((i) => ({ itemId: i.id, score: 0 })) })).status).toBe(200);
    expect((await jinxiu.post(`/api/standards/assessments/${aid}/submit`)).body.status).toBe('submitted');
    expect((await jinxiu.get(`/api/standards/assessments/${aid}`)).body.canReview).toBe(false);
    const scores = items.map((i) => ({ itemId: i.id, score: 0 }));
    const own = await jinxiu.post(`/api/standards/assessments/${aid}/review`, { decision: 'approve', scores, opinion: '同意' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'STANDARD.FILLER_REVIEW' });
    expect(own.body.message).toContain('不能再审核');
    expect((await admin.get(`/api/standards/assessments/${aid}`)).body.canReview).toBe(true);
    const byDistrict = await admin.post(`/api/standards/assessments/${aid}/review`, { decision: 'approve', scores, opinion: '同意' });
    expect(byDistrict.body).toMatchObject({ status: 'reviewed', reviewTotal: 0 });
  });
});
