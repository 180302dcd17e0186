import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@platform/db';
import { missingAttachments, refuseMissingAttachments } from '@platform/ledger';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { factories, type BuiltOrg } from '@test/factories';
import { TERM_PAPERS } from '../shared/term-papers';

let t: TestApp;
let admin: TestClient;
let streetA: TestClient;
let streetB: TestClient;
let union: BuiltOrg;
let termId: number;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1');
const up = (c: TestClient, id: number, kind: string, name: string, body: Buffer) =>
  c.upload(`/api/unions/terms/${id}/attachments?kind=${kind}&fileName=${encodeURIComponent(name)}`, body, 'application/octet-stream');
const audits = async (action: string) =>
  queryRows<{ summary: string; entity_id: string; org_id: number }>(t.database.db, sql`select summary, entity_id, org_id from audit_events where action = ${action} order by id`);

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const f = await factories(t);
  admin = f.kit.admin;
  const a = await f.street({ unions: 1, name: '甲街道总工会' });
  const b = await f.street({ unions: 0, name: '乙街道总工会' });
  union = a.unions[0]!;
  streetA = await (await f.account({ org: a.street, role: 'intermediate_admin' })).login();
  streetB = await (await f.account({ org: b.street, role: 'intermediate_admin' })).login();
  const term = await admin.post(`/api/unions/${union.id}/terms`, { electedOn: '2024-03-01', termYears: 5, chairName: '王主席', chairFullTime: false });
  expect(term.status).toBe(200);
  termId = term.body.id;
}, 300_000);
afterAll(() => t?.close());

describe('选举材料 (record attachments on the ledger kit)', () => {
  let reportId: number;

  it('starts empty, listing the papers still missing', async () => {
    const r = await streetA.get(`/api/unions/terms/${termId}/attachments`);
    expect(r.body).toEqual({ items: [], missing: [{ kind: 'result_report', label: '选举结果报告' }, { kind: 'approval', label: '批复文件' }], maxFiles: 20, maxMb: 20, sealed: false });
  });

  it('uploads a paper with its audit row, and refuses a wrong kind (400 naming 材料类别) and a wrong file (415)', async () => {
    expect((await t.client().post(`/api/unions/terms/${termId}/attachments?kind=approval&fileName=a.pdf`)).status).toBe(401);
    const badKind = await up(streetA, termId, 'minutes', '会议记录.pdf', PDF);
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toContain('材料类别');
    const badFile = await up(streetA, termId, 'approval', '批复.pdf', EXE);
    expect(badFile.status).toBe(415);
    expect(badFile.body.message).toContain('只能上传 PDF');
    const renamed = await up(streetA, termId, 'approval', '批复.exe', EXE);
    expect(renamed.status).toBe(415);
    const ok = await up(streetA, termId, 'result_report', '../../选举结果报告.pdf', PDF);
    expect(ok.status).toBe(200);
    expect(ok.body.items).toMatchObject([{ kind: 'result_report', kindLabel: '选举结果报告', name: '选举结果报告.pdf', mime: 'application/pdf', size: PDF.length }]);
    expect(ok.body.items[0].uploadedBy).toBeTruthy();
    expect(ok.body.missing).toEqual([{ kind: 'approval', label: '批复文件' }]);
    reportId = ok.body.items[0].id;
    const rows = await audits('attachment.upload');
    expect(rows).toEqual([{ summary: `“${union.name}”2024-03-01 换届：上传选举结果报告“选举结果报告.pdf”`, entity_id: String(termId), org_id: union.id }]);
  });

  it('answers 404 for a record outside the scope, and for a paper of another record', async () => {
    expect((await streetB.get(`/api/unions/terms/${termId}/attachments`)).status).toBe(404);
    expect((await up(streetB, termId, 'approval', '批复.pdf', PDF)).status).toBe(404);
    expect((await streetB.get(`/api/unions/terms/${termId}/attachments/${reportId}`)).status).toBe(404);
    expect((await streetB.request('DELETE', `/api/unions/terms/${termId}/attachments/${reportId}`)).status).toBe(404);
    expect((await streetA.get(`/api/unions/terms/999999/attachments`)).status).toBe(404);
    const other = (await admin.post(`/api/unions/${union.id}/terms`, { electedOn: '2019-03-01', termYears: 5, chairName: '李主席', chairFullTime: false })).body.id;
    expect((await streetA.get(`/api/unions/terms/${other}/attachments/${reportId}`)).status).toBe(404);
    expect((await audits('attachment.upload')).length).toBe(1);
  });

  it('downloads a paper as an attachment, audited', async () => {
    const r = await streetA.get(`/api/unions/terms/${termId}/attachments/${reportId}`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-disposition']).toContain('attachment');
    expect(r.raw.rawPayload.equals(PDF)).toBe(true);
    expect((await audits('attachment.download')).map((a) => a.summary)).toEqual([`“${union.name}”2024-03-01 换届：下载选举结果报告“选举结果报告.pdf”`]);
  });

  it('tells a workflow guard what is missing, in Chinese', async () => {
    const db = t.database.db;
    expect(await missingAttachments(db, TERM_PAPERS, termId, 'filed')).toEqual([{ kind: 'approval', label: '批复文件' }]);
    await expect(refuseMissingAttachments(db, TERM_PAPERS, termId, 'filed', '标记报备完成')).rejects.toMatchObject({ code: 'ATTACHMENT.MISSING', status: 409, message: '尚缺材料：批复文件，不能标记报备完成' });
    expect((await up(streetA, termId, 'approval', '批复.pdf', PDF)).body.missing).toEqual([]);
    await expect(refuseMissingAttachments(db, TERM_PAPERS, termId, 'filed', '标记报备完成')).resolves.toBeUndefined();
    expect(await missingAttachments(db, TERM_PAPERS, termId, 'no-such-step')).toEqual([]);
  });

  it('deletes a paper and its bytes, audited', async () => {
    const before = (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from stored_files`))[0]!.n;
    const r = await streetA.request('DELETE', `/api/unions/terms/${termId}/attachments/${reportId}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { kind: string }) => i.kind)).toEqual(['approval']);
    expect(r.body.missing).toEqual([{ kind: 'result_report', label: '选举结果报告' }]);
    expect((await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from stored_files`))[0]!.n).toBe(before - 1);
    expect((await audits('attachment.delete')).map((a) => a.summary)).toEqual([`“${union.name}”2024-03-01 换届：删除选举结果报告“选举结果报告.pdf”`]);
    expect((await streetA.request('DELETE', `/api/unions/terms/${termId}/attachments/${reportId}`)).status).toBe(404);
  });
});
