/**
 * Closing a union with members in it (issue #13 §3): the close is refused, naming how many; every open membership
 * is first transferred to another union or ended with a reason (one audited step), then the close goes through.
 * On the small district: a1 has 2 members (joined 2024-01-01 and 2024-02-01), a3 has 1 (2024-07-01).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let id: Record<string, number> = {};

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  t.clock.now = new Date('2025-06-01T04:00:00Z');
  const mem = async (name: string, org: string, joinedOn: string) => {
    const r = await admin.post('/api/members', { name, idNumber: fakeIdNumber('19900101'), orgId: id[org], joinedOn });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  await mem('转会一', 'a1', '2024-01-01');
  await mem('转会二', 'a1', '2024-02-01');
  await mem('退会一', 'a3', '2024-07-01');
});
afterAll(() => t.close());

const close = (org: string, closedOn: string) => admin.post(`/api/orgs/${id[org]}/close`, { closedOn, reason: '企业注销' });
const openIn = async (org: string) => (await admin.get(`/api/memberships/open?orgId=${id[org]}`)).body.open as number;

describe('closing a union with open memberships', () => {
  it('is refused, naming how many members are still in it', async () => {
    const r = await close('a1', '2025-05-01');
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('ORG.HAS_OPEN_MEMBERSHIPS');
    expect(r.body.message).toContain('还有 2 名会员');
    expect((await admin.get(`/api/orgs/${id.a1}`)).body.closedOn).toBeNull();
    expect(await admin.get(`/api/memberships/open?orgId=${id.a1}`)).toMatchObject({ status: 200, body: { open: 2, latestJoinedOn: '2024-02-01' } });
  });

  it('guards the bulk routes: 401, out of scope 404, bad input 400, dates', async () => {
    expect((await t.client().post('/api/memberships/transfer-all', { fromOrgId: id.a1, toOrgId: id.a2, transferredOn: '2025-05-01' })).status).toBe(401);
    const yi = await t.as('yijd', 'Yi#street2027');
    expect((await yi.post('/api/memberships/transfer-all', { fromOrgId: id.a1, toOrgId: id.b1, transferredOn: '2025-05-01' })).status).toBe(404);
    expect((await yi.post('/api/memberships/end-all', { orgId: id.a1, leftOn: '2025-05-01', reason: 'org_closed' })).status).toBe(404);
    expect((await yi.get(`/api/memberships/open?orgId=${id.a1}`)).status).toBe(404);
    const bad = await admin.post('/api/memberships/end-all', { orgId: id.a1, leftOn: '2025-05-01', reason: 'whim' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('退会原因');
    expect((await admin.post('/api/memberships/transfer-all', { fromOrgId: id.a1, toOrgId: id.a1, transferredOn: '2025-05-01' })).body.code).toBe('MEMBER.SAME_ORG');
    // A closed union is no target.
    expect((await admin.post('/api/memberships/transfer-all', { fromOrgId: id.a1, toOrgId: id.a6, transferredOn: '2025-05-01' })).status).toBe(404);
    const early = await admin.post('/api/memberships/transfer-all', { fromOrgId: id.a1, toOrgId: id.a2, transferredOn: '2024-01-15' });
    expect(early.status).toBe(400);
    expect(early.body.message).toContain('最晚为 2024-02-01');
    expect((await admin.post('/api/memberships/transfer-all', { fromOrgId: id.a1, toOrgId: id.a2, transferredOn: '2025-07-01' })).body.code).toBe('MEMBER.FUTURE_DATE');
    expect(await openIn('a1')).toBe(2);
  });

  it('transfers every member to another union in one audited step, then the union closes', async () => {
    const r = await admin.post('/api/memberships/transfer-all', { fromOrgId: id.a1, toOrgId: id.a2, transferredOn: '2025-05-01', remark: '企业合并' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ count: 2 });
    expect(await openIn('a1')).toBe(0);
    expect(await openIn('a2')).toBe(2);
    const moved = (await admin.get(`/api/members?underId=${id.a2}`)).body.items.map((m: { name: string; channel?: string }) => m.name).sort();
    expect(moved).toEqual(['转会一', '转会二']);
    expect((await admin.get(`/api/members?underId=${id.a1}&status=left`)).body.items.map((m: { leaveReasonLabel: string }) => m.leaveReasonLabel)).toEqual(['转出', '转出']);
    const audit = (await admin.get('/api/audit?action=member.transfer_all')).body.items;
    expect(audit[0].summary).toBe('“a1工会”的 2 名会员整体转入“a2工会”（2025-05-01）；备注：企业合并');
    // Members are transferred out on 2025-05-01: the union cannot close a day earlier, while they were still in it.
    expect((await close('a1', '2025-04-30')).body.code).toBe('ORG.HAS_OPEN_MEMBERSHIPS');
    expect((await close('a1', '2025-05-01')).status).toBe(200);
    // Still the same people at the end of May: moved, not new (转会不算新发展).
    const v = (await admin.get(`/api/indicators/values?orgId=${id['甲街道']}&period=202505&codes=member.total,member.joined`)).body.values;
    expect(Object.fromEntries(v.map((x: { code: string; value: number }) => [x.code, x.value]))).toEqual({ 'member.total': 3, 'member.joined': 0 });
  });

  it('ends every membership with a reason in one audited step, then the union closes', async () => {
    expect((await close('a3', '2025-05-01')).body.message).toContain('还有 1 名会员');
    const r = await admin.post('/api/memberships/end-all', { orgId: id.a3, leftOn: '2025-05-01', reason: 'org_closed', remark: '联合工会解散' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ count: 1 });
    expect(await openIn('a3')).toBe(0);
    const audit = (await admin.get('/api/audit?action=member.leave_all')).body.items;
    expect(audit[0].summary).toBe('“a3工会”的 1 名会员整体退会（所在工会撤销，2025-05-01）；备注：联合工会解散');
    const left = (await admin.get(`/api/members?underId=${id.a3}&status=left`)).body.items;
    expect(left).toMatchObject([{ name: '退会一', leaveReasonLabel: '所在工会撤销' }]);
    expect((await close('a3', '2025-05-01')).status).toBe(200);
  });
});
