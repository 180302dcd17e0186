import type { Tx } from '@platform/db';
import { DEMO_GIVEN_PEOPLE, DEMO_SURNAMES, demoDraws, type DemoLoadContext } from '@platform/modules';
import { addDays } from '@platform/periods';
import { maskIdNumber } from '@platform/privacy';
import { withIdCheckDigit } from '@platform/validation';
import { idNumberIndex } from '@modules/members/server';
import { registeredEmployers } from '@modules/employers/server';
import { insertFair, insertParticipant } from './fair.repository';
import { insertPostsBulk } from './hiring.repository';
import { insertServicesBulk } from './seeker.repository';

const POSTS = ['仓储管理员', '快递分拣员', '外卖配送员', '网约车司机', '电工', '焊工', '保洁员', '保安员', '收银员', '厨师', '客服专员', '销售代表', '会计', '护工', '育婴员', '叉车司机', '普工', '质检员'];
const WORK_KINDS = ['full_time', 'full_time', 'full_time', 'part_time', 'flexible', 'trainee'];

/**
 * The demo district's 企业用工信息 (about the seed's magnitude: 285 posts from 104 enterprises), recorded by the
 * union keeping each enterprise this year so far; some filled, some past their valid-until day. Draws from
 * its own stream (seed 31).
 */
export async function seedDemoHiring(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const { pick, int } = demoDraws(ctx.random(31));
  const firms = await registeredEmployers(tx, 104);
  const dayOfYear = Math.round((Date.parse(ctx.today) - Date.parse(`${ctx.today.slice(0, 4)}-01-01`)) / 86_400_000);
  const rows: Parameters<typeof insertPostsBulk>[1] = [];
  firms.forEach((f, i) => {
    // 77 enterprises with three posts and 27 with two: 285 posts from 104 enterprises.
    for (let k = 0; k < (i < 77 ? 3 : 2); k++) {
      const recordedOn = addDays(ctx.today, -int(0, dayOfYear)); // this year so far: the report's 录入 figures
      const validUntil = addDays(recordedOn, int(30, 180));
      const payMin = 3000 + 500 * int(0, 8);
      rows.push({
        orgId: f.orgId,
        employerName: f.name,
        employerUscc: f.uscc,
        post: pick(POSTS),
        workKind: pick(WORK_KINDS),
        headcount: int(1, 20),
        payMin,
        payMax: int(0, 4) === 0 ? null : payMin + 500 * int(1, 6),
        requirements: int(0, 2) === 0 ? '身体健康，吃苦耐劳' : null,
        place: null,
        recordedOn,
        validUntil,
        filledOn: validUntil < ctx.today && int(0, 1) === 0 ? addDays(recordedOn, int(5, 25)) : null,
        contactName: null,
        contactPhone: null,
        source: int(0, 3) === 0 ? 'enterprise' : 'survey',
      });
    }
  });
  await insertPostsBulk(tx, rows);

  // Three fairs by the district federation (the seed's magnitude): two held, one to come.
  const district = ctx.orgs[0]!;
  const at = (days: number) => addDays(ctx.today, days);
  const yearOf = (date: string) => date.slice(0, 4);
  const fairs = [
    { heldOn: at(-Math.min(270, dayOfYear)), name: '“春风行动”线上线下专场招聘会', mode: 'both', visitors: 1860, intentions: 203, hires: 96 },
    { heldOn: at(-Math.min(60, dayOfYear)), name: '“春风送岗”暨困难职工家庭高校毕业生专场招聘会', mode: 'onsite', visitors: 920, intentions: 118, hires: 41 },
    { heldOn: at(20), name: '网络直播招聘会', mode: 'online', visitors: null, intentions: null, hires: null },
  ].map((f) => ({ ...f, name: `${yearOf(f.heldOn)}年${f.name}` }));
  let taking = 0;
  for (const f of fairs) {
    const fair = await insertFair(tx, { ...f, orgId: district.id, venue: f.mode === 'online' ? '云溪工会微信公众号直播间' : '云溪区职工服务中心', coOrganisers: '区人力资源和社会保障局' });
    for (const firm of firms.slice(taking % firms.length, (taking % firms.length) + int(18, 26))) {
      await insertParticipant(tx, { fairId: fair.id, employerName: firm.name, employerUscc: firm.uscc, posts: int(1, 6), headcount: int(2, 30) });
    }
    taking += 30;
  }

  // Job-seeker services: 90 people served by the streets, a third of them twice (a referral, then the follow-up).
  const streets = ctx.orgs.filter((o) => o.kind === 'street');
  const services: Parameters<typeof insertServicesBulk>[1] = [];
  for (let p = 0; p < 90; p++) {
    const idNumber = withIdCheckDigit(`320102${1975 + int(0, 30)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(100 + p).padStart(3, '0')}`);
    const idx = idNumberIndex(ctx.cipher, idNumber, ctx.today);
    if ('error' in idx) continue;
    const person = { orgId: pick(streets).id, personName: pick([...DEMO_SURNAMES]) + pick([...DEMO_GIVEN_PEOPLE]) + (p % 2 ? pick([...DEMO_GIVEN_PEOPLE]) : ''), idNumberIdx: idx.idx, idNumberMasked: maskIdNumber(idNumber)!, category: pick(['hardship', 'hardship', 'unemployed', 'graduate', 'migrant', 'other']) };
    const first = addDays(ctx.today, -int(40, 540));
    services.push({ ...person, service: pick(['referral', 'referral', 'policy', 'training', 'fair']), servedOn: first, outcome: p % 3 === 0 ? 'following' : pick(['employed', 'training', 'not_employed']), note: null });
    if (p % 3 === 0) services.push({ ...person, service: 'referral', servedOn: addDays(first, int(10, 35)), outcome: pick(['employed', 'employed', 'following']), note: '跟踪回访' });
  }
  await insertServicesBulk(tx, services);
  return `${rows.length} 条企业用工信息（${new Set(rows.map((r) => r.employerUscc)).size} 家企业），${fairs.length} 场招聘会，${services.length} 人次就业援助`;
}
