import type { Tx } from '@platform/db';
import { demoDraws, type DemoLoadContext } from '@platform/modules';
import { addDays } from '@platform/periods';
import { insertActivity, insertParticipant, membersUnder } from './activity.repository';

const PLANS: [kind: string, titles: string[], people: [number, number]][] = [
  ['culture', ['职工健步走', '职工气排球比赛', '“迎新春”职工文艺汇演', '职工书画摄影展', '职工篮球联赛'], [60, 400]],
  ['lecture', ['劳模工匠进企业宣讲', '“工会法”宣讲进社区', '劳模精神宣讲会', '党的二十届三中全会精神宣讲'], [40, 200]],
  ['visit', ['走访慰问一线职工', '夏送清凉走访', '慰问坚守岗位职工'], [20, 120]],
  ['volunteer', ['劳模志愿服务进社区', '“爱心驿站”志愿服务', '文明城市创建志愿服务'], [10, 40]],
  ['counselling', ['职工心理健康讲座', '“心灵驿站”心理疏导'], [15, 60]],
  ['wish', ['“微心愿”认领活动'], [20, 50]],
  ['children', ['“六一”关爱职工子女活动'], [30, 80]],
];

/**
 * The demo district's activities this year so far: about 60 across the streets and the district, lectures partly
 * by model workers, and volunteer activities with their volunteers named and their hours. Seed 33.
 */
export async function seedDemoActivities(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const { pick, int } = demoDraws(ctx.random(33));
  const dayOfYear = Math.round((Date.parse(ctx.today) - Date.parse(`${ctx.today.slice(0, 4)}-01-01`)) / 86_400_000);
  const organisers = [ctx.orgs[0]!, ...ctx.orgs.filter((o) => o.kind === 'street')];
  const volunteers = new Map<number, { id: number }[]>();
  for (const o of organisers) volunteers.set(o.id, await membersUnder(tx, o.path, 40));
  let people = 0;
  for (let i = 0; i < 60; i++) {
    const [kind, titles, [lo, hi]] = PLANS[i % PLANS.length]!;
    const org = pick(organisers);
    const personTimes = int(lo, hi);
    const volunteer = kind === 'volunteer';
    const { id } = await insertActivity(tx, { orgId: org.id, kind, title: pick(titles), heldOn: addDays(ctx.today, -int(1, Math.max(1, dayOfYear))), place: pick(['区职工服务中心', '街道党群服务中心', '社区文化广场', '企业会议室']), organisers: null, personTimes, reach: kind === 'lecture' ? personTimes * int(3, 10) : null, byModelWorkers: kind === 'lecture' ? int(0, 1) === 1 : volunteer, summary: null });
    if (!volunteer) continue;
    for (const m of (volunteers.get(org.id) ?? []).slice(int(0, 20)).slice(0, Math.min(personTimes, 8))) {
      await insertParticipant(tx, { activityId: id, memberId: m.id, role: 'volunteer', hours: int(2, 8) / 2 + 1 });
      people++;
    }
  }
  return `60 项活动，${people} 人次志愿者登记服务时长`;
}
