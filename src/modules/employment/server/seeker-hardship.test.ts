import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { factories } from '@test/factories';

let t: TestApp;
let admin: TestClient;
let streetB: TestClient;
let filed: { id: number; idNumber: string; orgB: number; caseNo: string };

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const f = await factories(t);
  const a = await f.street({ unions: 1, name: '甲街道总工会' });
  const b = await f.street({ unions: 0, name: '乙街道总工会' });
  const member = await f.member({ org: a.unions[0]! });
  const c = await f.case({ org: a.unions[0]!, memberId: member.memberId, status: 'assisted' });
  streetB = await (await f.account({ org: b.street, role: 'intermediate_admin' })).login();
  admin = f.kit.admin; // signed in again by the factories after they moved the clock
  filed = { id: c.id, idNumber: member.idNumber, orgB: b.street.id, caseNo: (await admin.get(`/api/hardship/cases/${c.id}`)).body.caseNo };
}, 300_000);
afterAll(() => t?.close());

describe('就业援助 linked to the hardship file', () => {
  it('shows the file of a person on file to those who may see it, and not to a street outside the file’s scope', async () => {
    const service = { personName: '困难职工', idNumber: filed.idNumber, category: 'hardship', service: 'referral', servedOn: '2024-05-01', outcome: 'following' };
    const byDistrict = await admin.post('/api/employment/seekers', { ...service, orgId: filed.orgB });
    expect(byDistrict.body.hardshipFile).toEqual({ id: filed.id, caseNo: filed.caseNo, status: '帮扶中' });
    // 乙街道 served the same person, but the file is kept under 甲街道: 乙 sees the service, not the file.
    const byB = (await streetB.get(`/api/employment/seekers/${byDistrict.body.id}`)).body;
    expect(byB).toMatchObject({ personName: '困难职工', hardshipFile: null });
    expect(JSON.stringify(byB)).not.toContain(filed.caseNo);
    const other = await admin.post('/api/employment/seekers', { ...service, idNumber: '11010519491231002X', orgId: filed.orgB });
    expect(other.body.hardshipFile).toBeNull();
  });
});
