import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';

let t: TestApp;
let admin: TestClient;
let union: TestClient;
let hengda: { id: number; name: string };
const year = new Date().getFullYear();

async function newMember(name: string): Promise<number> {
  const r = await union.post('/api/members', { name, idNumber: fakeIdNumber('19850505'), orgId: hengda.id, joinedOn: '2020-01-01' });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.memberId;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  union = await t.as('union');
  hengda = (await admin.get(`/api/orgs?q=${encodeURIComponent('云溪恒达物流有限公司工会委员会')}&tier=grassroots`)).body.items[0];
});
afterAll(() => t.close());

describe('screening campaigns (摸底排查)', () => {
  it('the district starts one; each union records who it checked; progress by union reaches the parents', async () => {
    const s = await admin.post('/api/screenings', { name: '测试摸底排查', deadline: `${year}-12-31`, scopeNote: '逐户排查' });
    expect(s.status).toBe(200);
    const id = s.body.id;
    // The grassroots union sees the district's screening.
    expect((await union.get('/api/screenings')).body.items.some((x: { id: number }) => x.id === id)).toBe(true);
    const a = await newMember('排查甲');
    const b = await newMember('排查乙');
    expect((await union.post(`/api/screenings/${id}/checks`, { memberId: a, outcome: 'no_hardship' })).status).toBe(200);
    const again = await union.post(`/api/screenings/${id}/checks`, { memberId: a, outcome: 'no_hardship' });
    expect(again.body.code).toBe('SCREENING.ALREADY');
    // A finding needs the case application first.
    expect((await union.post(`/api/screenings/${id}/checks`, { memberId: b, outcome: 'new_case' })).body.code).toBe('SCREENING.NO_CASE');
    const household = { householdSize: 2, incomes: [{ kind: 'wage', annualFen: 1_500_000 }], expenses: [], accidentLossFen: 0, members: [] };
    expect((await union.post('/api/hardship/cases', { memberId: b, primaryCause: 'illness', assessment: household })).status).toBe(200);
    expect((await union.post(`/api/screenings/${id}/checks`, { memberId: b, outcome: 'new_case', note: '排查发现' })).status).toBe(200);
    const progress = await admin.get(`/api/screenings/${id}/progress`);
    const row = progress.body.unions.find((u: { orgId: number }) => u.orgId === hengda.id);
    expect(row).toMatchObject({ checked: 2, newCases: 1, noHardship: 1, caseUpdated: 0 });
    expect(row.members).toBeGreaterThanOrEqual(2);
    expect(progress.body.screening).toMatchObject({ checked: 2, newCases: 1, status: 'open', overdue: false });
    // Another street's administrator sees the union rows of its own subtree only.
    const songling = await t.as('songling');
    const theirs = await songling.get(`/api/screenings/${id}/progress`);
    expect(theirs.body.unions.some((u: { orgId: number }) => u.orgId === hengda.id)).toBe(false);
    // Only the union that started it closes it; then no more checks.
    expect((await union.post(`/api/screenings/${id}/close`)).status).toBe(404);
    expect((await admin.post(`/api/screenings/${id}/close`)).status).toBe(200);
    expect((await union.post(`/api/screenings/${id}/checks`, { memberId: await newMember('排查丙'), outcome: 'no_hardship' })).body.code).toBe('SCREENING.CLOSED');
  });

  it('covers only its population: others are refused, and progress counts the population', async () => {
    const s = (await admin.post('/api/screenings', { name: '女职工排查', deadline: `${year}-12-31`, population: 'women' })).body;
    expect(s).toMatchObject({ population: 'women', populationLabel: '女职工' });
    const man = await newMember('排查男');
    const refused = await union.post(`/api/screenings/${s.id}/checks`, { memberId: man, outcome: 'no_hardship' });
    expect(refused.body).toMatchObject({ code: 'SCREENING.OUTSIDE', message: '该会员不属于这次排查的范围（女职工）' });
    const all = (await admin.get(`/api/screenings/${(await admin.post('/api/screenings', { name: '全员排查', deadline: `${year}-12-31` })).body.id}/progress`)).body.unions.find((u: { orgId: number }) => u.orgId === hengda.id);
    const women = (await admin.get(`/api/screenings/${s.id}/progress`)).body.unions.find((u: { orgId: number }) => u.orgId === hengda.id);
    const [counted] = await queryRows<{ all: number; women: number }>(t.database.db, sql`
      select count(*)::int as all, count(*) filter (where x.sex = 'female')::int as women
        from memberships m join members x on x.id = m.member_id where m.org_id = ${hengda.id} and m.left_on is null`);
    expect([all.members, women.members]).toEqual([counted!.all, counted!.women]);
    expect(women.members).toBeLessThan(all.members);
  });

  it('the demo holds a finished screening', async () => {
    const items = (await admin.get('/api/screenings')).body.items;
    const done = items.find((x: { name: string }) => x.name === `${year}年困难职工摸底排查`);
    expect(done).toMatchObject({ status: 'closed' });
    expect(done.checked).toBeGreaterThan(20);
  });
});
