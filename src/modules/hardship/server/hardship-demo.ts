import type { Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { demoPdf } from '@platform/files';
import { addDays, chinaToday } from '@platform/periods';
import type { CaseAction } from '../shared/case-machine';
import type { HardshipCause } from '../shared/category';
import type { AssessmentInput, StepInput } from '../shared/hardship.schema';
import { HardshipPermissions } from '../shared/hardship.permissions';
import * as repo from './hardship.repository';
import * as service from './hardship.service';
import * as aid from './aid.service';
import * as aidRepo from './aid.repository';
import * as screening from './screening.service';

const ALL = Object.values(HardshipPermissions).map((p) => p.name);
const yuan = (n: number) => n * 100;

/** A household: monthly per-capita income around `perCapitaYuan`, with one rigid expense. */
function household(size: number, perCapitaYuan: number, medicalYuan: number, on: string): AssessmentInput {
  const annual = perCapitaYuan * 12 * size + medicalYuan;
  return {
    assessedOn: on,
    householdSize: size,
    incomes: [
      { kind: 'wage', annualFen: yuan(Math.round(annual * 0.8)) },
      { kind: 'transfer', annualFen: yuan(annual - Math.round(annual * 0.8)) },
    ],
    expenses: medicalYuan ? [{ kind: 'medical', annualFen: yuan(medicalYuan) }] : [],
    accidentLossFen: 0,
    members: Array.from({ length: size }, (_, i) => ({ name: ['本人', '配偶', '子女', '父亲', '母亲'][i] ?? `家庭成员${i + 1}`, relation: ['本人', '配偶', '子女', '父亲', '母亲'][i] ?? '其他', health: i === 1 && medicalYuan ? ('chronic' as const) : ('healthy' as const) })),
  };
}

type Plan = { steps: CaseAction[]; perCapita: number; cause: HardshipCause; startedDaysAgo: number; exit?: 'escaped' | 'death'; relapse?: boolean };

/**
 * The demo district's hardship ledger, written through the service (so every case followed the declared
 * lifecycle and has its timeline and audit rows): thresholds for three years, and about 30 cases in every
 * state — applications waiting, visits due, a notice running and one ending, cases filed last year with
 * reviews due, exits (one relapsed), rejections and a withdrawal.
 */
export async function seedDemoHardship(base: Omit<AppDeps, 'now'>, actors: { district: Principal }): Promise<number> {
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  let clock = new Date();
  const deps: AppDeps = { ...base, now: () => clock };
  const ctx = { principal: actors.district, ip: '127.0.0.1' };
  for (const [y, v] of [[year - 2, 950], [year - 1, 1000], [year, 1050]] as const) {
    await service.saveThreshold(deps, ctx, { place: '全区', year: y, minimumLivingFen: yuan(v), source: `云溪区民政局 ${y} 年城乡低保标准通知（演示）` });
  }
  const through: CaseAction[] = ['first_review', 'record_visit', 'start_notice', 'end_notice', 'file'];
  const plans: Plan[] = [
    ...Array.from({ length: 3 }, (_, i): Plan => ({ steps: [], perCapita: 700 + i * 150, cause: 'illness', startedDaysAgo: 2 + i })),
    ...Array.from({ length: 2 }, (_, i): Plan => ({ steps: ['first_review'], perCapita: 820 + i * 400, cause: 'unemployment', startedDaysAgo: 20 + i * 5 })),
    { steps: ['first_review', 'record_visit'], perCapita: 900, cause: 'disability', startedDaysAgo: 25 },
    { steps: ['first_review', 'record_visit', 'start_notice'], perCapita: 640, cause: 'illness', startedDaysAgo: 16 },
    { steps: ['first_review', 'record_visit', 'start_notice'], perCapita: 1500, cause: 'education', startedDaysAgo: 13 },
    ...Array.from({ length: 2 }, (_, i): Plan => ({ steps: through.slice(0, 4), perCapita: 980 + i * 500, cause: 'accident', startedDaysAgo: 30 + i })),
    ...Array.from({ length: 12 }, (_, i): Plan => ({ steps: through, perCapita: 600 + (i % 6) * 230, cause: (['illness', 'disability', 'unemployment', 'education', 'disaster', 'illness'] as const)[i % 6]!, startedDaysAgo: 330 + i * 12 })),
    ...Array.from({ length: 3 }, (_, i): Plan => ({ steps: [...through, 'exit'], perCapita: 800 + i * 100, cause: 'unemployment', startedDaysAgo: 700 + i * 20, exit: i === 2 ? 'death' : 'escaped' })),
    { steps: [...through, 'exit', 'relapse'], perCapita: 850, cause: 'illness', startedDaysAgo: 760, exit: 'escaped', relapse: true },
    ...Array.from({ length: 2 }, (_, i): Plan => ({ steps: ['first_review', 'record_visit', 'reject'], perCapita: 3200 + i * 300, cause: 'other', startedDaysAgo: 60 + i * 7 })),
    { steps: ['withdraw'], perCapita: 1100, cause: 'education', startedDaysAgo: 15 },
  ];
  const candidates = await repo.demoCandidates(deps.db, plans.length);
  let made = 0;
  for (const [i, plan] of plans.entries()) {
    const who = candidates[i];
    if (!who) break;
    let day = addDays(today, -plan.startedDaysAgo);
    const at = (d: string) => (clock = new Date(`${d}T10:00:00+08:00`));
    at(day);
    const size = 2 + (i % 4);
    const id = await service.apply(
      deps,
      ctx,
      {
        memberId: who.id,
        primaryCause: plan.cause,
        secondaryCauses: i % 3 === 0 ? ['education'] : [],
        place: '全区',
        assessment: household(size, plan.perCapita, plan.cause === 'illness' ? 18_000 : 0, day),
        statement: '家庭收入低，生活困难，申请帮扶。（演示）',
        consent: { covers: ['name', 'union', 'category'] },
      },
      false,
    );
    made++;
    for (const action of plan.steps) {
      day = addDays(day, action === 'file' ? 3 : action === 'end_notice' ? 6 : action === 'exit' ? 400 : action === 'relapse' ? 120 : 4);
      if (day > today) day = today;
      at(day);
      if (action === 'withdraw') {
        // The member withdraws (the demo member has no login of their own): the same writes as withdrawOwn.
        await repo.updateCase(deps.db, id, { status: 'withdrawn', updatedAt: clock });
        await repo.insertEvent(deps.db, { caseId: id, action: 'withdraw', fromStatus: 'applied', toStatus: 'withdrawn', actorName: '申请人本人（演示）', at: clock });
        continue;
      }
      if (action === 'record_visit') {
        await service.uploadFile(deps, ctx, id, 'authorization', '家庭经济状况核对授权委托书.pdf', demoPdf('authorization'), false);
      }
      const input: StepInput = { action };
      if (action === 'record_visit') input.visit = { visitedOn: day, visitors: '工会主席、工会干事', findings: '家中有慢性病人，收入以工资为主，住房简陋。（演示）' };
      if (action === 'reject') input.opinion = '经入户核实，家庭人均收入高于认定标准，不予建档。（演示）';
      if (action === 'exit') {
        input.exitReason = plan.exit!;
        input.opinion = plan.exit === 'death' ? '申请人因病去世，档案退出。（演示）' : '家庭人均收入连续高于低保标准，办理脱困。（演示）';
        if (plan.exit === 'escaped') {
          input.monthsAbove = 6;
          await service.takeStep(deps, ctx, id, { action: 'review', assessment: household(size, 2600, 0, day) });
        }
      }
      if (action === 'relapse') {
        input.assessment = household(size, 700, 24_000, day);
        input.opinion = '配偶突发重病，家庭人均收入重新低于低保标准。（演示）';
      }
      await service.takeStep(deps, ctx, id, input);
    }
  }
  // Dates never after today (a demo seeded in January keeps its winter dates in the past).
  const past = (d: string) => (d < today ? d : addDays(today, -1));
  // This spring's district-wide screening, finished: the case files it found or updated, and members without hardship.
  clock = new Date(`${past(`${year}-03-01`)}T10:00:00+08:00`);
  const sid = await screening.startScreening(deps, ctx, { name: `${year}年困难职工摸底排查`, deadline: past(`${year}-04-30`), scopeNote: '各基层工会对本单位会员逐户排查（演示）' });
  for (const c of candidates.slice(0, plans.length)) {
    const living = await repo.livingCaseOf(deps.db, c.id);
    if (living) await screening.recordCheck(deps, ctx, sid, { memberId: c.id, outcome: 'case_updated' });
  }
  for (const c of await repo.demoCandidates(deps.db, 40)) await screening.recordCheck(deps, ctx, sid, { memberId: c.id, outcome: 'no_hardship' });
  await screening.finishScreening(deps, ctx, sid);
  // Last winter's 送温暖: the district's list from the cases on file (government funds), union-funded goods for the
  // same households, and a donation for gig workers; most approved and signed. Then this autumn's 金秋助学.
  const winterStart = past(`${year - 1}-12-20`);
  clock = new Date(`${winterStart}T10:00:00+08:00`);
  const winter = await aid.createCampaign(deps, ctx, { name: `${year - 1}年冬送温暖`, season: 'winter', startsOn: winterStart, endsOn: `${year}-02-15` < winterStart ? winterStart : `${year}-02-15`, budgets: { government: yuan(30_000), union: yuan(20_000), donation: yuan(5_000) } });
  await aid.buildRecipients(deps, ctx, winter, { source: 'cases', kind: 'seasonal', form: 'cash', amountFen: yuan(800), fundSource: 'government', givenOn: past(`${year}-01-10`) });
  // Donated winter clothing for a dozen gig workers (the list builder would reach every gig worker of the district).
  for (const g of (await aidRepo.recipientCandidates(deps.db, 'gig', actors.district.orgPath)).filter((r) => !r.caseId).slice(0, 12)) {
    await aid.recordAid(deps, ctx, { memberId: g.memberId, campaignId: winter, kind: 'seasonal', form: 'goods', amountFen: yuan(200), items: '防寒服、手套（演示）', fundSource: 'donation', givenOn: past(`${year}-01-12`) });
  }
  const paid = await aidRepo.listAid(deps.db, { permission: 'demo', paths: [actors.district.orgPath], accountId: actors.district.accountId }, { page: 1, pageSize: 500, campaignId: winter });
  for (const [k, r] of paid.rows.entries()) {
    if (k % 7 === 6) continue; // a few still wait for approval
    await aid.changeAid(deps, ctx, r.a.id, { action: 'approve' });
    if (k % 5 !== 4) await aid.changeAid(deps, ctx, r.a.id, { action: 'sign', signedOn: r.a.givenOn });
  }
  for (const c of candidates.slice(12, 16)) {
    await aid.recordAid(deps, ctx, { memberId: c.id, kind: 'living', form: 'goods', amountFen: yuan(300), items: '米、油（演示）', givenOn: past(`${year}-01-20`), fundSource: 'union' });
  }
  clock = new Date(`${past(`${year}-08-25`)}T10:00:00+08:00`);
  for (const c of candidates.slice(14, 17)) {
    const id = await aid.recordAid(deps, ctx, { memberId: c.id, kind: 'education', form: 'cash', schoolLevel: 'undergraduate', givenOn: past(`${year}-08-25`), fundSource: 'union' });
    await aid.changeAid(deps, ctx, id, { action: 'approve' });
  }
  return made;
}

/** The principal the seed acts as: the district administrator, with every hardship permission over the district. */
export function demoDistrictPrincipal(account: { id: number; username: string; displayName: string }, root: { id: number; path: string }): Principal {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    orgId: root.id,
    orgPath: root.path,
    roles: ['district_admin'],
    permissions: new Set(ALL),
    scopePaths: [root.path],
    sessionId: 'demo-seed',
    csrfToken: '',
    mustChangePassword: false,
  };
}
