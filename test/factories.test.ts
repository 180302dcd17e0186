/**
 * The factories (test/factories) on an empty database: each makes a record through the API that a user of the
 * right role could then find, and a case walks to the status asked for through the declared lifecycle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { factories, type Factories } from './factories';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  f = await factories(t);
});
afterAll(() => t?.close());

describe('factories on an empty database', () => {
  it('sets the platform up and builds a street with its unions under the federation', async () => {
    expect(f.kit.root.name).toBe('测试区总工会');
    const { street, unions } = await f.street({ unions: 2 });
    expect(street).toMatchObject({ kind: 'street', parentId: f.kit.root.id });
    expect(unions.map((u) => u.parentId)).toEqual([street.id, street.id]);
  });

  it('builds an account that signs in with the scope of its organisation', async () => {
    const { street, unions } = await f.street({ unions: 1 });
    const other = await f.street({ unions: 1 });
    const account = await f.account({ org: street, role: 'intermediate_admin' });
    const c = await account.login();
    expect((await c.get(`/api/orgs/${unions[0]!.id}`)).status).toBe(200);
    expect((await c.get(`/api/orgs/${other.unions[0]!.id}`)).status).toBe(404);
  });

  it('builds a member and an employer the district then lists', async () => {
    const { street, unions } = await f.street({ unions: 1 });
    const member = await f.member({ org: unions[0]!, name: '工厂会员' });
    const list = await f.kit.admin.get(`/api/members?q=${encodeURIComponent('工厂会员')}`);
    expect(list.body.items.map((m: { memberId: number }) => m.memberId)).toEqual([member.memberId]);
    const employer = await f.employer({ org: street });
    expect((await f.kit.admin.get(`/api/employers/${employer.id}`)).body).toMatchObject({ name: employer.name, uscc: employer.uscc });
  });

  it('walks a hardship case to the status asked for', async () => {
    const { unions } = await f.street({ unions: 1 });
    expect((await f.case({ org: unions[0]! })).status).toBe('applied');
    expect((await f.case({ org: unions[0]!, status: 'rejected' })).status).toBe('rejected');
    expect((await f.case({ org: unions[0]!, status: 'notice' })).status).toBe('notice');
    const filed = await f.case({ org: unions[0]!, status: 'assisted' });
    expect(filed).toMatchObject({ status: 'assisted', category: 'deep' });
    const read = await f.kit.admin.get(`/api/hardship/cases/${filed.id}`);
    expect(read.body.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['first_review', 'record_visit', 'start_notice', 'end_notice', 'file']));
  });
});
