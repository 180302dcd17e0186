import type { Principal } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type AppDeps } from '@platform/context';
import { demoPdf } from '@platform/files';
import { addDays, chinaToday } from '@platform/periods';
import { memberWithUnionByAccount } from '@modules/members/server';
import * as repo from './mutual-aid.repository';
import * as service from './mutual-aid.service';

/**
 * The demo district's mutual aid: last year's inpatient plan (closed) and this year's (open all year), targets
 * for every street, about 7,000 members enrolled this year (the seed report's 「动员职工7000余名投保」) and some
 * 6,000 last year, and claims in every state. Enrolments go in bulk (one audit row per plan, as an import
 * writes); claims go through the service.
 */
export async function seedDemoMutualAid(base: Omit<AppDeps, 'now'>, actors: { district: Principal; memberAccountId?: number }) {
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const deps: AppDeps = { ...base, now: () => new Date() };
  const ctx = { principal: actors.district, ip: '127.0.0.1' };
  const root = actors.district;
  const streets = await repo.childrenOf(deps.db, root.orgId);
  const planIds: number[] = [];
  for (const [y, step, limit] of [[year - 1, 5, 6_000], [year, 4, 7_200]] as const) {
    const planId = await service.createPlan(deps, ctx, {
      year: y,
      name: `${y}年度职工住院医疗互助`,
      product: 'inpatient',
      premiumFen: 3000,
      maxShares: 3,
      benefitPerShareFen: 300_000,
      coverStart: `${y}-01-01`,
      coverEnd: `${y}-12-31`,
      enrolUntil: `${y}-12-31`,
    });
    planIds.push(planId);
    await service.setQuotas(deps, ctx, planId, streets.map((s, i) => ({ orgId: s.id, persons: [2000, 1800, 1600, 1500, 1200, 1000][i % 6]! })));
    const chosen = await repo.demoMembersUnder(deps.db, root.orgPath, step, limit);
    await repo.insertEnrolments(
      deps.db,
      chosen.map((m, i) => {
        const shares = 1 + (i % 7 === 0 ? 1 : 0) + (i % 23 === 0 ? 1 : 0);
        return { planId, memberId: m.member_id, orgId: m.org_id, shares, premiumFen: shares * 3000, paidOn: addDays(`${y}-01-10`, i % 80), source: 'import' };
      }),
    );
    await writeAudit(deps.db, { actor: actorOf(ctx), action: 'mutualaid.enrol', entityType: 'mutual_aid_plan', entityId: planId, orgId: root.orgId, orgPath: root.orgPath, summary: `批量参保（演示数据）：${chosen.length} 人` });
  }
  await service.closePlan(deps, ctx, planIds[0]!);
  // Claims: paid last year, and this year's in every state.
  const hospitals = ['区人民医院', '市第一人民医院', '区中医院', '市妇幼保健院'];
  const diagnoses = ['急性阑尾炎', '腰椎间盘突出症', '肺炎', '冠心病', '骨折', '胆囊结石'];
  let n = 0;
  for (const [planId, y] of [[planIds[0]!, year - 1], [planIds[1]!, year]] as const) {
    const { rows } = await repo.listEnrolments(deps.db, { permission: 'mutualaid.read', paths: [root.orgPath], accountId: root.accountId }, planId, { page: 1, pageSize: 12 });
    for (const [i, e] of rows.entries()) {
      const admitted = addDays(`${y}-02-01`, i * 20);
      if (admitted > today) continue;
      const claimed = 120_000 + i * 35_000;
      const id = await service.submitClaim(deps, ctx, { enrolmentId: e.e.id, diagnosis: diagnoses[i % diagnoses.length]!, hospital: hospitals[i % hospitals.length]!, admittedOn: admitted, dischargedOn: addDays(admitted, 6 + (i % 5)), claimedFen: claimed });
      await service.uploadClaimFile(deps, ctx, id, 'diagnosis', '诊断证明.pdf', demoPdf('diagnosis certificate'));
      await service.uploadClaimFile(deps, ctx, id, 'invoice', '住院费用发票和清单.pdf', demoPdf('invoice'));
      const state = y < year ? 'paid' : (['paid', 'paid', 'paid', 'approved', 'submitted', 'rejected'] as const)[i % 6]!;
      if (state === 'rejected') await service.decideClaim(deps, ctx, id, { action: 'reject', opinion: '住院日期在参保缴费之前，不属于保障范围' });
      if (state === 'approved' || state === 'paid') await service.decideClaim(deps, ctx, id, { action: 'approve', approvedFen: Math.min(claimed, e.e.shares * 300_000) - 20_000, opinion: '材料齐全，按规定给付' });
      if (state === 'paid') await service.decideClaim(deps, ctx, id, { action: 'pay', paidOn: addDays(admitted, 30) > today ? today : addDays(admitted, 30) });
      n++;
    }
  }
  // The demo member's own enrolment this year, with a claim paid (their phone page shows it).
  const own = actors.memberAccountId ? await memberWithUnionByAccount(deps.db, actors.memberAccountId) : null;
  if (own) {
    const existing = await repo.enrolmentOf(deps.db, planIds[1]!, own.id);
    const enrolmentId = existing?.status === 'enrolled' ? existing.id : await service.enrol(deps, ctx, planIds[1]!, { memberId: own.id, shares: 2, paidOn: `${year}-01-15` });
    const admitted = addDays(`${year}-01-15`, 30);
    if (admitted <= today) {
      const claim = await service.submitClaim(deps, ctx, { enrolmentId, diagnosis: '腰椎间盘突出症', hospital: '区中医院', admittedOn: admitted, dischargedOn: addDays(admitted, 8), claimedFen: 460_000 });
      const e = (await repo.enrolmentOf(deps.db, planIds[1]!, own.id))!;
      const left = e.shares * 300_000 - ((await repo.usedByEnrolment(deps.db, [e.id])).get(e.id) ?? 0);
      if (left > 0) {
        await service.decideClaim(deps, ctx, claim, { action: 'approve', approvedFen: Math.min(380_000, left), opinion: '材料齐全，按规定给付' });
        await service.decideClaim(deps, ctx, claim, { action: 'pay', paidOn: addDays(admitted, 25) > today ? today : addDays(admitted, 25) });
      }
    }
  }
  return n;
}
