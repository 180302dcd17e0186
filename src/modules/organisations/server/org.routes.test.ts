import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '@platform/excel';
import { createTestApp, type TestApp, type TestClient } from '@test/app';

let t: TestApp;
let admin: TestClient;
const ids: Record<string, number> = {};

async function idOf(c: TestClient, name: string): Promise<number> {
  const r = await c.get(`/api/orgs?q=${encodeURIComponent(name)}&status=all`);
  const hit = r.body.items.find((o: { name: string }) => o.name === name);
  if (!hit) throw new Error(`no org ${name}`);
  return hit.id;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  for (const n of ['云溪区总工会', '云溪区锦绣街道总工会', '云溪区松岭街道总工会', '云溪恒达物流有限公司工会委员会', '云溪区教育系统工会']) {
    ids[n] = await idOf(admin, n);
  }
});
afterAll(() => t.close());

describe('route ladder: GET /api/orgs/:id', () => {
  it('401 without a session', async () => {
    expect((await t.client().get(`/api/orgs/${ids['云溪区锦绣街道总工会']}`)).status).toBe(401);
  });
  it('403 for a role without org.read (member)', async () => {
    const r = await (await t.as('member')).get(`/api/orgs/${ids['云溪区锦绣街道总工会']}`);
    expect(r.status).toBe(403);
  });
  it('404 for an organisation outside the scope', async () => {
    const r = await (await t.as('jinxiu')).get(`/api/orgs/${ids['云溪区松岭街道总工会']}`);
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('ORG.NOT_FOUND');
  });
  it('400 for a malformed id', async () => {
    expect((await admin.get('/api/orgs/abc')).status).toBe(400);
  });
  it('200 inside the scope', async () => {
    const r = await (await t.as('jinxiu')).get(`/api/orgs/${ids['云溪恒达物流有限公司工会委员会']}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: '云溪恒达物流有限公司工会委员会', kind: 'enterprise', tier: 'grassroots', level: 3 });
  });
});

describe('list, search, tree', () => {
  it('pages and counts the whole demo tree for the district', async () => {
    const r = await admin.get('/api/orgs?pageSize=10&page=2');
    expect(r.body.items).toHaveLength(10);
    expect(r.body.total).toBeGreaterThan(280);
    expect(r.body.page).toBe(2);
  });
  it('searches by name and by code, within the scope only', async () => {
    const jinxiu = await t.as('jinxiu');
    const byName = await jinxiu.get(`/api/orgs?q=${encodeURIComponent('社区联合工会')}`);
    expect(byName.body.total).toBe(6);
    expect(byName.body.items.every((o: { name: string }) => o.name.startsWith('锦绣'))).toBe(true);
    const byCode = await admin.get('/api/orgs?q=320199002');
    expect(byCode.body.items.every((o: { code: string }) => o.code.startsWith('320199002'))).toBe(true);
    expect(byCode.body.total).toBeGreaterThan(60);
  });
  it('filters by tier and subtree', async () => {
    const r = await admin.get(`/api/orgs?tier=grassroots&underId=${ids['云溪区教育系统工会']}&pageSize=100`);
    expect(r.body.total).toBe(18);
  });
  it('shows the scope root first, then children on demand', async () => {
    const jinxiu = await t.as('jinxiu');
    const roots = await jinxiu.get('/api/orgs/tree');
    expect(roots.body).toEqual([expect.objectContaining({ name: '云溪区锦绣街道总工会', childCount: 64 })]);
    const kids = await jinxiu.get(`/api/orgs/tree?parentId=${roots.body[0].id}`);
    expect(kids.body).toHaveLength(64);
    expect((await jinxiu.get(`/api/orgs/tree?parentId=${ids['云溪区松岭街道总工会']}`)).status).toBe(404);
  });
});

describe('create, edit, move, close', () => {
  it('creates a grassroots union with a generated code and audits it', async () => {
    const jinxiu = await t.as('jinxiu');
    const r = await jinxiu.post('/api/orgs', {
      parentId: ids['云溪区锦绣街道总工会'],
      name: '云溪新星科技有限公司工会委员会',
      kind: 'enterprise',
      openedOn: '2026-03-01',
      contactName: '李红',
      contactPhone: '13900001111',
    });
    expect(r.status).toBe(200);
    expect(r.body.code).toMatch(/^320199001\d{3}$/);
    expect(r.body.contactPhone).toBe('13900001111');
    ids.new = r.body.id;
    const staffView = await (await t.as('staff')).get(`/api/orgs/${ids.new}`);
    expect(staffView.body.contactPhone).toBe('13900001111');
    const unionView = await admin.get(`/api/audit?action=org.create`);
    expect(unionView.body.items[0]).toMatchObject({ actionLabel: '新建组织', orgName: '云溪新星科技有限公司工会委员会' });
  });

  it('rejects bad input with Chinese messages naming the field', async () => {
    const r = await admin.post('/api/orgs', {
      parentId: ids['云溪区锦绣街道总工会'],
      name: 'x',
      kind: 'enterprise',
      divisionCode: '12',
      contactPhone: '123',
      openedOn: '2026-13-01',
    });
    expect(r.status).toBe(400);
    for (const label of ['组织名称', '行政区划代码', '联系电话', '成立日期']) expect(r.body.message).toContain(label);
  });

  it('refuses a grassroots union under a grassroots union, duplicates, future dates', async () => {
    const under = await admin.post('/api/orgs', { parentId: ids['云溪恒达物流有限公司工会委员会'], name: '某分会', kind: 'enterprise' });
    expect(under.body.code).toBe('ORG.INVALID_PARENT_KIND');
    const dup = await admin.post('/api/orgs', { parentId: ids['云溪区锦绣街道总工会'], name: '云溪新星科技有限公司工会委员会', kind: 'enterprise' });
    expect(dup.body.code).toBe('ORG.NAME_TAKEN');
    const code = await admin.post('/api/orgs', { parentId: ids['云溪区锦绣街道总工会'], name: '某某公司工会', kind: 'enterprise', code: '320199' });
    expect(code.body.code).toBe('ORG.CODE_TAKEN');
    const future = await admin.post('/api/orgs', { parentId: ids['云溪区锦绣街道总工会'], name: '未来公司工会', kind: 'enterprise', openedOn: '2999-01-01' });
    expect(future.body.code).toBe('ORG.FUTURE_DATE');
  });

  it('edits fields but not the tier', async () => {
    const r = await admin.patch(`/api/orgs/${ids.new}`, { address: '锦绣路 1 号', kind: 'joint' });
    expect(r.body).toMatchObject({ address: '锦绣路 1 号', kind: 'joint' });
    const tier = await admin.patch(`/api/orgs/${ids.new}`, { kind: 'street' });
    expect(tier.body.code).toBe('ORG.KIND_TIER_CHANGE');
  });

  it('moves a subtree only with rights over both the old and the new parent', async () => {
    const jinxiu = await t.as('jinxiu');
    const out = await jinxiu.post(`/api/orgs/${ids.new}/move`, { parentId: ids['云溪区松岭街道总工会'] });
    expect(out.status).toBe(404);
    expect(out.body.code).toBe('ORG.PARENT_NOT_FOUND');
    const union = await t.as('union');
    const self = await union.post(`/api/orgs/${ids['云溪恒达物流有限公司工会委员会']}/move`, { parentId: ids['云溪区锦绣街道总工会'] });
    expect(self.status).toBe(404);
    const moved = await admin.post(`/api/orgs/${ids.new}/move`, { parentId: ids['云溪区松岭街道总工会'] });
    expect(moved.status).toBe(200);
    expect(moved.body.parentName).toBe('云溪区松岭街道总工会');
    expect((await jinxiu.get(`/api/orgs/${ids.new}`)).status).toBe(404);
    expect((await (await t.as('songling')).get(`/api/orgs/${ids.new}`)).status).toBe(200);
  });

  it('moves an intermediate union with all its descendants', async () => {
    const created = await admin.post('/api/orgs', { parentId: ids['云溪区松岭街道总工会'], name: '松岭工业园区工会联合会', kind: 'industry' });
    const park = created.body.id;
    const child = await admin.post('/api/orgs', { parentId: park, name: '园区一号厂工会', kind: 'enterprise' });
    const into = await admin.post(`/api/orgs/${park}/move`, { parentId: child.body.id });
    expect(into.body.code).toBe('ORG.MOVE_INTO_SELF');
    const moved = await admin.post(`/api/orgs/${park}/move`, { parentId: ids['云溪区锦绣街道总工会'] });
    expect(moved.body.level).toBe(3);
    const c = await admin.get(`/api/orgs/${child.body.id}`);
    expect(c.body.level).toBe(4);
    expect((await (await t.as('jinxiu')).get(`/api/orgs/${child.body.id}`)).status).toBe(200);
    const self = await admin.post(`/api/orgs/${ids['云溪区锦绣街道总工会']}/move`, { parentId: park });
    expect(self.body.code).toBe('ORG.MOVE_INTO_SELF');
  });

  it('closes an organisation for history, refuses while it has open children, and reopens it', async () => {
    const early = await admin.post(`/api/orgs/${ids.new}/close`, { closedOn: '2020-01-01', reason: '企业注销' });
    expect(early.body.code).toBe('ORG.CLOSE_BEFORE_OPEN');
    const noReason = await admin.post(`/api/orgs/${ids.new}/close`, { closedOn: '2026-06-01' });
    expect(noReason.body.message).toContain('撤销原因');
    const closed = await admin.post(`/api/orgs/${ids.new}/close`, { closedOn: '2026-06-01', reason: '企业注销' });
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-06-01', closeReason: '企业注销' });
    expect((await admin.post(`/api/orgs/${ids.new}/close`, { closedOn: '2026-06-01', reason: '企业注销' })).body.code).toBe(
      'ORG.ALREADY_CLOSED',
    );
    const openList = await admin.get(`/api/orgs?q=${encodeURIComponent('新星科技')}`);
    expect(openList.body.total).toBe(0);
    const all = await admin.get(`/api/orgs?q=${encodeURIComponent('新星科技')}&status=closed`);
    expect(all.body.total).toBe(1);
    expect((await admin.patch(`/api/orgs/${ids.new}`, { address: 'x' })).body.code).toBe('ORG.CLOSED');
    const parent = await admin.post(`/api/orgs/${ids['云溪区教育系统工会']}/close`, { closedOn: '2026-06-01', reason: '机构调整' });
    expect(parent.body.code).toBe('ORG.HAS_OPEN_CHILDREN');
    expect(parent.body.message).toContain('18');
    expect((await admin.post(`/api/orgs/${ids.new}/reopen`)).body.status).toBe('open');
    expect((await admin.post(`/api/orgs/${ids['云溪区总工会']}/close`, { closedOn: '2026-06-01', reason: '测试' })).body.code).toBe(
      'ORG.MOVE_ROOT',
    );
  });
});

describe('export', () => {
  it('exports the scoped list to Excel with Chinese headers and masked phones for readers', async () => {
    const union = await t.as('union');
    const r = await union.get('/api/orgs/export.xlsx');
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-disposition']).toContain("filename*=UTF-8''");
    const rows = await readXlsxRows(r.raw.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['组织名称', '组织代码', '组织类型', '上级组织']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('云溪恒达物流有限公司工会委员会');
    const district = await admin.get('/api/orgs/export.xlsx?status=all');
    expect((await readXlsxRows(district.raw.rawPayload)).length).toBeGreaterThan(290);
  });
});
