import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockKey, queryRows } from '@platform/db';
import { createTestApp, type TestApp, type TestClient, type TestResponse } from './app';
import { fakeIdNumber, xlsx } from './fixtures/people';

/**
 * Every "at most" rule under parallel requests. On a PostgreSQL server (TEST_DATABASE_URL) the requests of
 * one `Promise.all` run on separate pooled connections at the same time; on PGlite they are serial, and the
 * same assertions must hold. Each asserts that the rule holds in the database afterwards, that exactly the
 * allowed number of requests succeed, and that the others are refused with the module's Chinese 409 (not a 500).
 */

const N = 8;
const year = new Date().getFullYear();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

let t: TestApp;
let admin: TestClient;
let union: { id: number; code: string };
let other: { id: number; code: string };
let street: number;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await t.client().post('/api/setup', { federationName: '并发测试区总工会', divisionCode: '320102', adminUsername: 'chair', adminDisplayName: '张主席', adminPassword: 'Union#2026' });
  admin = await t.as('chair', 'Union#2026');
  const root = (await admin.get('/api/orgs/tree')).body[0].id;
  const org = async (parentId: number, name: string, kind: string) => {
    const r = await admin.post('/api/orgs', { parentId, name, kind, openedOn: '2020-01-01' });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body as { id: number; code: string };
  };
  street = (await org(root, '并发街道工会', 'street')).id;
  union = await org(street, '并发物流公司工会', 'enterprise');
  other = await org(street, '并发快递公司工会', 'enterprise');
});
afterAll(() => t.close());

async function newMember(name: string, idNumber = fakeIdNumber('19800101'), extra: Record<string, unknown> = {}): Promise<number> {
  const r = await admin.post('/api/members', { name, idNumber, orgId: union.id, joinedOn: '2020-01-01', ...extra });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.memberId;
}

/** Fires `n` requests at once and waits for all of them. */
const parallel = (n: number, send: (i: number) => Promise<TestResponse>) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));

/** The successes, after checking that every other answer is the given refusal (never a 500). */
function outcome(responses: TestResponse[], refusal: { code: string; message?: string | RegExp }) {
  const ok = responses.filter((r) => r.status === 200);
  for (const r of responses.filter((x) => x.status !== 200)) {
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: refusal.code });
    if (typeof refusal.message === 'string') expect(r.body.message).toBe(refusal.message);
    else if (refusal.message) expect(r.body.message).toMatch(refusal.message);
  }
  return ok;
}

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.database.db, query))[0]!;

describe('hardship aid', () => {
  const pay = (body: Record<string, unknown>) => admin.post('/api/aid', { kind: 'living', form: 'cash', givenOn: today, fundSource: 'union', ...body });

  it('keeps a household under the yearly cap when payments arrive together', async () => {
    const m = await newMember('上限并发');
    const cap = (await one<{ fen: number }>(sql`select yearly_cap_fen as fen from hardship_settings where id = 1`)).fen;
    expect(cap).toBe(2_000_000);
    const rs = await parallel(N, () => pay({ memberId: m, amountFen: 1_200_000 }));
    const ok = outcome(rs, { code: 'AID.CAP_EXCEEDED', message: `上限并发家 ${year} 年已登记帮扶 12,000.00 元（含待审批、待签收的），再发 12,000.00 元将超过每户每年上限 20,000.00 元` });
    expect(ok.length).toBe(1);
    const total = await one<{ fen: number }>(sql`select coalesce(sum(amount_fen), 0)::int as fen from aid_records where member_id = ${m} and status <> 'cancelled'`);
    expect(total.fen).toBe(1_200_000);
  });

  it('keeps the cap when a campaign’s recipient list is built while the same household is paid by hand', async () => {
    const r = await admin.post('/api/members', { name: '名单并发', idNumber: fakeIdNumber('19790101'), occupation: '外卖配送员', orgId: union.id, joinedOn: '2020-01-01' });
    const m = r.body.memberId as number;
    const c = await admin.post('/api/campaigns', { name: '并发夏送清凉', season: 'summer', startsOn: today, endsOn: today, budgets: { union: 10_000_000 } });
    const list = admin.post(`/api/campaigns/${c.body.id}/recipients`, { source: 'gig', form: 'cash', amountFen: 1_200_000, fundSource: 'union', givenOn: today });
    const [built, ...rs] = await Promise.all([list, ...Array.from({ length: N - 1 }, () => pay({ memberId: m, amountFen: 1_200_000 }))]);
    expect(built.status).toBe(200);
    const byHand = outcome(rs, { code: 'AID.CAP_EXCEEDED' });
    const listed = await one<{ n: number }>(sql`select count(*)::int as n from aid_records where campaign_id = ${c.body.id} and member_id = ${m}`);
    expect(byHand.length + listed.n).toBe(1);
    const total = await one<{ fen: number }>(sql`select coalesce(sum(amount_fen), 0)::int as fen from aid_records where member_id = ${m} and status <> 'cancelled'`);
    expect(total.fen).toBe(1_200_000);
  });

  it('pays one person once per campaign when the same payment is sent together', async () => {
    const m = await newMember('活动并发');
    const c = await admin.post('/api/campaigns', { name: '并发冬送温暖', season: 'winter', startsOn: today, endsOn: today, budgets: { union: 1_000_000 } });
    expect(c.status).toBe(200);
    const rs = await parallel(N, () => pay({ memberId: m, campaignId: c.body.id, kind: 'seasonal', amountFen: 50_000 }));
    expect(outcome(rs, { code: 'AID.DOUBLE_PAY', message: '活动并发已在本次活动中领取过，同一活动不能重复发放' }).length).toBe(1);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from aid_records where campaign_id = ${c.body.id}`)).n).toBe(1);
  });
});

describe('hardship cases', () => {
  const household = { householdSize: 2, incomes: [{ kind: 'wage', annualFen: 1_800_000 }], expenses: [], accidentLossFen: 0, members: [] };
  const apply = (memberId: number) => admin.post('/api/hardship/cases', { memberId, primaryCause: 'illness', assessment: household, consent: { covers: ['name'] } });

  beforeAll(async () => {
    expect((await admin.post('/api/hardship/thresholds', { place: '全区', year, minimumLivingFen: 100_000 })).status).toBe(200);
  });

  it('opens one living case per member', async () => {
    const m = await newMember('建档并发');
    const rs = await parallel(N, () => apply(m));
    expect(outcome(rs, { code: 'HARDSHIP.CASE_EXISTS' }).length).toBe(1);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from hardship_cases where member_id = ${m}`)).n).toBe(1);
  });

  it('numbers cases filed together one after another, each number once', async () => {
    const ms: number[] = [];
    for (let i = 0; i < N; i++) ms.push(await newMember(`编号并发${'甲乙丙丁戊己庚辛'[i]}`));
    const rs = await parallel(N, (i) => apply(ms[i]!));
    expect(rs.map((r) => r.status)).toEqual(Array(N).fill(200));
    expect(new Set(rs.map((r) => r.body.caseNo)).size).toBe(N);
  });
});

describe('hardship screenings', () => {
  it('records one check per member in a screening', async () => {
    const m = await newMember('排查并发');
    const sc = await admin.post('/api/screenings', { name: '并发摸底排查', deadline: `${year}-12-31` });
    expect(sc.status).toBe(200);
    const rs = await parallel(N, () => admin.post(`/api/screenings/${sc.body.id}/checks`, { memberId: m, outcome: 'no_hardship' }));
    expect(outcome(rs, { code: 'SCREENING.ALREADY', message: '该会员在这次排查中已登记过结果' }).length).toBe(1);
  });
});

describe('mutual aid', () => {
  const plan = async (over: Record<string, unknown> = {}) => {
    const r = await admin.post('/api/mutual-aid/plans', { year, name: `并发互助${Math.random().toString(36).slice(2, 7)}`, product: 'inpatient', premiumFen: 5000, maxShares: 1, benefitPerShareFen: 300_000, coverStart: `${year}-01-01`, coverEnd: `${year}-12-31`, enrolUntil: `${year}-12-31`, ...over });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.id as number;
  };
  const enrol = (planId: number, memberId: number) => admin.post(`/api/mutual-aid/plans/${planId}/enrolments`, { memberId, shares: 1, paidOn: today });

  it('keeps an enrolment’s approved claims within its benefit when approvals arrive together', async () => {
    const e = (await enrol(await plan(), await newMember('理赔并发'))).body.id;
    const claims: number[] = [];
    for (let i = 0; i < N; i++) {
      const r = await admin.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '肺炎', hospital: '区人民医院', admittedOn: `${year}-03-01`, claimedFen: 180_000 });
      expect(r.status).toBe(200);
      claims.push(r.body.id);
    }
    const rs = await parallel(N, (i) => admin.post(`/api/mutual-aid/claims/${claims[i]}/decision`, { action: 'approve', approvedFen: 180_000 }));
    expect(outcome(rs, { code: 'MUTUAL_AID.OVER_LIMIT', message: '本年度最高给付 3,000.00 元（1 份），已核准 1,800.00 元，本次最多 1,200.00 元' }).length).toBe(1);
    const used = await one<{ fen: number }>(sql`select coalesce(sum(approved_fen), 0)::int as fen from mutual_aid_claims where enrolment_id = ${e} and status in ('approved', 'paid')`);
    expect(used.fen).toBe(180_000);
  });

  it('decides a claim once when the same decision is sent together', async () => {
    const e = (await enrol(await plan(), await newMember('审核并发'))).body.id;
    const claim = (await admin.post('/api/mutual-aid/claims', { enrolmentId: e, diagnosis: '肺炎', hospital: '区人民医院', admittedOn: `${year}-03-01`, claimedFen: 100_000 })).body.id;
    const rs = await parallel(N, () => admin.post(`/api/mutual-aid/claims/${claim}/decision`, { action: 'approve', approvedFen: 100_000 }));
    expect(outcome(rs, { code: 'MUTUAL_AID.ILLEGAL_STATUS', message: '理赔当前为“已核准待支付”，不能核准（只有“待审核”的理赔可以）' }).length).toBe(1);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from audit_events where entity_type = 'mutual_aid_claim' and entity_id = ${claim} and summary like '核准审核并发%'`)).n).toBe(1);
  });

  it('enrols a member once when an enrolment list is imported while the member is enrolled by hand', async () => {
    const p = await plan();
    const idNumber = fakeIdNumber('19810101');
    const m = await newMember('导入并发', idNumber);
    const file = await xlsx([['居民身份证号码', '姓名', '份数', '缴费日期'], [idNumber, '导入并发', 1, today]]);
    const upload = admin.upload(`/api/imports/mutual-aid-enrolments?mode=add&fileName=${encodeURIComponent('参保名单.xlsx')}&planId=${p}`, file);
    const [up, ...rs] = await Promise.all([upload, ...Array.from({ length: N }, () => enrol(p, m))]);
    expect(up.status).toBe(200);
    await t.imports.idle();
    const job = (await admin.get(`/api/imports/${up.body.id}`)).body;
    const manual = outcome(rs, { code: 'MUTUAL_AID.ALREADY_ENROLLED', message: /^导入并发已参加“/ });
    // Either the import took the member (every hand enrolment refused) or a hand enrolment did (the import
    // refused the row, nothing written); never both, never a failed job.
    expect(job.status === 'done' ? [job.inserted, manual.length] : [job.status, manual.length]).toEqual(job.status === 'done' ? [1, 0] : ['invalid', 1]);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from mutual_aid_enrolments where plan_id = ${p} and member_id = ${m}`)).n).toBe(1);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('refuses an imported row, not the whole job, when a hand enrolment of that member is in flight', async () => {
    const p = await plan();
    const idNumber = fakeIdNumber('19810202');
    const m = await newMember('在途并发', idNumber);
    const file = await xlsx([['居民身份证号码', '姓名', '份数', '缴费日期'], [idNumber, '在途并发', 1, today]]);
    const waiting = async () => (await one<{ n: number }>(sql`select count(*)::int as n from pg_locks where not granted`)).n;
    let commit!: () => void;
    const mayCommit = new Promise<void>((r) => (commit = r));
    // A hand enrolment as `enrol` makes it, held open until the import is queued behind it.
    const inFlight = t.database.db.transaction(async (tx) => {
      await lockKey(tx, 'mutualaid.plan-enrolments', p);
      await tx.execute(sql`insert into mutual_aid_enrolments (plan_id, member_id, org_id, shares, premium_fen, paid_on, status, source) values (${p}, ${m}, ${union.id}, 1, 5000, ${today}, 'enrolled', 'manual')`);
      await mayCommit;
    });
    const up = await admin.upload(`/api/imports/mutual-aid-enrolments?mode=add&fileName=${encodeURIComponent('参保名单.xlsx')}&planId=${p}`, file);
    expect(up.status).toBe(200);
    while ((await waiting()) === 0) await new Promise((r) => setTimeout(r, 20));
    commit();
    await inFlight;
    await t.imports.idle();
    const job = (await admin.get(`/api/imports/${up.body.id}`)).body;
    expect(job).toMatchObject({ status: 'invalid', errorRows: 1 });
    expect((await one<{ n: number }>(sql`select count(*)::int as n from mutual_aid_enrolments where plan_id = ${p} and member_id = ${m}`)).n).toBe(1);
  });

  it('enrols a member in a plan once', async () => {
    const p = await plan();
    const m = await newMember('参保并发');
    const rs = await parallel(N, () => enrol(p, m));
    expect(outcome(rs, { code: 'MUTUAL_AID.ALREADY_ENROLLED', message: /^参保并发已参加“/ }).length).toBe(1);
  });
});

describe('health checks', () => {
  const programme = async (places: number) => {
    const r = await admin.post('/api/health-checks', { year, name: `并发体检${Math.random().toString(36).slice(2, 7)}`, provider: '区人民医院', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, quotas: [{ group: 'sanitation', places }] });
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.id as number;
  };
  const sign = (p: number, memberId: number) => admin.post(`/api/health-checks/${p}/signups`, { memberId, group: 'sanitation', slotOn: today });

  it('gives out no more places than a group has', async () => {
    const p = await programme(3);
    const ms: number[] = [];
    for (let i = 0; i < N; i++) ms.push(await newMember(`体检并发${'甲乙丙丁戊己庚辛'[i]}`, undefined, { workerKind: 'sanitation' }));
    const rs = await parallel(N, (i) => sign(p, ms[i]!));
    expect(outcome(rs, { code: 'HEALTH_CHECK.FULL', message: '“环卫工人”的 3 个名额已满' }).length).toBe(3);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from health_check_signups where programme_id = ${p} and status <> 'cancelled'`)).n).toBe(3);
  });

  it('signs a worker up for a programme once', async () => {
    const p = await programme(N);
    const m = await newMember('报名并发', undefined, { workerKind: 'sanitation' });
    const rs = await parallel(N, () => sign(p, m));
    expect(outcome(rs, { code: 'HEALTH_CHECK.ALREADY_SIGNED_UP', message: /^报名并发已报名/ }).length).toBe(1);
  });
});

describe('organisations', () => {
  it('numbers unions created together under one parent, each code once', async () => {
    const rs = await parallel(N, (i) => admin.post('/api/orgs', { parentId: street, name: `并发新建${i}工会`, kind: 'enterprise' }));
    expect(rs.map((r) => r.status)).toEqual(Array(N).fill(200));
    expect(new Set(rs.map((r) => r.body.code)).size).toBe(N);
  });

  it('keeps a name once among siblings when the same union is created together', async () => {
    const rs = await parallel(N, () => admin.post('/api/orgs', { parentId: street, name: '并发同名工会', kind: 'enterprise' }));
    expect(outcome(rs, { code: 'ORG.NAME_TAKEN', message: '同一上级组织下已有同名组织' }).length).toBe(1);
  });
});

describe('members', () => {
  it('registers a new person once when the same registration is sent together', async () => {
    const idNumber = fakeIdNumber('19900202');
    const rs = await parallel(N, () => admin.post('/api/members', { name: '入会并发', idNumber, orgId: union.id, joinedOn: '2024-01-01' }));
    expect(outcome(rs, { code: 'MEMBER.ALREADY_MEMBER', message: '此人已是“并发物流公司工会”的会员（2024-01-01 入会），不能重复入会；如已调动，请办理转会' }).length).toBe(1);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from memberships ms join members m on m.id = ms.member_id where m.name = '入会并发'`)).n).toBe(1);
  });

  it('lets a former member rejoin once when the same registration is sent together', async () => {
    const idNumber = fakeIdNumber('19900303');
    const first = await admin.post('/api/members', { name: '再入会并发', idNumber, orgId: union.id, joinedOn: '2020-01-01' });
    const ms = (await admin.get(`/api/members/${first.body.memberId}`)).body.memberships[0].id;
    expect((await admin.post(`/api/memberships/${ms}/leave`, { leftOn: '2023-01-01', reason: 'request' })).status).toBe(200);
    const rs = await parallel(N, () => admin.post('/api/members', { name: '再入会并发', idNumber, orgId: other.id, joinedOn: '2024-01-01' }));
    expect(outcome(rs, { code: 'MEMBER.ALREADY_MEMBER' }).length).toBe(1);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from memberships where member_id = ${first.body.memberId} and left_on is null`)).n).toBe(1);
  });

  it('transfers a membership once when the same transfer is sent together', async () => {
    const m = await newMember('转会并发');
    const ms = (await admin.get(`/api/members/${m}`)).body.memberships[0].id;
    const rs = await parallel(N, () => admin.post(`/api/memberships/${ms}/transfer`, { toOrgId: other.id, transferredOn: today }));
    expect(outcome(rs, { code: 'MEMBER.NOT_OPEN' }).length).toBe(1);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from memberships where member_id = ${m} and left_on is null`)).n).toBe(1);
  });

  it('takes one pending application per person, and approves it once', async () => {
    const idNumber = fakeIdNumber('19950505');
    const rs = await parallel(N, (i) =>
      t.client().post('/api/join', { name: '申请并发', idNumber, phone: `1380000${String(1000 + i)}`, orgId: union.id, username: `apply${i}`, password: 'Apply#2026x', consent: true }),
    );
    expect(outcome(rs, { code: 'MEMBER.APPLICATION_PENDING' }).length).toBe(1);
    const app = (await admin.get('/api/member-applications?q=' + encodeURIComponent('申请并发'))).body.items;
    expect(app.length).toBe(1);
    const approvals = await parallel(N, () => admin.post(`/api/member-applications/${app[0].id}/approve`, {}));
    expect(outcome(approvals, { code: 'MEMBER.APPLICATION_DECIDED' }).length).toBe(1);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from memberships ms join members m on m.id = ms.member_id where m.name = '申请并发'`)).n).toBe(1);
  });
});
