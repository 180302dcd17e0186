import type { Tx } from '@platform/db';
import { demoDraws, DEMO_GIVEN_PEOPLE, DEMO_SURNAMES, type DemoLoadContext } from '@platform/modules';
import { addDays, addWorkingDays } from '@platform/periods';
import { withIdCheckDigit } from '@platform/validation';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { employerUsccsByUnion } from '@modules/employers/server';
import { gigKindOf, workerKindOf } from '../shared/member-codes';
import { insertDemoApplication, insertDemoMembers } from './member-demo.repository';
import { sealIdNumber, sealPhone } from './member.fields';

const GRASSROOTS: readonly string[] = grassrootsKinds();
const JOBS = ['操作工', '技术员', '销售员', '行政文员', '仓管员', '会计', '质检员', '维修电工', '厨师', '保洁员', '客服专员', '工程师'];
const GIG_JOBS = ['快递员', '外卖配送员', '网约车司机', '货车司机'];
const EDUCATION = ['研究生', '大学本科', '大学本科', '大学专科', '大学专科', '中专/技校', '高中', '初中及以下'];
const POLITICAL = ['群众', '群众', '群众', '群众', '中共党员', '共青团员', '共青团员'];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族', '壮族'];

/**
 * The demo district's members (valid-format made-up ID numbers, a few transfers and leavers, three probable
 * duplicates) with the demo member account's own record, and ten online applications (pending, two past their
 * deadline, one approved, one rejected). Runs after the employers (a member's employer is the first one the union
 * covers) and the committee terms: it continues the ledgers' stream (seed 11) after them.
 */
export async function seedDemoMembers(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const rnd = ctx.random(11);
  const { pick, int, dateBetween } = demoDraws(rnd);
  const SURNAMES = [...DEMO_SURNAMES];
  const GIVEN = [...DEMO_GIVEN_PEOPLE];
  const account = ctx.accounts.member!;
  const grassroots = ctx.orgs.filter((x) => GRASSROOTS.includes(x.kind));
  const employerOf = await employerUsccsByUnion(tx);

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
    const n = ui === grassroots.length - 1 ? ctx.members - cursor : Math.round((ctx.members * weights[ui]!) / total);
    for (let k = 0; k < n && cursor < ctx.members; k++) {
      cursor++;
      const id = cursor;
      const isDemoMember = u.id === account.orgId && k === 0;
      const female = isDemoMember ? false : rnd() < 0.45;
      const birth = dateBetween('1966-01-01', '2004-12-31');
      const idNumber = makeId(birth, female);
      const phone = makePhone();
      const gig = u.name.includes('新就业形态') ? rnd() < 0.95 : u.kind === 'trade' ? rnd() < 0.8 : u.kind === 'joint' ? rnd() < 0.3 : false;
      const occupation = gig ? pick(GIG_JOBS) : pick(JOBS);
      const name = isDemoMember ? '孙浩' : pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.6 ? pick(GIVEN) : '');
      const idSeal = sealIdNumber(ctx.cipher, 'members', id, idNumber);
      const phoneSeal = sealPhone(ctx.cipher, 'members', id, phone);
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
        employerUscc: employerOf.get(u.id) ?? null,
        accountId: isDemoMember ? account.id : null,
      });
      const earliest = u.openedOn > '2012-01-01' ? u.openedOn : '2012-01-01';
      const joinedOn = dateBetween(earliest < ctx.today ? earliest : addDays(ctx.today, -30), ctx.today);
      const r = rnd();
      if (r < 0.04 && !isDemoMember) {
        const leftOn = dateBetween(joinedOn, ctx.today);
        memberships.push({ memberId: id, orgId: u.id, joinedOn, leftOn, leaveReason: pick(['request', 'auto', 'deceased']), channel: 'offline' });
      } else if (r < 0.06 && !isDemoMember) {
        const moved = dateBetween(joinedOn, ctx.today);
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
    const idSeal = sealIdNumber(ctx.cipher, 'members', id, idNumber);
    const phoneSeal = sealPhone(ctx.cipher, 'members', id, ref.phone);
    rows.push({ ...src, id, idNumberEnc: idSeal.enc, idNumberIdx: idSeal.idx, idNumberMasked: idSeal.masked, phoneEnc: phoneSeal.enc, accountId: null });
    const first = memberships.find((m) => m.memberId === src.id)!;
    memberships.push({ ...first, memberId: id, leftOn: null, leaveReason: null, channel: 'import', orgId: grassroots[(d * 31) % grassroots.length]!.id });
  }
  await insertDemoMembers(tx, rows, memberships);

  // Online applications: pending ones (two past their deadline), one approved earlier, one rejected.
  const targets = grassroots.filter((u) => u.id === account.orgId || u.kind === 'joint' || u.kind === 'trade').slice(0, 6);
  for (let a = 0; a < 10; a++) {
    const appId = a + 1;
    const female = rnd() < 0.4;
    const birth = dateBetween('1975-01-01', '2003-12-31');
    const idNumber = makeId(birth, female);
    const phone = makePhone();
    const submitted = addDays(ctx.today, -[0, 1, 2, 3, 6, 8, 1, 2, 20, 30][a]!);
    const status = a < 8 ? 'pending' : a === 8 ? 'approved' : 'rejected';
    const occupation = pick(GIG_JOBS);
    const idSeal = sealIdNumber(ctx.cipher, 'membership_applications', appId, idNumber);
    const phoneSeal = sealPhone(ctx.cipher, 'membership_applications', appId, phone);
    await insertDemoApplication(tx, {
      id: appId,
      ref: `DEMO${String(appId).padStart(6, '0')}`,
      orgId: targets[a % targets.length]!.id,
      name: pick(SURNAMES) + pick(GIVEN) + pick(GIVEN),
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
      passwordHash: status === 'pending' ? ctx.passwordHash : '',
      status,
      submittedAt: new Date(`${submitted}T10:00:00+08:00`),
      dueOn: addWorkingDays(submitted, 3),
      decidedAt: status === 'pending' ? null : new Date(`${addDays(submitted, 2)}T15:00:00+08:00`),
      opinion: status === 'rejected' ? '申请人已是其他工会会员，请先办理转会' : status === 'approved' ? '同意入会' : null,
    });
  }
  return `${rows.length} 名会员、10 份入会申请`;
}
