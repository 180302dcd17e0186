import type { Tx } from '@platform/db';
import { demoDraws, type DemoLoadContext } from '@platform/modules';
import { addDays } from '@platform/periods';
import { insertDecision, insertMeeting, markDone } from './meeting.repository';

const DECISIONS = ['开展“春送岗位”专项行动', '做好困难职工春节慰问', '推进新就业形态劳动者入会', '组织劳模疗休养', '落实年度经费预算', '开展职工书屋建设验收', '召开区总工会全委会', '开展“安康杯”竞赛'];
const OWNERS = ['组织部', '权益保障部', '经审办', '办公室', '宣教部', '女职工部'];

/**
 * The district federation's meetings this year so far: 主席办公会 about monthly, 常委会 quarterly, one 全委会, one
 * 政府工会联席会议, with decisions — most carried out, some open, a few past their deadline. Seed 34.
 */
export async function seedDemoMeetings(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const { pick, int } = demoDraws(ctx.random(34));
  const district = ctx.orgs[0]!;
  const dayOfYear = Math.round((Date.parse(ctx.today) - Date.parse(`${ctx.today.slice(0, 4)}-01-01`)) / 86_400_000);
  const plans: [string, string, number, string | null][] = [];
  for (let m = 0; m * 30 + 10 <= dayOfYear; m++) plans.push(['chair', `${ctx.today.slice(0, 4)}年第${m + 1}次主席办公会`, 7, null]);
  for (let q = 0; q * 90 + 20 <= dayOfYear; q++) plans.push(['standing', `十一届${['一', '二', '三', '四'][q]}次常委会`, 15, `十一届${['一', '二', '三', '四'][q]}次`]);
  plans.push(['plenary', '十一届三次全委会', 41, '十一届三次'], ['joint', '区政府与区总工会联席会议', 20, null]);
  let decisions = 0;
  for (const [i, [kind, title, total, session]] of plans.entries()) {
    const heldOn = addDays(`${ctx.today.slice(0, 4)}-01-01`, Math.min(dayOfYear - 1, i < 12 ? i * 30 + 10 : int(30, Math.max(31, dayOfYear - 1))));
    const meeting = await insertMeeting(tx, { orgId: district.id, kind, session, title, heldOn, place: '区总工会会议室', membersTotal: total, attendees: total - int(0, Math.floor(total / 5)), agenda: '传达学习上级文件精神；研究部署近期重点工作', minutes: null });
    for (let k = 0; k < int(1, 3); k++) {
      const dueOn = addDays(heldOn, int(15, 90));
      const d = await insertDecision(tx, { meetingId: meeting.id, content: pick(DECISIONS), owner: pick(OWNERS), dueOn });
      if (dueOn < addDays(ctx.today, -20) && int(0, 5) > 0) await markDone(tx, d.id, addDays(dueOn, -int(0, 10)), '已按期完成，形成书面报告');
      decisions++;
    }
  }
  return `${plans.length} 次会议，${decisions} 项决定事项`;
}
