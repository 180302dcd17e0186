import type { Tx } from '@platform/db';
import { demoDraws, type DemoLoadContext } from '@platform/modules';
import { addDays } from '@platform/periods';
import { memberWithUnionByAccount } from '@modules/members/server';
import { insertCongress, insertDelegatesBulk, insertDirector, insertDisclosure, insertProposal, insertSession } from './congress.repository';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = { male: ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '建华', '志强', '晓东'], female: ['芳', '娜', '敏', '静', '艳', '丽', '婷', '秀英', '海燕', '晓燕', '雪梅'] };
const MATTERS: [category: string, matter: string][] = [
  ['rights', '年度职工福利费使用情况'],
  ['rights', '职工工资调整方案'],
  ['operation', '上半年生产经营情况'],
  ['decision', '车间搬迁和岗位调整方案'],
  ['rules', '修订后的考勤和休假制度'],
  ['rights', '职工培训计划和经费'],
  ['integrity', '业务招待费和公务用车情况'],
  ['rights', '劳动保护用品发放标准'],
];
const PROPOSALS = ['关于改善职工食堂伙食的建议', '关于增设夜班休息室的建议', '关于完善技能等级津贴的建议', '关于开展职工子女暑期托管的建议', '关于更新一线劳保用品的建议', '关于优化通勤班车线路的建议'];

/**
 * About 30 units' congresses (most lawful, some failing a ratio, small units' 职工大会, state-owned companies with
 * and without a worker director), their delegates, this year's sessions, proposals in every state (the demo
 * member is a delegate with a proposal answered), and 厂务公开 items. Seed 37.
 */
export async function seedDemoCongresses(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const { pick, int } = demoDraws(ctx.random(37));
  const year = ctx.today.slice(0, 4);
  const dayOfYear = Math.max(30, Math.round((Date.parse(ctx.today) - Date.parse(`${year}-01-01`)) / 86_400_000));
  const person = (sex: 'male' | 'female' = int(0, 1) ? 'female' : 'male') => pick([...SURNAMES]) + pick(GIVEN[sex]);
  const me = ctx.accounts.member ? await memberWithUnionByAccount(tx, ctx.accounts.member.id) : null;
  const grassroots = ctx.orgs.filter((o) => ['enterprise', 'institution'].includes(o.kind));
  const units = [...(me ? grassroots.filter((o) => o.id === me.orgId) : []), ...grassroots.filter((o) => o.id !== me?.orgId)].slice(0, 32);
  let delegateCount = 0;
  let proposalCount = 0;
  for (const [i, unit] of units.entries()) {
    const small = i % 8 === 7;
    const staff = small ? int(30, 95) : pick([int(120, 900), int(120, 900), int(1000, 2400)]);
    const failing = i % 10 === 4; // too few front-line delegates
    const stateOwned = i % 6 === 2;
    const termStartsOn = addDays(ctx.today, -int(200, 900));
    const c = await insertCongress(tx, { orgId: unit.id, form: small ? 'assembly' : 'congress', establishedOn: addDays(termStartsOn, -int(0, 2000)), termNo: int(1, 5), termStartsOn, termYears: 3, staff, womenStaff: Math.round(staff * (int(25, 55) / 100)), stateOwned, note: null });
    if (!small) {
      const n = staff >= 1000 ? int(102, 120) : int(32, 45);
      const women = Math.round((n * (c.womenStaff ?? 0)) / staff) + 1;
      const rows = Array.from({ length: n }, (_, k) => ({
        congressId: c.id, memberId: null as number | null, name: person(k < women ? 'female' : 'male'), sex: k < women ? 'female' : 'male',
        category: failing ? (k % 5 < 2 ? 'frontline' : k % 5 === 4 ? 'manager' : 'technical') : k % 10 < 6 ? 'frontline' : k % 10 < 8 ? 'technical' : 'manager',
        dept: pick(['生产一部', '生产二部', '技术中心', '仓储物流部', '综合管理部']), electedOn: termStartsOn, leftOn: k === n - 1 ? addDays(ctx.today, -int(1, 100)) : null,
      }));
      if (i === 0 && me) Object.assign(rows[0]!, { memberId: me.id, name: me.name, sex: me.sex === 'female' ? 'female' : 'male', category: 'frontline' });
      await insertDelegatesBulk(tx, rows);
      delegateCount += n - 1;
      if (!failing) {
        const total = n - 1;
        const present = Math.ceil(total * 0.9);
        await insertSession(tx, { congressId: c.id, kind: 'plenary', termNo: c.termNo, sessionNo: int(1, 3), heldOn: addDays(ctx.today, -int(10, Math.min(dayOfYear - 1, 190))), total, present, agenda: '审议行政工作报告；审议职工福利费使用情况；审议集体合同草案', votes: [{ matter: '集体合同草案', votesFor: present - 2, votesAgainst: 1, abstain: 1, passed: true }], resolutions: '通过集体合同草案，提交双方首席代表签字。' });
        if (stateOwned && i % 12 !== 2) await insertDirector(tx, { congressId: c.id, role: 'director', name: person(), board: `${unit.name.replace(/工会.*$/, '')}董事会`, electedOn: termStartsOn, votesFor: Math.ceil(total * 0.8), delegatesTotal: total, termEndsOn: addDays(termStartsOn, 365 * 3), reports: [] });
        if (stateOwned) await insertDirector(tx, { congressId: c.id, role: 'supervisor', name: person(), board: `${unit.name.replace(/工会.*$/, '')}监事会`, electedOn: termStartsOn, votesFor: Math.ceil(total * 0.75), delegatesTotal: total, termEndsOn: addDays(termStartsOn, 365 * 3), reports: [] });
        for (let k = 0; k < 2; k++) {
          const status = pick(['submitted', 'accepted', 'replied', 'rated', 'rated', 'rejected']);
          const ago = int(20, Math.min(dayOfYear - 1, 190));
          // A proposal still waiting for its reply is recent (the 30-day deadline mostly kept); one unit in ten is late.
          const mine = i === 0 && k === 0 && me && ctx.accounts.member;
          const waiting = !mine && (status === 'submitted' || status === 'accepted');
          const submittedOn = addDays(ctx.today, -(waiting && i % 10 !== 3 ? Math.min(6 + (ago % 20), dayOfYear - 1) : ago));
          const accepted = ['accepted', 'replied', 'rated'].includes(status);
          await insertProposal(tx, {
            congressId: c.id, status: mine ? 'replied' : status, title: pick(PROPOSALS), content: '一线职工反映较多，建议行政方面研究解决，并在下次职代会上报告落实情况。', proposer: mine ? me.name : person(), coSigners: `${person()}、${person()}`,
            submittedBy: mine ? ctx.accounts.member!.id : null, submittedOn, acceptedOn: accepted || mine ? addDays(submittedOn, 5) : null, department: accepted || mine ? pick(['行政部', '后勤保障部', '人力资源部']) : null,
            reply: ['replied', 'rated'].includes(status) || mine ? '已列入今年工作计划，预计三季度完成。' : null, repliedOn: ['replied', 'rated'].includes(status) || mine ? addDays(submittedOn, 15) : null,
            satisfaction: status === 'rated' && !mine ? pick(['satisfied', 'satisfied', 'basic']) : null, opinion: status === 'rejected' && !mine ? '属于个人诉求，已转有关部门答复。' : null,
          });
          proposalCount++;
        }
      }
    }
    for (let k = 0; k < (small ? 2 : 5); k++) {
      const [category, matter] = MATTERS[(i + k) % MATTERS.length]!;
      await insertDisclosure(tx, { orgId: unit.id, matter: `${year} 年${matter}`, category, channel: pick(['board', 'congress', 'online', 'meeting']), disclosedOn: addDays(ctx.today, -int(1, dayOfYear - 1)), periodLabel: null, content: null, feedback: k === 0 ? '收到职工意见 2 条，已逐一答复' : null });
    }
  }
  return `${units.length} 个单位的职代会（职工代表 ${delegateCount} 人，提案 ${proposalCount} 件）和厂务公开`;
}
