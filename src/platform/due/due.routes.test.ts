import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';
import { smallDistrict } from '@test/fixtures/small-district';
import { addDays, chinaToday } from '@platform/periods';
import { compareDue, type DueItem } from './due';

// Hand-made records on the small district: an overdue committee term in 甲街道 (a1), one ending within the
// six-month window in 乙街道 (b1), and a pending membership application to a1.
let t: TestApp;
let admin: TestClient;
let yi: TestClient;
let id: Record<string, number>;
const today = chinaToday();
const years = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  const term = (electedOn: string, termYears: 3 | 5) => ({ electedOn, termYears, chairName: '王主席', chairFullTime: false, viceChairs: [], committeeMembers: [], fundsCommittee: [], womenCommittee: [] });
  // Ended 10 days ago: overdue. Ends in 30 days: due soon.
  const overdue = await admin.post(`/api/unions/${id.a1}/terms`, term(addDays(years(today, -5), -10), 5));
  expect(overdue.status, JSON.stringify(overdue.body)).toBe(200);
  const soon = await admin.post(`/api/unions/${id.b1}/terms`, term(addDays(years(today, -3), 30), 3));
  expect(soon.status, JSON.stringify(soon.body)).toBe(200);
  const join = await t.client().post('/api/join', { name: '骑手甲', idNumber: fakeIdNumber('19970909'), phone: '13800009999', orgId: id.a1, username: 'rider1', password: 'Rider#2026', consent: true });
  expect(join.status, JSON.stringify(join.body)).toBe(200);
  yi = await t.as('yijd', 'Yi#street2027');
}, 300_000);
afterAll(() => t.close());

describe('GET /api/due', () => {
  it('refuses an anonymous request', async () => {
    expect((await t.client().get('/api/due')).status).toBe(401);
  });

  it('puts the overdue item before the one due soon, each naming record, org, deadline, action and link', async () => {
    const r = await admin.get('/api/due?module=unions');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      { module: 'unions', kind: 'election', title: 'a1工会任期届满', orgName: '甲街道工会', deadline: addDays(today, -10), overdue: true, action: '组织换届选举', href: `/elections?open=${id.a1}` },
      { module: 'unions', kind: 'election', title: 'b1工会任期届满', orgName: '乙街道工会', deadline: addDays(today, 30), overdue: false, action: '组织换届选举', href: `/elections?open=${id.b1}` },
    ]);
  });

  it('orders the whole list by urgency: overdue, then by deadline, then undated', async () => {
    const r = await admin.get('/api/due?pageSize=200');
    const items = r.body.items as DueItem[];
    expect(items.length).toBe(r.body.total);
    expect(items[0]).toMatchObject({ title: 'a1工会任期届满', overdue: true });
    expect([...items].sort(compareDue)).toEqual(items);
    expect(items.map((i) => i.title)).toContain('骑手甲的入会申请');
  });

  it('filters by module and keeps the per-module counts over everything', async () => {
    const r = await admin.get('/api/due?module=members');
    expect(r.body.items).toEqual([expect.objectContaining({ module: 'members', kind: 'application', title: '骑手甲的入会申请', orgName: 'a1工会', action: '审核入会申请' })]);
    expect(r.body.total).toBe(1);
    const counts = Object.fromEntries((r.body.counts as { module: string; count: number; overdue: number }[]).map((c) => [c.module, c]));
    expect(counts.unions).toMatchObject({ count: 2, overdue: 1 });
    expect(counts.members).toMatchObject({ count: 1, overdue: 0 });
  });

  it('scopes every provider: 乙街道 does not see 甲街道 items', async () => {
    const r = await yi.get('/api/due?pageSize=200');
    expect(r.status).toBe(200);
    const titles = (r.body.items as DueItem[]).map((i) => i.title);
    expect(titles).toContain('b1工会任期届满');
    expect(titles).not.toContain('a1工会任期届满');
    expect(titles).not.toContain('骑手甲的入会申请');
    expect(r.body.counts.find((c: { module: string }) => c.module === 'unions')).toMatchObject({ count: 1, overdue: 0 });
  });

  it('pages the sorted list', async () => {
    const first = await admin.get('/api/due?pageSize=1&page=1');
    const second = await admin.get('/api/due?pageSize=1&page=2');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].title).toBe('a1工会任期届满');
    expect(second.body.items[0].title).not.toBe('a1工会任期届满');
  });
});

describe('compareDue', () => {
  const item = (over: Partial<DueItem>): DueItem => ({ module: 'm', kind: 'k', title: 't', orgName: 'o', deadline: null, overdue: false, action: 'a', href: '/', ...over });
  it('sorts overdue first, then by deadline, then undated', () => {
    const undated = item({ title: 'undated' });
    const later = item({ title: 'later', deadline: '2026-05-01' });
    const sooner = item({ title: 'sooner', deadline: '2026-04-01' });
    const overdue = item({ title: 'overdue', deadline: '2026-03-01', overdue: true });
    expect([undated, later, sooner, overdue].sort(compareDue).map((i) => i.title)).toEqual(['overdue', 'sooner', 'later', 'undated']);
  });
});
