import type { Tx } from '@platform/db';
import { demoDraws, type DemoLoadContext } from '@platform/modules';
import { maskName } from '@platform/privacy';
import { addDays } from '@platform/periods';
import { insertCase, insertCaseEvent, insertEvent, updateCase } from './legal.repository';

const EVENTS: [kind: string, title: string, audience: [number, number]][] = [
  ['enterprise', '“尊法守法 携手筑梦”送法进企业', [120, 400]],
  ['community', '《民法典》宣讲进社区', [80, 200]],
  ['site', '农民工工资支付条例送法进工地', [60, 180]],
  ['lecture', '《劳动合同法》专题讲座', [50, 150]],
  ['contest', '职工法律知识竞赛', [200, 600]],
  ['consultation', '“法援惠民生”法律咨询日', [40, 120]],
];
const EMPLOYERS = ['云溪建设工程有限公司', '城东物流有限公司', '锦绣餐饮管理有限公司', '南湖电子科技有限公司', '北山纺织有限公司', '新港保安服务有限公司', '星河家政服务有限公司'];
const NAMES = ['张伟', '王芳', '李娜', '刘强', '陈静', '杨洋', '赵磊', '黄敏', '周杰', '吴婷', '徐明', '孙丽'];
const ISSUES = ['wage_arrears', 'wage_arrears', 'injury', 'contract', 'dismissal', 'social_insurance', 'hours'];

/**
 * The demo district's legal education this year so far (about 24 events) and about 40 legal service cases in every
 * state: online requests waiting, cases in hand, closed with money recovered, declined. Seed 36.
 */
export async function seedDemoLegal(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const { pick, int } = demoDraws(ctx.random(36));
  const cipher = ctx.cipher;
  const me = ctx.accounts.member;
  const year = ctx.today.slice(0, 4);
  const dayOfYear = Math.max(2, Math.round((Date.parse(ctx.today) - Date.parse(`${year}-01-01`)) / 86_400_000));
  const organisers = [ctx.orgs[0]!, ...ctx.orgs.filter((o) => o.kind === 'street')];
  let audience = 0;
  for (let i = 0; i < 24; i++) {
    const [kind, title, [lo, hi]] = EVENTS[i % EVENTS.length]!;
    const n = int(lo, hi);
    audience += n;
    await insertEvent(tx, { orgId: pick(organisers).id, kind, title, heldOn: addDays(ctx.today, -int(1, dayOfYear - 1)), place: pick(['区职工服务中心', '街道党群服务中心', '园区广场', '项目工地', '企业会议室']), audience: n, materials: n * int(1, 4), speakers: pick(['区职工法律援助工作站律师', '区总工会法律顾问', '街道司法所工作人员']), summary: null });
  }
  const states = ['requested', 'requested', 'requested', 'declined', ...Array(14).fill('handling'), ...Array(22).fill('closed')] as string[];
  for (const [i, status] of states.entries()) {
    const receivedOn = addDays(ctx.today, -(status === 'requested' ? int(0, 4) : int(5, Math.max(6, dayOfYear - 1))));
    // The demo member's own request (their phone page shows it waiting); the rest are other workers'.
    const mine = i === 0 && me ? me : null;
    const org = mine ? { id: mine.orgId } : pick(organisers);
    const name = mine ? mine.displayName.replace(/（.*）$/, '') : pick(NAMES);
    const kind = status === 'requested' || status === 'declined' ? 'consultation' : pick(['consultation', 'consultation', 'mediation', 'aid', 'arbitration', 'litigation']);
    const accepted = status === 'handling' || status === 'closed';
    const closedOn = status === 'closed' || status === 'declined' ? addDays(receivedOn, int(1, 4)) : null;
    const wage = ISSUES[i % ISSUES.length] === 'wage_arrears';
    const row = await insertCase(tx, {
      caseNo: `FW${year}${String(i + 1).padStart(4, '0')}`, orgId: org.id, status, kind, issue: ISSUES[i % ISSUES.length]!, source: status === 'requested' || status === 'declined' ? 'online' : pick(['visit', 'phone', 'referral']),
      receivedOn, acceptedOn: accepted ? receivedOn : null, closedOn: closedOn && closedOn > ctx.today ? ctx.today : closedOn, workerMasked: maskName(name), employerName: pick(EMPLOYERS), workersAffected: wage ? int(1, 30) : 1,
      handledBy: accepted ? pick(['李律师', '王律师', '区总工会权益保障部']) : null, outcome: status === 'closed' ? pick(['resolved', 'resolved', 'partly', 'advised', 'referred']) : null,
      amountRecoveredFen: status === 'closed' && wage ? int(20, 600) * 10_000 : null, detailEnc: '', requestedBy: mine ? mine.id : null,
    });
    await updateCase(tx, row.id, { detailEnc: cipher.encrypt(JSON.stringify({ workerName: name, phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`, facts: wage ? '公司拖欠近三个月工资，多次讨要未果，请求工会帮助。' : '与用人单位就劳动关系发生争议，咨询如何依法维权。' }), { table: 'legal_cases', column: 'detail', rowId: row.id }) });
    await insertCaseEvent(tx, { caseId: row.id, step: accepted ? 'receive' : 'request', on: receivedOn });
    if (row.closedOn) await insertCaseEvent(tx, { caseId: row.id, step: status === 'closed' ? 'close' : 'decline', on: row.closedOn, toWorker: true, noteEnc: cipher.encrypt(status === 'closed' ? '经调解，双方达成一致。' : '所述事项不属于劳动争议，建议向市场监管部门反映。', { table: 'legal_case_events', column: 'note', rowId: row.id }) });
  }
  return `24 场普法活动（服务职工 ${audience} 人），${states.length} 件法律服务案件`;
}
