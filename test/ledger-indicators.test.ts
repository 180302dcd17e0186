/**
 * The figures of the members, employers and unions ledgers against a hand-counted fixture, with scope (a
 * sibling street's records never count) and period edges (first and last day, stock at period end).
 *
 * On top of the small district (test/fixtures/small-district.ts):
 *   甲街道 employers: E1 (40 staff, covered by a1 since 2023-12-31), E2 (30, covered by a3 since 2024-06-15),
 *                     E3 (25, no union: gap), E4 (10, no union: below 25, not a gap)
 *   乙街道 employers: F1 (100, no union: gap), F2 (60, covered by b1 since 2024-03-03)
 *   Members (joined / left):
 *     m1 a1 female gig migrant   2024-01-01 / —            m5 b1 female          2024-05-05 / —
 *     m2 a1 male                 2023-12-31 / 2024-12-31   m6 b1 male gig        2024-12-31 / —
 *     m3 a2 female               2024-12-31 / —            m7 a1→a2 transfer     2022-02-02, moved 2024-07-01
 *     m4 a2 male gig             2025-01-01 / —
 *   Terms: a1 elected 2019-06-01 for 5 years (ends 2024-06-01: overdue at end 2024),
 *          a2 elected 2020-03-01 for 5 years (ends 2025-03-01: due within 6 months of 2024-12-31),
 *          b1 elected 2024-04-01 for 3 years (held in 2024, ends 2027).
 *   Standardisation (a two-item standard, 10 points each, 达标 from 12), reviewed at (China time):
 *          a1 14 points 2024-12-31 23:59 (达标), a2 10 points 2025-01-01 00:00 (不达标),
 *          b1 20 points 2024-03-10 (达标), a3 submitted but never reviewed.
 *   Honours: a1 2024 (counts), a2 2024 revoked (never counts), b1 2023.
 *   Hardship (低保 1,000 元): m5's case filed 2024-03-01, reviewed 2024-12-31 23:00, exited 2025-01-01 09:00
 *          (China time) — on file at the end of 2024; m1's application rejected (never counts).
 *   Aid: m5 2024-01-01 200 元 union; m5 2024-12-31 500 元 government in the 2024 winter campaign;
 *        m1 2024-09-01 金秋助学 (本科, not on file: 4,000 元) union; m3 2024-06-01 300 元 cancelled;
 *        m3 2025-01-01 100 元 donation.
 *   Mutual aid (30 元 a share): 2024 plan — m1 2 shares paid 2024-01-01, m5 1 share paid 2024-12-31, m3 paid
 *        2024-03-01 then withdrawn (never counts); 2025 plan — m1 paid 2025-01-01, m5 paid 2025-02-01.
 *        Claims on m1's 2024 enrolment: approved 1,500 元 paid 2024-12-31, another rejected; on m5's: 800 元
 *        paid 2025-01-01.
 *   Health checks: 2024 programme — m1 (courier) checked 2024-12-31, m5 (两癌) 2024-05-01, m3 signed up never
 *        checked; 2025 programme — m1 checked 2025-01-01.
 *   Hiring posts (by 录入日期; enterprises by USCC): U1 by 甲街道 2024-01-01, U1 by a1 2024-12-31 (filled since),
 *        U2 by 乙街道 2024-06-01, U1 by 甲街道 2025-01-01, U3 by 乙街道 2023-12-31.
 *   Job fairs (by date): the district's 2024-03-08 (100 intentions), 乙街道's 2024-12-31 (20), 甲街道's
 *        2025-01-01 (5).
 *   Job-seeker services: P1 by 甲街道 on 2024-01-01 and 2024-12-31 (one person, two services), P2 by 乙街道 on
 *        2025-01-01.
 *   Facilities (by inspection date): reading rooms R1 (a1) accepted 2024-01-01, R2 (b1) accepted 2023-12-31 and
 *        upgraded 2024-12-31, R3 (a2) accepted 2025-01-01; rest stations S1 (甲街道) accepted 2023-06-01 and
 *        re-inspected 2024-12-31 (300 person-times in 2024-12, 50 in 2025-01), S2 (乙街道) accepted 2024-03-01,
 *        review failed 2024-12-01; nursing room N1 (a1) accepted 2024-12-31, delisted 2025-01-01; childcare class
 *        C1 (b1) accepted 2024-08-20 after 20 days at 80 %.
 *   Activities (by date): A1 文体 by 甲街道 2024-01-01, 80 person-times, reach 300; A2 lecture with model workers by
 *        b1 2024-12-31, 50 (no reach: counts as 50); A3 volunteer by a1 2025-01-01, 5, m1 volunteering 3 h;
 *        A4 volunteer by 乙街道 2024-06-01, 5, m5 volunteering 2.5 h and m1 taking part.
 *   Meetings (by date): 甲街道's 2024-12-31 with a decision due that day, done 2025-01-02; the district's
 *        2025-01-01.
 *   Collective contracts (by signing date; coverage of the unionised employers E1, E2, F2 on the period's last day):
 *        K1 wage, a1, E1 (40): signed 2024-03-01 for 2024-03-01..2027-02-28, filed 2024-03-11 (day 10: on time),
 *           received 2024-03-12, in effect by itself from 2024-03-28;
 *        K2 general, b1, F2 (60): signed 2024-12-31 (the last day), filed 2025-01-11 (day 11: late), approved
 *           2025-01-20 — not in force at the end of 2024;
 *        K3 regional wage, 甲街道, E1, E2 and an enterprise outside the register: signed 2023-12-31 for
 *           2024-01-01..2025-03-31, filed 2024-01-05, received 2024-01-06 (in effect by itself from 2024-01-22) —
 *           renewal due from 2024-12-31;
 *        K4 women, a2: offered 2024-05-01, terminated 2024-06-01 (never signed);
 *        K5 safety, a3, E2: signed 2023-02-01 for one year (to 2024-01-31), in force 2023-02-22, never renewed —
 *           E2 was not yet unionised at the end of 2023 (a3 covers it from 2024-06-15).
 *   Legal education (by date): L1 送法进企业 by 甲街道 2024-01-01, 100 workers, 300 copies; L2 lecture by b1 2024-12-31,
 *        50, no copies recorded; L3 contest by a1 2025-01-01, 200, 10; L4 by 乙街道 2023-12-31, 40, 40.
 *   Legal service cases (by receipt, closing by closing date): C1 mediation a1 received 2024-12-31, 12 workers,
 *        closed 2025-01-02 with 30,000.50 元; C2 legal aid 乙街道 2024-03-01, 1, closed 2024-12-31 with 8,000 元;
 *        C3 consultation b1 2024-01-01, closed the same day (advised); C4 litigation 甲街道 2023-12-31, 3 workers,
 *        closed 2024-06-01 with 5,000 元.
 *   Workers' congresses (at the period's last day unless by date): G1 a1 代表大会 from 2024-01-01, 120 staff, state-owned,
 *        delegates D1 (woman, 2024-01-01), D2 (2024-12-31, left 2025-01-02), D3 (woman, 2024-06-01, left 2024-12-31)
 *        and D4 (2025-01-01), never a worker director; G2 b1 职工大会 from 2024-12-31, 50 staff, state-owned, sessions
 *        2024-12-31 and 2025-01-01, director W2 elected 2024-12-31, left 2025-03-01; G3 a2 职工大会 from 2023-12-31,
 *        supervisor W3 elected 2024-01-01, left 2024-12-31. Proposals (by submission; on file by acceptance): P1 G1
 *        2024-12-31 accepted 2025-01-02, P2 G3 2024-01-01 accepted that day, P3 G3 2023-12-31 not accepted.
 *        厂务公开 (by date): a1 2024-01-01 and 2024-12-31, b1 2025-01-01, a5 2023-12-31, 乙街道 2024-06-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@platform/periods';
import { withUsccCheckDigit } from '@platform/validation';
import type { TestApp, TestClient } from './app';
import { fakeIdNumber, fakeUscc } from './fixtures/people';
import { smallDistrict } from './fixtures/small-district';

let t: TestApp;
let admin: TestClient;
let id: Record<string, number> = {};
const uscc: Record<string, string> = {};

beforeAll(async () => {
  ({ t, admin, id } = await smallDistrict());
  t.clock.now = new Date('2025-06-01T04:00:00Z');
  const emp = async (street: string, name: string, employees: number, cover?: [string, string]) => {
    const e = (await admin.post('/api/employers', { name, uscc: fakeUscc(), orgId: id[street], employees })).body;
    uscc[name] = e.uscc;
    if (cover) expect((await admin.post(`/api/employers/${e.id}/cover`, { orgId: id[cover[0]], since: cover[1] })).status).toBe(200);
  };
  await emp('甲街道', 'E1', 40, ['a1', '2023-12-31']);
  await emp('甲街道', 'E2', 30, ['a3', '2024-06-15']);
  await emp('甲街道', 'E3', 25);
  await emp('甲街道', 'E4', 10);
  await emp('乙街道', 'F1', 100);
  await emp('乙街道', 'F2', 60, ['b1', '2024-03-03']);
  const mem = async (name: string, org: string, joinedOn: string, female: boolean, extra: Record<string, unknown> = {}) => {
    const r = await admin.post('/api/members', { name, idNumber: fakeIdNumber('19900101', female), orgId: id[org], joinedOn, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.memberships[0].id as number;
  };
  await mem('会员一', 'a1', '2024-01-01', true, { occupation: '快递员', migrantWorker: true });
  const m2 = await mem('会员二', 'a1', '2023-12-31', false);
  expect((await admin.post(`/api/memberships/${m2}/leave`, { leftOn: '2024-12-31', reason: 'request' })).status).toBe(200);
  await mem('会员三', 'a2', '2024-12-31', true);
  await mem('会员四', 'a2', '2025-01-01', false, { occupation: '网约车司机' });
  await mem('会员五', 'b1', '2024-05-05', true);
  await mem('会员六', 'b1', '2024-12-31', false, { occupation: '外卖配送员' });
  const m7 = await mem('会员七', 'a1', '2022-02-02', false);
  expect((await admin.post(`/api/memberships/${m7}/transfer`, { toOrgId: id.a2, transferredOn: '2024-07-01' })).body.status).toBe('accepted');
  const term = (org: string, electedOn: string, termYears: number) => admin.post(`/api/unions/${id[org]}/terms`, { electedOn, termYears, chairName: '主席', chairFullTime: false });
  expect((await term('a1', '2019-06-01', 5)).status).toBe(200);
  expect((await term('a2', '2020-03-01', 5)).status).toBe(200);
  expect((await term('b1', '2024-04-01', 3)).status).toBe(200);

  const checklist = (await admin.post('/api/standards/checklists', { name: '两项标准', effectiveFrom: '2024-01-01', gradeBands: [{ label: '达标', minScore: 12 }], items: [{ title: '甲项', maxScore: 10 }, { title: '乙项', maxScore: 10 }] })).body;
  expect((await admin.post(`/api/standards/checklists/${checklist.id}/publish`)).status).toBe(200);
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
  const assess = async (org: string, self: [number, number], review: [number, number] | null, reviewedAt: string) => {
    t.clock.now = new Date('2024-03-01T02:00:00Z');
    // The union fills it in itself: the district, which reviews it, may not be the one that filled it in.
    await admin.post('/api/accounts', { username: `fill${org}`, displayName: '填报人', orgId: id[org], roles: ['grassroots_admin'], password: 'Fill#union2026' });
    const filler = await t.as(`fill${org}`, 'Fill#union2026');
    await filler.post('/api/auth/password', { currentPassword: 'Fill#union2026', newPassword: 'Fill#union2027' });
    const a = (await filler.post('/api/standards/assessments', { orgId: id[org], year: 2024, series: checklist.series })).body;
    const items = a.items.map((i: { id: number }) => i.id) as number[];
    await filler.request('PUT', `/api/standards/assessments/${a.id}/self`, { scores: items.map((itemId, i) => ({ itemId, score: self[i] })) });
    for (const itemId of items) await filler.upload(`/api/standards/assessments/${a.id}/items/${itemId}/evidence?fileName=e.pdf`, pdf, 'application/octet-stream');
    expect((await filler.post(`/api/standards/assessments/${a.id}/submit`)).status).toBe(200);
    if (!review) return;
    t.clock.now = new Date(reviewedAt);
    const r = await admin.post(`/api/standards/assessments/${a.id}/review`, { decision: 'approve', scores: items.map((itemId, i) => ({ itemId, score: review[i] })) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  await assess('a1', [8, 8], [7, 7], '2024-12-31T15:59:00Z');
  await assess('a2', [10, 10], [5, 5], '2024-12-31T16:00:00Z');
  await assess('b1', [10, 10], [10, 10], '2024-03-10T02:00:00Z');
  await assess('a3', [9, 9], null, '');
  t.clock.now = new Date('2025-06-01T04:00:00Z');
  const honour = async (org: string, year: number) => (await admin.post('/api/standards/honours', { orgId: id[org], title: '模范职工之家', level: 'city', year, awardingBody: '市总工会' })).body.id as number;
  await honour('a1', 2024);
  const revoked = await honour('a2', 2024);
  expect((await admin.post(`/api/standards/honours/${revoked}/revoke`, { revokedOn: '2025-03-01', reason: '复查未通过' })).status).toBe(200);
  await honour('b1', 2023);

  // Hardship and aid (memberships by name: the members list knows them).
  const memberId = async (name: string) => (await admin.get(`/api/members?q=${encodeURIComponent(name)}&status=all`)).body.items[0].memberId as number;
  const [m1, m3, m5] = [await memberId('会员一'), await memberId('会员三'), await memberId('会员五')];
  const at = (iso: string) => (t.clock.now = new Date(iso));
  at('2024-01-15T02:00:00Z');
  expect((await admin.post('/api/hardship/thresholds', { place: '全区', year: 2024, minimumLivingFen: 100_000 })).status).toBe(200);
  const household = { householdSize: 2, incomes: [{ kind: 'wage', annualFen: 1_800_000 }], expenses: [], accidentLossFen: 0, members: [] };
  const apply = async (m: number) => (await admin.post('/api/hardship/cases', { memberId: m, primaryCause: 'illness', assessment: household, consent: { covers: ['name'] } })).body.id as number;
  const step = async (c: number, body: Record<string, unknown>) => {
    const r = await admin.post(`/api/hardship/cases/${c}/steps`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  at('2024-02-01T02:00:00Z');
  const c5 = await apply(m5);
  await step(c5, { action: 'first_review' });
  await admin.upload(`/api/hardship/cases/${c5}/files?kind=authorization&fileName=a.pdf`, pdf, 'application/octet-stream');
  await step(c5, { action: 'record_visit', visit: { visitedOn: '2024-02-01', visitors: '主席', findings: '属实' } });
  await step(c5, { action: 'start_notice', noticeStartsOn: '2024-02-05' });
  at('2024-02-20T02:00:00Z');
  await step(c5, { action: 'end_notice' });
  at('2024-03-01T02:00:00Z');
  await step(c5, { action: 'file' });
  at('2024-12-31T15:00:00Z');
  await step(c5, { action: 'review', assessment: { ...household, assessedOn: '2024-12-31', incomes: [{ kind: 'wage', annualFen: 6_000_000 }] } });
  at('2025-01-01T01:00:00Z');
  await step(c5, { action: 'exit', exitReason: 'escaped', monthsAbove: 6, opinion: '脱困' });
  at('2024-06-01T02:00:00Z');
  const c1 = await apply(m1);
  await step(c1, { action: 'reject', opinion: '不符合' });
  at('2025-06-01T04:00:00Z');
  // Aid is money once the district approves it; each payment here is approved (the cancelled one is cancelled).
  const aid = async (body: Record<string, unknown>) => {
    const r = await admin.post('/api/aid', { kind: 'living', form: 'cash', ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id as number;
  };
  const approve = async (a: number) => expect((await admin.post(`/api/aid/${a}/approve`)).status).toBe(200);
  const winter = (await admin.post('/api/campaigns', { name: '2024年冬送温暖', season: 'winter', startsOn: '2024-12-20', endsOn: '2025-02-10' })).body.id;
  await approve(await aid({ memberId: m5, amountFen: 20_000, givenOn: '2024-01-01', fundSource: 'union' }));
  await approve(await aid({ memberId: m5, amountFen: 50_000, givenOn: '2024-12-31', fundSource: 'government', kind: 'seasonal', campaignId: winter }));
  await approve(await aid({ memberId: m1, kind: 'education', schoolLevel: 'undergraduate', givenOn: '2024-09-01', fundSource: 'union' }));
  const cancelled = await aid({ memberId: m3, amountFen: 30_000, givenOn: '2024-06-01', fundSource: 'union' });
  expect((await admin.post(`/api/aid/${cancelled}/cancel`, { reason: '错发' })).status).toBe(200);
  await approve(await aid({ memberId: m3, amountFen: 10_000, givenOn: '2025-01-01', fundSource: 'donation' }));

  const plan = async (year: number) =>
    (await admin.post('/api/mutual-aid/plans', { year, name: `${year}年度住院互助`, product: 'inpatient', premiumFen: 3000, maxShares: 3, benefitPerShareFen: 300_000, coverStart: `${year}-01-01`, coverEnd: `${year}-12-31`, enrolUntil: `${year}-12-31` })).body.id as number;
  const enrol = async (p: number, memberId: number, shares: number, paidOn: string) => {
    const r = await admin.post(`/api/mutual-aid/plans/${p}/enrolments`, { memberId, shares, paidOn });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id as number;
  };
  const decide = async (c: number, body: Record<string, unknown>) => expect((await admin.post(`/api/mutual-aid/claims/${c}/decision`, body)).status).toBe(200);
  const claim = async (enrolmentId: number, admittedOn: string, claimedFen: number) =>
    (await admin.post('/api/mutual-aid/claims', { enrolmentId, diagnosis: '肺炎', hospital: '区人民医院', admittedOn, claimedFen })).body.id as number;
  at('2024-06-01T02:00:00Z');
  const p2024 = await plan(2024);
  const e1 = await enrol(p2024, m1, 2, '2024-01-01');
  const e5 = await enrol(p2024, m5, 1, '2024-12-31');
  const e3 = await enrol(p2024, m3, 1, '2024-03-01');
  expect((await admin.post(`/api/mutual-aid/enrolments/${e3}/withdraw`, { reason: '离职' })).status).toBe(200);
  const k1 = await claim(e1, '2024-05-01', 200_000);
  await decide(k1, { action: 'approve', approvedFen: 150_000 });
  await decide(k1, { action: 'pay', paidOn: '2024-12-31' });
  await decide(await claim(e1, '2024-05-20', 50_000), { action: 'reject', opinion: '重复申请' });
  const k5 = await claim(e5, '2024-11-01', 80_000);
  await decide(k5, { action: 'approve', approvedFen: 80_000 });
  await decide(k5, { action: 'pay', paidOn: '2025-01-01' });
  at('2025-06-01T04:00:00Z');
  const p2025 = await plan(2025);
  await enrol(p2025, m1, 1, '2025-01-01');
  await enrol(p2025, m5, 1, '2025-02-01');

  const checks = async (year: number) =>
    (await admin.post('/api/health-checks', { year, name: `${year}年免费体检`, provider: '区人民医院', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, quotas: [{ group: 'courier', places: 5 }, { group: 'women_screening', places: 5 }] })).body.id as number;
  const check = async (p: number, memberId: number, group: string, doneOn: string | null) => {
    const r = await admin.post(`/api/health-checks/${p}/signups`, { memberId, group, slotOn: doneOn ?? `${p === h2024 ? 2024 : 2025}-12-01` });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (doneOn) expect((await admin.post(`/api/health-checks/signups/${r.body.id}/done`, { doneOn })).status).toBe(200);
  };
  const h2024 = await checks(2024);
  await check(h2024, m1, 'courier', '2024-12-31');
  await check(h2024, m5, 'women_screening', '2024-05-01');
  await check(h2024, m3, 'women_screening', null);
  await check(await checks(2025), m1, 'courier', '2025-01-01');

  const U = [1, 2, 3].map((n) => withUsccCheckDigit(`91320102MA1UU000${n}`));
  const hire = async (org: string, u: number, recordedOn: string) => {
    const r = await admin.post('/api/employment/hiring', { orgId: id[org], employerName: `用工单位${u}`, employerUscc: U[u - 1], post: '普工', workKind: 'full_time', headcount: 3, recordedOn, validUntil: recordedOn, source: 'survey' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id as number;
  };
  await hire('甲街道', 1, '2024-01-01');
  expect((await admin.post(`/api/employment/hiring/${await hire('a1', 1, '2024-12-31')}/fill`)).status).toBe(200);
  await hire('乙街道', 2, '2024-06-01');
  await hire('甲街道', 1, '2025-01-01');
  await hire('乙街道', 3, '2023-12-31');
  for (const [org, heldOn, intentions] of [['root', '2024-03-08', 100], ['乙街道', '2024-12-31', 20], ['甲街道', '2025-01-01', 5]] as const) {
    expect((await admin.post('/api/employment/fairs', { orgId: id[org], name: `${org}招聘会`, heldOn, mode: 'onsite', intentions })).status).toBe(200);
  }
  const [p1, p2] = [fakeIdNumber('19950505', true), fakeIdNumber('19960606')];
  for (const [org, idNumber, servedOn] of [['甲街道', p1, '2024-01-01'], ['甲街道', p1, '2024-12-31'], ['乙街道', p2, '2025-01-01']] as const) {
    const r = await admin.post('/api/employment/seekers', { orgId: id[org], personName: '求职者', idNumber, category: 'hardship', service: 'referral', servedOn, outcome: 'following' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }

  const stds = Object.fromEntries((await admin.get('/api/facilities/standards')).body.map((s: { name: string; id: number; items: { code: string }[] }) => [s.name, s]));
  const facility = async (org: string, kind: string, name: string, standard: string, declaredOn: string, extra: Record<string, unknown> = {}) => {
    const r = await admin.post('/api/facilities', { orgId: id[org], kind, name, standardId: stds[standard].id, declaredOn, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id as number;
  };
  const stepOn = async (fid: number, action: string, on: string, more: Record<string, unknown> = {}) => {
    const r = await admin.post(`/api/facilities/${fid}/steps`, { action, on, itemsPresent: stds[more.standard as string]?.items.map((i: { code: string }) => i.code), ...more, standard: undefined });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const book = '全国工会职工书屋';
  const room = { level: 'district', volumes: 3000 };
  const r1 = await facility('a1', 'reading_room', 'R1', book, '2023-12-01', room);
  await stepOn(r1, 'accept', '2024-01-01', { standard: book });
  const r2 = await facility('b1', 'reading_room', 'R2', book, '2023-12-01', room);
  await stepOn(r2, 'accept', '2023-12-31', { standard: book });
  await stepOn(r2, 'list', '2023-12-31');
  await stepOn(r2, 'upgrade', '2024-12-31', { standard: book, level: 'city' });
  await stepOn(await facility('a2', 'reading_room', 'R3', book, '2024-12-01', room), 'accept', '2025-01-01', { standard: book });
  const place = { buildMode: 'self', address: '某路 1 号', lat: 32.05, lng: 118.78 };
  const s1 = await facility('甲街道', 'rest_station', 'S1', '七个一', '2023-05-01', place);
  await stepOn(s1, 'accept', '2023-06-01', { standard: '七个一' });
  await stepOn(s1, 'list', '2023-06-02');
  await stepOn(s1, 'review', '2024-12-31', { standard: '七个一' });
  for (const [on, count] of [['2024-12-01', 300], ['2025-01-31', 50]] as const) expect((await admin.request('PUT', `/api/facilities/${s1}/usage`, { on, count })).status).toBe(200);
  const s2 = await facility('乙街道', 'rest_station', 'S2', '七个一', '2024-02-01', place);
  await stepOn(s2, 'accept', '2024-03-01', { standard: '七个一' });
  await stepOn(s2, 'list', '2024-03-02');
  await stepOn(s2, 'fail_review', '2024-12-01', { opinion: '设施损坏', rectifyBy: '2025-01-01' });
  const mum = '爱心妈妈小屋（基础型）';
  const n1 = await facility('a1', 'nursing_room', 'N1', mum, '2024-12-01', { address: '某路 2 号', area: 12 });
  await stepOn(n1, 'accept', '2024-12-31', { standard: mum });
  await stepOn(n1, 'delist', '2025-01-01', { opinion: '场地改作他用' });
  const care = '爱心托管班（假期）';
  const cc1 = await facility('b1', 'childcare_class', 'C1', care, '2024-06-01', { classType: 'holiday', enrolled: 20, startsOn: '2024-07-01', endsOn: '2024-08-10' });
  for (let d = 1; d <= 20; d++) expect((await admin.request('PUT', `/api/facilities/${cc1}/usage`, { on: `2024-07-${String(d).padStart(2, '0')}`, count: 16 })).status).toBe(200);
  await stepOn(cc1, 'accept', '2024-08-20', { standard: care });

  const act = async (org: string, kind: string, heldOn: string, personTimes: number, extra: Record<string, unknown> = {}) => {
    const r = await admin.post('/api/activities', { orgId: id[org], kind, title: `${org}活动${heldOn}`, heldOn, personTimes, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id as number;
  };
  const named = async (activityId: number, memberId: number, role: string, hours: number | null) =>
    expect((await admin.post(`/api/activities/${activityId}/participants`, { memberId, role, hours })).status).toBe(200);
  await act('甲街道', 'culture', '2024-01-01', 80, { reach: 300 });
  await act('b1', 'lecture', '2024-12-31', 50, { byModelWorkers: true });
  await named(await act('a1', 'volunteer', '2025-01-01', 5), m1, 'volunteer', 3);
  const a4 = await act('乙街道', 'volunteer', '2024-06-01', 5);
  await named(a4, m5, 'volunteer', 2.5);
  await named(a4, m1, 'participant', null);

  const meet = async (org: string, heldOn: string) => (await admin.post('/api/meetings', { orgId: id[org], kind: 'chair', title: `${org}主席办公会`, heldOn, membersTotal: 5, attendees: 5 })).body.id as number;
  const mt = await meet('甲街道', '2024-12-31');
  const withDecision = (await admin.post(`/api/meetings/${mt}/decisions`, { content: '落实年度经费预算', owner: '经审办', dueOn: '2024-12-31' })).body;
  expect((await admin.post(`/api/meetings/${mt}/decisions/${withDecision.items[0].id}/done`, { doneOn: '2025-01-02', followUp: '已落实' })).status).toBe(200);
  await meet('root', '2025-01-01');

  const paper = async (k: number) => {
    for (const kind of ['text', 'negotiation_note', 'resolution', 'representatives']) expect((await admin.upload(`/api/contracts/${k}/attachments?kind=${kind}&fileName=${kind}.pdf`, pdf, 'application/octet-stream')).status).toBe(200);
  };
  const cstep = async (k: number, action: string, on: string, more: Record<string, unknown> = {}) => {
    const r = await admin.post(`/api/contracts/${k}/steps`, { action, on, ...more });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  type Path = { signedOn: string; term: [string, string]; filedOn: string; lateReason?: string; receivedOn: string; approvedOn?: string };
  const contract = async (org: string, kind: string, employers: [string, number][], path: Path | { terminatedOn: string; offerOn: string }) => {
    const covered = employers.map(([name, workers]) => ({ uscc: uscc[name] ?? fakeUscc(), name, workers }));
    const offerOn = 'offerOn' in path ? path.offerOn : addDays(path.signedOn, -40);
    const r = await admin.post('/api/contracts', { orgId: id[org], kind, scope: covered.length > 1 ? 'regional' : 'single', title: `${org}${kind}集体合同`, offerOn, offerBy: 'union', employers: covered });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const k = r.body.id as number;
    if ('terminatedOn' in path) return cstep(k, 'terminate', path.terminatedOn, { opinion: '企业改制' });
    const s = path.signedOn;
    await cstep(k, 'reply', addDays(s, -35));
    await cstep(k, 'draft', addDays(s, -20));
    await cstep(k, 'vote', addDays(s, -10), { delegatesTotal: 30, delegatesPresent: 30, votesFor: 30 });
    await cstep(k, 'sign', s, { startsOn: path.term[0], endsOn: path.term[1] });
    await paper(k);
    await cstep(k, 'file', path.filedOn, { lateReason: path.lateReason });
    await cstep(k, 'receive', path.receivedOn);
    if (path.approvedOn) await cstep(k, 'approve', path.approvedOn);
  };
  await contract('a1', 'wage', [['E1', 40]], { signedOn: '2024-03-01', term: ['2024-03-01', '2027-02-28'], filedOn: '2024-03-11', receivedOn: '2024-03-12' });
  await contract('b1', 'general', [['F2', 60]], { signedOn: '2024-12-31', term: ['2025-01-01', '2025-12-31'], filedOn: '2025-01-11', lateReason: '春节前材料未备齐', receivedOn: '2025-01-12', approvedOn: '2025-01-20' });
  await contract('甲街道', 'wage', [['E1', 40], ['E2', 30], ['名录外企业', 50]], { signedOn: '2023-12-31', term: ['2024-01-01', '2025-03-31'], filedOn: '2024-01-05', receivedOn: '2024-01-06' });
  await contract('a2', 'women', [['a2所在企业', 20]], { offerOn: '2024-05-01', terminatedOn: '2024-06-01' });
  await contract('a3', 'safety', [['E2', 30]], { signedOn: '2023-02-01', term: ['2023-02-01', '2024-01-31'], filedOn: '2023-02-05', receivedOn: '2023-02-06' });

  const legalEvent = async (org: string, kind: string, heldOn: string, audience: number, materials: number | null) =>
    expect((await admin.post('/api/legal/events', { orgId: id[org], kind, title: `${org}普法活动${heldOn}`, heldOn, audience, materials })).status).toBe(200);
  await legalEvent('甲街道', 'enterprise', '2024-01-01', 100, 300);
  await legalEvent('b1', 'lecture', '2024-12-31', 50, null);
  await legalEvent('a1', 'contest', '2025-01-01', 200, 10);
  await legalEvent('乙街道', 'community', '2023-12-31', 40, 40);
  const legalCase = async (org: string, kind: string, receivedOn: string, workersAffected: number, closed: [on: string, outcome: string, yuan: number | null]) => {
    const r = await admin.post('/api/legal/cases', { orgId: id[org], kind, issue: 'wage_arrears', source: 'visit', receivedOn, workerName: '某职工', employerName: `${org}用人单位`, workersAffected, handledBy: '某律师', facts: '用人单位拖欠工资，职工请求帮助。' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const c = await admin.post(`/api/legal/cases/${r.body.id}/steps`, { action: 'close', on: closed[0], outcome: closed[1], amountRecovered: closed[2] });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
  };
  await legalCase('a1', 'mediation', '2024-12-31', 12, ['2025-01-02', 'resolved', 30000.5]);
  await legalCase('乙街道', 'aid', '2024-03-01', 1, ['2024-12-31', 'resolved', 8000]);
  await legalCase('b1', 'consultation', '2024-01-01', 1, ['2024-01-01', 'advised', null]);
  await legalCase('甲街道', 'litigation', '2023-12-31', 3, ['2024-06-01', 'partly', 5000]);

  const cong = async (org: string, form: string, establishedOn: string, staff: number, stateOwned: boolean) => {
    const r = await admin.post('/api/congresses', { orgId: id[org], form, establishedOn, termNo: 1, termStartsOn: establishedOn, termYears: 3, staff, stateOwned });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id as number;
  };
  const ok200 = async (r: Promise<{ status: number; body: unknown }>) => expect((await r).status, JSON.stringify((await r).body)).toBe(200);
  const g1 = await cong('a1', 'congress', '2024-01-01', 120, true);
  const g2 = await cong('b1', 'assembly', '2024-12-31', 50, true);
  const g3 = await cong('a2', 'assembly', '2023-12-31', 40, false);
  const del = async (name: string, sex: string, electedOn: string, leftOn?: string) => {
    const r = await admin.post(`/api/congresses/${g1}/delegates`, { name, sex, category: 'frontline', electedOn });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (leftOn) await ok200(admin.post(`/api/congresses/${g1}/delegates/${r.body.delegateList.find((d: { name: string }) => d.name === name).id}/leave`, { leftOn }));
  };
  await del('代表一', 'female', '2024-01-01');
  await del('代表二', 'male', '2024-12-31', '2025-01-02');
  await del('代表三', 'female', '2024-06-01', '2024-12-31');
  await del('代表四', 'male', '2025-01-01');
  const sess = (sessionNo: number, heldOn: string, present: number) => ok200(admin.post(`/api/congresses/${g2}/sessions`, { kind: 'plenary', sessionNo, heldOn, present, agenda: '审议职工福利方案', votes: [] }));
  await sess(1, '2024-12-31', 40);
  await sess(2, '2025-01-01', 34);
  const elect = async (congressId: number, role: string, name: string, electedOn: string, votesFor: number, endedOn: string) => {
    const r = await admin.post(`/api/congresses/${congressId}/directors`, { role, name, board: `${name}所在公司董事会`, electedOn, votesFor, termEndsOn: addDays(electedOn, 1000) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await ok200(admin.post(`/api/congresses/${congressId}/directors/${r.body.directorList[0].id}`, { action: 'end', on: endedOn }));
  };
  await elect(g2, 'director', '董事二', '2024-12-31', 26, '2025-03-01');
  await elect(g3, 'supervisor', '监事三', '2024-01-01', 21, '2024-12-31');
  const prop = async (congressId: number, submittedOn: string, then?: [action: string, on: string]) => {
    const r = await admin.post('/api/congresses/proposals', { congressId, title: `提案${submittedOn}`, content: '建议改善职工就餐条件。', proposer: '某代表', submittedOn });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (then) await ok200(admin.post(`/api/congresses/proposals/${r.body.id}/steps`, { action: then[0], on: then[1], department: '行政部', opinion: '属于个人诉求' }));
  };
  await prop(g1, '2024-12-31', ['accept', '2025-01-02']);
  await prop(g3, '2024-01-01', ['accept', '2024-01-01']);
  await prop(g3, '2023-12-31', ['reject', '2024-01-05']);
  const disc = (org: string, disclosedOn: string) => ok200(admin.post('/api/congresses/disclosures', { orgId: id[org], matter: `${org}公开事项${disclosedOn}`, category: 'rights', channel: 'board', disclosedOn }));
  await disc('a1', '2024-01-01');
  await disc('a1', '2024-12-31');
  await disc('b1', '2025-01-01');
  await disc('a5', '2023-12-31');
  await disc('乙街道', '2024-06-01');
});
afterAll(() => t.close());

async function values(org: string, period: string) {
  const r = await admin.get(`/api/indicators/values?orgId=${id[org]}&period=${period}`);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.body.values.filter((v: { code: string }) => !v.code.startsWith('org.')).map((v: { code: string; value: number }) => [v.code, v.value]));
}

describe('ledger figures', () => {
  it('district, 2024', async () => {
    expect(await values('root', '2024')).toEqual({
      // At 2024-12-31: m1, m3, m5, m6, m7 (now in a2); m2 left on 2024-12-31 and m4 joined in 2025.
      'member.total': 5,
      'member.total_gig': 2, // m1, m6
      'member.total_women': 3, // m1, m3, m5
      'member.total_migrant': 1,
      // Joined in 2024: m1, m3, m5, m6 (m2 joined 2023-12-31; m7's move is a transfer).
      'member.joined': 4,
      'member.joined_gig': 2,
      'member.joined_women': 3,
      'member.joined_migrant': 1,
      'employer.total_25': 5, // E1, E2, E3, F1, F2
      'employer.covered_25': 3,
      'employer.gaps': 2, // E3, F1
      'employer.founding_rate': 60,
      'employer.covered_employees': 130, // 40 + 30 + 60
      'employer.membership_rate': 3.85, // 5 / 130
      'union.elections_held': 1, // b1
      'union.elections_overdue': 1, // a1
      'union.elections_due': 1, // a2
      'standard.assessed': 2, // a1 (23:59 on the last day), b1; a2 was reviewed at 00:00 on 2025-01-01
      'standard.passed': 2,
      'standard.pass_rate': 100,
      'standard.honours': 1, // a1; a2's was revoked
      'hardship.on_file': 1, // m5: exited on 2025-01-01, after the period
      'hardship.new_cases': 1,
      'hardship.exits': 0,
      'hardship.exits_escaped': 0,
      'hardship.relapses': 0,
      'hardship.reviews': 1, // 2024-12-31 23:00 China time
      'aid.paid_total': 4700, // 200 + 500 + 4,000; the cancelled 300 and the 2025 donation never count
      'aid.people': 2, // m5, m1
      'aid.paid_education': 4000,
      'aid.paid_government': 500,
      'aid.paid_union': 4200,
      'aid.paid_donation': 0,
      'aid.government_to_union': 11.9, // 500 / 4,200
      'aid.campaign_people': 1,
      'aid.campaign_people_distinct': 1,
      'mutualaid.enrolled_people': 2, // m1, m5 (paid 2024-12-31); m3 withdrew
      'mutualaid.enrolments': 2,
      'mutualaid.premium_total': 90, // 2 × 30 + 30
      'mutualaid.claims_paid': 1, // paid 2024-12-31; m5's was paid 2025-01-01, one was rejected
      'mutualaid.paid_total': 1500,
      'healthcheck.people': 2, // m1 on the last day, m5; m3 never checked
      'healthcheck.checks': 2,
      'employment.hiring_enterprises': 2, // U1 (twice, on the first and the last day), U2; U3 was 2023
      'employment.hiring_posts': 3, // a filled post still counts as recorded
      'employment.job_fairs': 2, // the district's and 乙街道's (on the last day)
      'employment.fair_intentions': 120,
      'employment.seekers_served': 1, // P1, served on the first and the last day
      'employment.seeker_services': 2,
      'facilities.reading_rooms_new': 2, // R1 on the first day, R2 upgraded on the last; R2's acceptance was 2023
      'facilities.rest_stations_new': 2, // S1 re-inspected on the last day, S2 accepted; S2's failed review is no pass
      'facilities.rest_station_visits': 300,
      'facilities.nursing_and_childcare': 2, // N1 (accepted on the last day, delisted after it), C1
      'activities.events': 3, // A1 on the first day, A2 on the last, A4; A3 was 2025
      'activities.person_times': 135,
      'activities.reach': 355, // 300 + 50 (A2 has no reach: its person-times) + 5
      'activities.lectures': 1,
      'activities.model_lectures': 1,
      'activities.volunteer_hours': 2.5, // m5 at A4; m1 took part without hours
      'activities.people': 2, // m5, m1 (named at A4)
      'meetings.held': 1, // 甲街道's on the last day
      'meetings.decisions_due_open': 1, // due on the last day, carried out on 2025-01-02
      'contracts.signed': 2, // K1, K2 on the last day; K3 and K5 were signed in 2023, K4 never
      'contracts.signed_general': 1,
      'contracts.signed_wage': 1,
      'contracts.signed_women': 0,
      'contracts.signed_safety': 0,
      'contracts.filed': 1, // K1; K2 was filed in 2025
      'contracts.filing_rate': 50,
      'contracts.filed_on_time': 1, // K1 on day 10
      'contracts.on_time_rate': 100,
      'contracts.unionised_employers': 3, // E1, E2, F2 (E4 has fewer than 25 staff but no union either)
      'contracts.covered_general': 0, // K2 took effect in 2025
      'contracts.covered_wage': 2, // E1 (K1 and K3: once), E2 (K3); the third enterprise of K3 is not in the register
      'contracts.covered_women': 0,
      'contracts.covered_safety': 0, // K5 expired on 2024-01-31
      'contracts.coverage_general': 0,
      'contracts.coverage_wage': 66.67,
      'contracts.coverage_women': 0,
      'contracts.coverage_safety': 0,
      'contracts.unionised_workers': 130, // E1 40, E2 30, F2 60 (register headcounts)
      'contracts.covered_workers_general': 0,
      'contracts.covered_workers_wage': 70, // E1 and E2
      'contracts.covered_workers_women': 0,
      'contracts.covered_workers_safety': 0,
      'contracts.worker_coverage_general': 0,
      'contracts.worker_coverage_wage': 53.85, // 70 ÷ 130
      'contracts.worker_coverage_women': 0,
      'contracts.worker_coverage_safety': 0,
      'contracts.renewal_due': 1, // K3: ends 2025-03-31, renewal talks due from 2024-12-31
      'contracts.expired_unrenewed': 1, // K5
      'legal.events': 2, // L1 on the first day, L2 on the last; L3 was 2025, L4 2023
      'legal.audience': 150,
      'legal.materials': 300, // L2 recorded none
      'legal.cases': 3, // C1 received on the last day, C2, C3 on the first; C4 was received in 2023
      'legal.aid_cases': 1, // C2 (legal aid); C4's litigation was 2023
      'legal.workers': 14, // 12 + 1 + 1
      'legal.closed': 3, // C2 on the last day, C3, C4; C1 closed on 2025-01-02
      'legal.recovered': 13000, // 8,000 + 5,000; C3 only advised
      'congress.units': 3, // G1 on the first day, G2 on the last, G3 from 2023
      'congress.sessions': 1, // G2's on the last day; its second was 2025
      'congress.delegates': 2, // D1, D2 (left in 2025); D3 left on the last day, D4 came in 2025
      'congress.women_delegates': 1, // D1
      'congress.proposals': 2, // P1 on the last day, P2 on the first; P3 was 2023
      'congress.proposals_accepted': 1, // P2; P1 was accepted in 2025
      'congress.disclosure_units': 2, // a1 (twice), 乙街道; b1's was 2025, a5's 2023
      'congress.disclosures': 3,
      'congress.director_units': 1, // G2 (W2 elected on the last day); W3 left on the last day
      'congress.director_missing': 1, // G1; G2 has W2
    });
  });

  it('甲街道 never counts 乙街道; 2023 sees only what existed then', async () => {
    const jia = await values('甲街道', '2024');
    expect(jia).toMatchObject({ 'member.total': 3, 'member.joined': 2, 'employer.total_25': 3, 'employer.gaps': 1, 'employer.covered_employees': 70, 'union.elections_held': 0, 'standard.assessed': 1, 'standard.honours': 1, 'hardship.on_file': 0, 'aid.paid_total': 4000 });
    const yi = await values('乙街道', '2024');
    expect(yi).toMatchObject({ 'member.total': 2, 'employer.gaps': 1, 'union.elections_held': 1, 'union.elections_overdue': 0, 'hardship.on_file': 1, 'aid.paid_total': 700 });
    expect(await values('root', '2025')).toMatchObject({ 'hardship.on_file': 0, 'hardship.exits': 1, 'hardship.exits_escaped': 1, 'aid.paid_total': 100, 'aid.paid_donation': 100 });
    expect(jia).toMatchObject({ 'mutualaid.enrolled_people': 1, 'mutualaid.claims_paid': 1, 'mutualaid.paid_total': 1500 });
    expect(yi).toMatchObject({ 'mutualaid.enrolled_people': 1, 'mutualaid.claims_paid': 0 });
    expect(await values('乙街道', '2025')).toMatchObject({ 'mutualaid.claims_paid': 1, 'mutualaid.paid_total': 800 });
    // Over two years the same two people enrolled twice: people and person-times differ.
    expect(await values('root', '2024-01-01..2025-12-31')).toMatchObject({ 'mutualaid.enrolled_people': 2, 'mutualaid.enrolments': 4, 'healthcheck.people': 2, 'healthcheck.checks': 3 });
    expect(jia).toMatchObject({ 'healthcheck.people': 1 });
    expect(yi).toMatchObject({ 'healthcheck.people': 1 });
    expect(await values('root', '2025Q1')).toMatchObject({ 'healthcheck.people': 1, 'healthcheck.checks': 1 });
    const y2023 = await values('root', '2023');
    // At 2023-12-31: m2 (joined that day) and m7; E1 covered since 2023-12-31.
    expect(y2023).toMatchObject({ 'member.total': 2, 'member.joined': 1, 'employer.covered_25': 1, 'union.elections_overdue': 0, 'standard.assessed': 0, 'standard.honours': 1 });
    expect(jia).toMatchObject({ 'employment.hiring_enterprises': 1, 'employment.hiring_posts': 2, 'employment.job_fairs': 0, 'employment.fair_intentions': 0 });
    expect(yi).toMatchObject({ 'employment.hiring_enterprises': 1, 'employment.hiring_posts': 1, 'employment.job_fairs': 1, 'employment.fair_intentions': 20 });
    expect(await values('root', '2025')).toMatchObject({ 'employment.hiring_enterprises': 1, 'employment.hiring_posts': 1, 'employment.job_fairs': 1, 'employment.fair_intentions': 5 });
    expect(y2023).toMatchObject({ 'employment.hiring_enterprises': 1, 'employment.hiring_posts': 1, 'employment.job_fairs': 0, 'employment.seekers_served': 0 });
    expect(yi).toMatchObject({ 'employment.seekers_served': 0 });
    expect(await values('root', '2025')).toMatchObject({ 'employment.seekers_served': 1, 'employment.seeker_services': 1 });
    expect(jia).toMatchObject({ 'facilities.reading_rooms_new': 1, 'facilities.rest_stations_new': 1, 'facilities.rest_station_visits': 300, 'facilities.nursing_and_childcare': 1 });
    expect(yi).toMatchObject({ 'facilities.reading_rooms_new': 1, 'facilities.rest_stations_new': 1, 'facilities.rest_station_visits': 0, 'facilities.nursing_and_childcare': 1 });
    expect(y2023).toMatchObject({ 'facilities.reading_rooms_new': 1, 'facilities.rest_stations_new': 1, 'facilities.nursing_and_childcare': 0 });
    expect(jia).toMatchObject({ 'meetings.held': 1, 'meetings.decisions_due_open': 1 });
    expect(yi).toMatchObject({ 'meetings.held': 0, 'meetings.decisions_due_open': 0 });
    expect(await values('root', '2025')).toMatchObject({ 'meetings.held': 1, 'meetings.decisions_due_open': 0 });
    expect(jia).toMatchObject({ 'activities.events': 1, 'activities.person_times': 80, 'activities.volunteer_hours': 0, 'activities.people': 0 });
    expect(yi).toMatchObject({ 'activities.events': 2, 'activities.reach': 55, 'activities.lectures': 1, 'activities.volunteer_hours': 2.5, 'activities.people': 2 });
    expect(await values('root', '2025')).toMatchObject({ 'activities.events': 1, 'activities.volunteer_hours': 3, 'activities.people': 1 });
    expect(await values('root', '2024-01-01..2025-12-31')).toMatchObject({ 'activities.people': 2, 'activities.volunteer_hours': 5.5 });
    expect(jia).toMatchObject({ 'contracts.signed': 1, 'contracts.unionised_employers': 2, 'contracts.covered_wage': 2, 'contracts.coverage_wage': 100, 'contracts.unionised_workers': 70, 'contracts.worker_coverage_wage': 100, 'contracts.renewal_due': 1, 'contracts.expired_unrenewed': 1 });
    expect(yi).toMatchObject({ 'contracts.signed': 1, 'contracts.filed': 0, 'contracts.filing_rate': 0, 'contracts.unionised_employers': 1, 'contracts.covered_general': 0, 'contracts.renewal_due': 0 });
    // At 2023-12-31: K3 signed, K5 signed and filed; K5 in force but E2 not yet unionised; K3 not yet in force.
    expect(y2023).toMatchObject({ 'contracts.signed': 2, 'contracts.filed': 1, 'contracts.filing_rate': 50, 'contracts.unionised_employers': 1, 'contracts.covered_wage': 0, 'contracts.covered_safety': 0, 'contracts.unionised_workers': 40, 'contracts.worker_coverage_wage': 0 });
    expect(await values('root', '2024-01-01..2025-12-31')).toMatchObject({ 'contracts.signed': 2, 'contracts.filed': 2, 'contracts.filed_on_time': 1, 'contracts.on_time_rate': 50 });
    // At 2025-03-31: K2 in force (general), K3 on its last day; the renewal of K3 is still due.
    expect(await values('root', '2025Q1')).toMatchObject({ 'contracts.signed': 0, 'contracts.covered_general': 1, 'contracts.covered_wage': 2, 'contracts.covered_workers_general': 60, 'contracts.worker_coverage_general': 46.15, 'contracts.renewal_due': 1, 'contracts.expired_unrenewed': 0 });
    expect(jia).toMatchObject({ 'legal.events': 1, 'legal.audience': 100, 'legal.cases': 1, 'legal.workers': 12, 'legal.closed': 1, 'legal.recovered': 5000, 'legal.aid_cases': 0 });
    expect(yi).toMatchObject({ 'legal.events': 1, 'legal.audience': 50, 'legal.materials': 0, 'legal.cases': 2, 'legal.aid_cases': 1, 'legal.workers': 2, 'legal.closed': 2, 'legal.recovered': 8000 });
    expect(await values('root', '2025')).toMatchObject({ 'legal.events': 1, 'legal.audience': 200, 'legal.materials': 10, 'legal.cases': 0, 'legal.closed': 1, 'legal.recovered': 30000.5 });
    expect(y2023).toMatchObject({ 'legal.events': 1, 'legal.audience': 40, 'legal.cases': 1, 'legal.aid_cases': 1, 'legal.workers': 3, 'legal.closed': 0 });
    expect(jia).toMatchObject({ 'congress.units': 2, 'congress.delegates': 2, 'congress.disclosure_units': 1, 'congress.disclosures': 2, 'congress.director_units': 0, 'congress.director_missing': 1, 'congress.proposals': 2 });
    expect(yi).toMatchObject({ 'congress.units': 1, 'congress.sessions': 1, 'congress.disclosure_units': 1, 'congress.director_units': 1, 'congress.director_missing': 0, 'congress.delegates': 0 });
    expect(y2023).toMatchObject({ 'congress.units': 1, 'congress.proposals': 1, 'congress.proposals_accepted': 0, 'congress.disclosure_units': 1, 'congress.director_units': 0, 'congress.director_missing': 0 });
    // At 2024-03-31: W3 in office; G2 not yet set up. At 2025-03-31: D1 and D4 on the roster, W2 gone (G1 and G2 lack one).
    expect(await values('root', '2024Q1')).toMatchObject({ 'congress.units': 2, 'congress.director_units': 1, 'congress.delegates': 1, 'congress.disclosure_units': 1, 'congress.proposals_accepted': 1 });
    expect(await values('root', '2025Q1')).toMatchObject({ 'congress.delegates': 2, 'congress.women_delegates': 1, 'congress.director_units': 0, 'congress.director_missing': 2, 'congress.sessions': 1, 'congress.proposals_accepted': 1, 'congress.disclosure_units': 1 });
    expect(await values('root', '2025')).toMatchObject({ 'facilities.reading_rooms_new': 1, 'facilities.rest_stations_new': 0, 'facilities.rest_station_visits': 50, 'facilities.nursing_and_childcare': 1 });
  });

  it('quarters and the records behind a figure', async () => {
    expect((await values('root', '2025Q1'))['member.joined']).toBe(1); // m4 on 2025-01-01
    expect(await values('root', '2025Q1')).toMatchObject({ 'standard.assessed': 1, 'standard.passed': 0, 'standard.pass_rate': 0 }); // a2
    const graded = (await admin.get(`/api/indicators/standard.assessed/records?orgId=${id.root}&period=2024`)).body.items.map((r: { title: string }) => r.title).sort();
    expect(graded).toEqual([expect.stringContaining('14 分（达标）'), expect.stringContaining('20 分（达标）')]);
    const recs = (await admin.get(`/api/indicators/employer.gaps/records?orgId=${id.root}&period=2024`)).body.items.map((r: { title: string }) => r.title).sort();
    expect(recs).toEqual(['E3', 'F1']);
    const women = (await admin.get(`/api/indicators/member.total_women/records?orgId=${id['甲街道']}&period=2024`)).body.items.map((r: { title: string }) => r.title).sort();
    expect(women).toEqual(['会员一', '会员三']);
    const records = async (code: string, period: string) => (await admin.get(`/api/indicators/${code}/records?orgId=${id.root}&period=${period}`)).body.items.map((r: { title: string; amount: number | null }) => [r.title, r.amount]).sort();
    expect(await records('congress.disclosure_units', '2024')).toEqual([['a1工会', 2], ['乙街道工会', 1]]);
    expect(await records('congress.delegates', '2024')).toEqual([['代表一', null], ['代表二', null]]);
    expect(await records('congress.director_missing', '2025Q1')).toEqual([['a1工会职代会', 120], ['b1工会职代会', 50]]);
  });
});
