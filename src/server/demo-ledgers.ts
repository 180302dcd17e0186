import type { FieldCipher } from '@platform/crypto';
import type { Tx } from '@platform/db';
import { addDays, addWorkingDays } from '@platform/periods';
import { withIdCheckDigit, withUsccCheckDigit } from '@platform/validation';
import { insertCoveragesBulk, insertEmployersBulk } from '@modules/employers/server';
import { insertDemoApplication, insertDemoMembers, sealIdNumber, sealPhone } from '@modules/members/server';
import { gigKindOf, workerKindOf } from '@modules/members/shared/member-codes';
import { insertTermsBulk } from '@modules/unions/server';
import type { OrgKind } from '@modules/organisations/shared/org-kinds';
import { GIVEN as GIVEN_BASE, SURNAMES } from './demo-names';

/** A demo organisation as the ledger seeding needs it. */
export interface SeedOrg {
  id: number;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  openedOn: string;
  divisionCode: string;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GIVEN = `${GIVEN_BASE}俊峰志鹏思雨佳慧`;
const JOBS = ['操作工', '技术员', '销售员', '行政文员', '仓管员', '会计', '质检员', '维修电工', '厨师', '保洁员', '客服专员', '工程师'];
const GIG_JOBS = ['快递员', '外卖配送员', '网约车司机', '货车司机'];
const EDUCATION = ['研究生', '大学本科', '大学本科', '大学专科', '大学专科', '中专/技校', '高中', '初中及以下'];
const POLITICAL = ['群众', '群众', '群众', '群众', '中共党员', '共青团员', '共青团员'];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族', '壮族'];
const BRANDS = ['鑫源', '福达', '宏图', '惠民', '佳美', '兴旺', '顺发', '祥和', '利民', '康泰', '新锐', '众合', '华辰', '久安', '朗润'];
const TRADES = ['便利店', '餐饮店', '装饰工程有限公司', '物业服务有限公司', '电子商务有限公司', '汽车维修有限公司', '超市', '美容美发店', '印刷有限公司', '家政服务有限公司'];

interface Options {
  members: number;
  today: string;
  passwordHash: string;
  memberAccountId: number;
  memberAccountOrg: number;
}

/**
 * Employers (with gaps), committee terms (some due, some overdue), members with valid-format made-up ID
 * numbers, pending online applications. Deterministic: the same district every time.
 */
export async function seedDemoLedgers(tx: Tx, cipher: FieldCipher, orgs: SeedOrg[], rnd: () => number, o: Options) {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const dateBetween = (from: string, to: string) => {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return new Date(a + Math.floor(rnd() * Math.max(1, b - a))).toISOString().slice(0, 10);
  };
  const usccs = new Set<string>();
  const newUscc = (division: string) => {
    for (;;) {
      let s = '91' + division.slice(0, 6);
      for (let i = 0; i < 9; i++) s += USCC_CHARS[int(0, 30)]!;
      const u = withUsccCheckDigit(s);
      if (!usccs.has(u)) {
        usccs.add(u);
        return u;
      }
    }
  };
  const streets = orgs.filter((x) => x.kind === 'street');
  const grassroots = orgs.filter((x) => ['enterprise', 'joint', 'trade', 'institution'].includes(x.kind));
  const employerOf = new Map<number, string[]>();
  const employerRows: Parameters<typeof insertEmployersBulk>[1] = [];
  const coveredBy: { index: number; orgId: number; since: string }[] = [];

  // Employers: each enterprise union covers its own; joint unions cover several small ones; gaps stay uncovered.
  for (const u of grassroots) {
    const keeper = streets.find((s) => s.id === u.parentId) ?? orgs.find((x) => x.kind === 'federation')!;
    const covered: { name: string; employees: number }[] = [];
    if (u.kind === 'enterprise') covered.push({ name: u.name.replace(/工会委员会$/, ''), employees: int(30, 480) });
    if (u.kind === 'joint') for (let i = 0; i < int(3, 6); i++) covered.push({ name: `云溪区${pick(BRANDS)}${pick(TRADES)}（${u.name.slice(0, 4)}${i + 1}）`, employees: int(5, 24) });
    for (const c of covered) {
      const uscc = newUscc(u.divisionCode);
      coveredBy.push({ index: employerRows.length, orgId: u.id, since: u.openedOn });
      employerRows.push({
        orgId: keeper.id,
        name: c.name,
        uscc,
        divisionCode: u.divisionCode,
        industry: pick(['C', 'F', 'G', 'H', 'I', 'L', 'M', 'O', 'E']),
        ownership: pick(['170', '170', '170', '159', '169', '300', '200']),
        employees: c.employees,
        womenEmployees: Math.floor(c.employees * (0.2 + rnd() * 0.5)),
        smallMicro: c.employees < 100,
        foundingStage: 'founded',
      });
      employerOf.set(u.id, [...(employerOf.get(u.id) ?? []), uscc]);
    }
  }
  let gaps = 0;
  for (const s of streets) {
    for (let i = 0; i < int(8, 13); i++) {
      const employees = i < 3 ? int(8, 24) : int(25, 260);
      const stage = employees >= 25 ? pick(['none', 'none', 'none', 'visiting', 'preparing']) : 'none';
      employerRows.push({
        orgId: s.id,
        name: `云溪区${s.name.slice(3, 5)}${pick(BRANDS)}${pick(TRADES)}`,
        uscc: newUscc(s.divisionCode),
        divisionCode: s.divisionCode,
        industry: pick(['C', 'F', 'G', 'H', 'I', 'L', 'O']),
        ownership: '170',
        employees,
        womenEmployees: Math.floor(employees * 0.4),
        smallMicro: employees < 100,
        foundingStage: stage,
        foundingStartedOn: stage === 'none' ? null : addDays(o.today, -int(10, 120)),
        foundingNote: stage === 'visiting' ? '已走访，企业负责人同意筹建' : stage === 'preparing' ? '已成立筹备组，拟于下月召开会员大会' : null,
      });
      if (employees >= 25) gaps++;
    }
  }
  const inserted = await insertEmployersBulk(tx, employerRows);
  await insertCoveragesBulk(tx, coveredBy.map((c) => ({ employerId: inserted[c.index]!.id, orgId: c.orgId, since: c.since })));
  const employers = inserted.length;

  // Committee terms: most unions registered; ends spread so some are overdue and some due within six months.
  const termRows: Parameters<typeof insertTermsBulk>[1] = [];
  for (const u of grassroots) {
    const r = rnd();
    if (r < 0.08) continue;
    const years = rnd() < 0.7 ? 5 : 3;
    const endsOn = r < 0.16 ? addDays(o.today, -int(10, 400)) : r < 0.3 ? addDays(o.today, int(5, 175)) : addDays(o.today, int(200, years * 365));
    const electedOn = `${Number(endsOn.slice(0, 4)) - years}${endsOn.slice(4)}`.replace('-02-29', '-02-28');
    termRows.push({
      orgId: u.id,
      electedOn,
      termYears: years,
      chairName: pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.5 ? pick([...GIVEN]) : ''),
      chairFullTime: rnd() < 0.2,
      viceChairs: [pick([...SURNAMES]) + pick([...GIVEN])],
      committeeMembers: [0, 1, 2].map(() => pick([...SURNAMES]) + pick([...GIVEN]) + pick([...GIVEN])),
      fundsCommittee: [0, 1, 2].map(() => pick([...SURNAMES]) + pick([...GIVEN])),
      womenCommittee: [],
    });
  }
  await insertTermsBulk(tx, termRows);
  const terms = termRows.length;

  // Members.
  const ids = new Set<string>();
  const phones = new Set<string>();
  const weights = grassroots.map((u) => (u.kind === 'enterprise' ? 3 : u.kind === 'trade' ? 4 : u.kind === 'joint' ? 2 : 1.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const rows: Parameters<typeof insertDemoMembers>[1] = [];
  const memberships: Parameters<typeof insertDemoMembers>[2] = [];
  const names: { name: string; birth: string; phone: string }[] = [];
  const makeId = (birth: string, female: boolean) => {
    for (;;) {
      const seq = int(0, 99) * 10 + (female ? pick([0, 2, 4, 6, 8]) : pick([1, 3, 5, 7, 9]));
      const id = withIdCheckDigit(`3201${pick(['02', '04', '05', '06', '11', '13', '14', '15'])}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`);
      if (!ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
  };
  const makePhone = () => {
    for (;;) {
      const p = `1${pick(['3', '5', '7', '8', '9'])}${String(int(0, 999_999_999)).padStart(9, '0')}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  let cursor = 0;
  for (let ui = 0; ui < grassroots.length; ui++) {
    const u = grassroots[ui]!;
    const n = ui === grassroots.length - 1 ? o.members - cursor : Math.round((o.members * weights[ui]!) / total);
    for (let k = 0; k < n && cursor < o.members; k++) {
      cursor++;
      const id = cursor;
      const isDemoMember = u.id === o.memberAccountOrg && k === 0;
      const female = isDemoMember ? false : rnd() < 0.45;
      const birth = dateBetween('1966-01-01', '2004-12-31');
      const idNumber = makeId(birth, female);
      const phone = makePhone();
      const gig = u.name.includes('新就业形态') ? rnd() < 0.95 : u.kind === 'trade' ? rnd() < 0.8 : u.kind === 'joint' ? rnd() < 0.3 : false;
      const occupation = gig ? pick(GIG_JOBS) : pick(JOBS);
      const name = isDemoMember ? '孙浩' : pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.6 ? pick([...GIVEN]) : '');
      const idSeal = sealIdNumber(cipher, 'members', id, idNumber);
      const phoneSeal = sealPhone(cipher, 'members', id, phone);
      names.push({ name, birth, phone });
      rows.push({
        id,
        name,
        sex: female ? 'female' : 'male',
        birthDate: birth,
        ethnicity: pick(ETHNIC),
        idNumberEnc: idSeal.enc,
        idNumberIdx: idSeal.idx,
        idNumberMasked: idSeal.masked,
        phoneEnc: phoneSeal.enc,
        phoneIdx: phoneSeal.idx,
        phoneMasked: phoneSeal.masked,
        education: pick(EDUCATION),
        politicalStatus: pick(POLITICAL),
        occupation,
        workerKind: workerKindOf(occupation) ?? 'none',
        gigKind: gigKindOf(occupation),
        migrantWorker: rnd() < (gig ? 0.6 : 0.15),
        employerUscc: employerOf.get(u.id)?.[0] ?? null,
        accountId: isDemoMember ? o.memberAccountId : null,
      });
      const earliest = u.openedOn > '2012-01-01' ? u.openedOn : '2012-01-01';
      const joinedOn = dateBetween(earliest < o.today ? earliest : addDays(o.today, -30), o.today);
      const r = rnd();
      if (r < 0.04 && !isDemoMember) {
        const leftOn = dateBetween(joinedOn, o.today);
        memberships.push({ memberId: id, orgId: u.id, joinedOn, leftOn, leaveReason: pick(['request', 'auto', 'deceased']), channel: 'offline' });
      } else if (r < 0.06 && !isDemoMember) {
        const moved = dateBetween(joinedOn, o.today);
        const to = grassroots[int(0, grassroots.length - 1)]!;
        memberships.push({ memberId: id, orgId: u.id, joinedOn, leftOn: moved, leaveReason: 'transfer', channel: 'offline' });
        memberships.push({ memberId: id, orgId: to.id === u.id ? grassroots[(ui + 1) % grassroots.length]!.id : to.id, joinedOn: moved, leftOn: null, leaveReason: null, channel: 'transfer' });
      } else {
        memberships.push({ memberId: id, orgId: u.id, joinedOn, leftOn: null, leaveReason: null, channel: rnd() < 0.1 ? 'online' : 'offline' });
      }
    }
  }
  // Three probable duplicates: same name, birth date and phone, another ID number (a typing error on file).
  for (let d = 0; d < 3 && rows.length > 10; d++) {
    const src = rows[d * 7 + 3]!;
    const ref = names[d * 7 + 3]!;
    const id = rows.length + 1;
    const idNumber = makeId(ref.birth, src.sex === 'female');
    const idSeal = sealIdNumber(cipher, 'members', id, idNumber);
    const phoneSeal = sealPhone(cipher, 'members', id, ref.phone);
    rows.push({ ...src, id, idNumberEnc: idSeal.enc, idNumberIdx: idSeal.idx, idNumberMasked: idSeal.masked, phoneEnc: phoneSeal.enc, accountId: null });
    const first = memberships.find((m) => m.memberId === src.id)!;
    memberships.push({ ...first, memberId: id, leftOn: null, leaveReason: null, channel: 'import', orgId: grassroots[(d * 31) % grassroots.length]!.id });
  }
  await insertDemoMembers(tx, rows, memberships);

  // Online applications: pending ones (two past their deadline), one approved earlier, one rejected.
  const targets = grassroots.filter((u) => u.id === o.memberAccountOrg || u.kind === 'joint' || u.kind === 'trade').slice(0, 6);
  for (let a = 0; a < 10; a++) {
    const appId = a + 1;
    const female = rnd() < 0.4;
    const birth = dateBetween('1975-01-01', '2003-12-31');
    const idNumber = makeId(birth, female);
    const phone = makePhone();
    const submitted = addDays(o.today, -[0, 1, 2, 3, 6, 8, 1, 2, 20, 30][a]!);
    const status = a < 8 ? 'pending' : a === 8 ? 'approved' : 'rejected';
    const occupation = pick(GIG_JOBS);
    const idSeal = sealIdNumber(cipher, 'membership_applications', appId, idNumber);
    const phoneSeal = sealPhone(cipher, 'membership_applications', appId, phone);
    await insertDemoApplication(tx, {
      id: appId,
      ref: `DEMO${String(appId).padStart(6, '0')}`,
      orgId: targets[a % targets.length]!.id,
      name: pick([...SURNAMES]) + pick([...GIVEN]) + pick([...GIVEN]),
      sex: female ? 'female' : 'male',
      birthDate: birth,
      ethnicity: '汉族',
      idNumberEnc: idSeal.enc,
      idNumberIdx: idSeal.idx,
      idNumberMasked: idSeal.masked,
      phoneEnc: phoneSeal.enc,
      phoneIdx: phoneSeal.idx,
      phoneMasked: phoneSeal.masked,
      education: pick(EDUCATION),
      politicalStatus: '群众',
      occupation,
      workerKind: workerKindOf(occupation) ?? 'none',
      gigKind: gigKindOf(occupation),
      migrantWorker: rnd() < 0.5,
      employerName: occupation === '外卖配送员' ? '某外卖平台（众包）' : null,
      username: `applicant${appId}`,
      passwordHash: status === 'pending' ? o.passwordHash : '',
      status,
      submittedAt: new Date(`${submitted}T10:00:00+08:00`),
      dueOn: addWorkingDays(submitted, 3),
      decidedAt: status === 'pending' ? null : new Date(`${addDays(submitted, 2)}T15:00:00+08:00`),
      opinion: status === 'rejected' ? '申请人已是其他工会会员，请先办理转会' : status === 'approved' ? '同意入会' : null,
    });
  }
  return { employers, gaps, terms, members: rows.length, applications: 10 };
}
