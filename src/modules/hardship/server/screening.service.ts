import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { chinaToday } from '@platform/periods';
import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';
import { outsidePopulation, SCREENING_OUTCOME_LABELS, SCREENING_POPULATION_LABELS, type ScreeningPopulation } from '../shared/screening.schema';
import { HardshipPermissions } from '../shared/hardship.permissions';
import * as repo from './hardship.repository';
import * as screenings from './screening.repository';

const P = HardshipPermissions;

export const ScreeningErrors = defineErrors('SCREENING', {
  NOT_FOUND: { status: 404, message: '排查活动不存在或与您无关' },
  CLOSED: { status: 409, message: '排查活动已结束' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在、没有在会的会籍，或不在您的管辖范围内' },
  OUTSIDE: { status: 400, message: '该会员不在这次排查的范围内' },
  ALREADY: { status: 409, message: '该会员在这次排查中已登记过结果' },
  NO_CASE: { status: 400, message: '“发现困难”须先为该会员登记困难帮扶申请；“在档家庭”须该会员已有档案' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  screening_checks_campaign_member_key: ScreeningErrors.ALREADY,
});

export async function startScreening(deps: AppDeps, ctx: ActionContext, input: { name: string; deadline: string; scopeNote?: string | undefined; population?: ScreeningPopulation }) {
  return deps.db.transaction(async (tx) => {
    const population = input.population ?? 'all';
    const row = await screenings.insertScreening(tx, { orgId: ctx.principal.orgId, name: input.name, deadline: input.deadline, scopeNote: input.scopeNote || null, population, createdBy: ctx.principal.accountId });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hardship.screening', entityType: 'screening', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `开始摸底排查“${input.name}”（${SCREENING_POPULATION_LABELS[population]}），期限 ${input.deadline}` });
    return row.id;
  });
}

/** A union records one member it checked; the outcome must agree with the member's case file. */
export async function recordCheck(deps: AppDeps, ctx: ActionContext, screeningId: number, input: { memberId: number; outcome: keyof typeof SCREENING_OUTCOME_LABELS; note?: string | undefined }) {
  return deps.db.transaction(async (tx) => {
    const s = await screenings.screeningById(tx, screeningId);
    if (!s) throw ScreeningErrors.NOT_FOUND();
    if (s.s.status !== 'open') throw ScreeningErrors.CLOSED();
    const member = await repo.memberById(tx, input.memberId);
    if (!member || !pathInScope(scopeFor(ctx.principal, P.write.name), member.orgPath)) throw ScreeningErrors.MEMBER_NOT_FOUND();
    if (!member.orgPath.startsWith(s.orgPath)) throw ScreeningErrors.OUTSIDE();
    const living = await repo.livingCaseOf(tx, member.id);
    const outside = outsidePopulation(s.s.population as ScreeningPopulation, { ...member, caseOnFile: living?.status === 'assisted' });
    if (outside) throw ScreeningErrors.OUTSIDE(outside);
    if (input.outcome !== 'no_hardship' && !living) throw ScreeningErrors.NO_CASE();
    const row = await screenings.insertCheck(tx, {
      campaignId: screeningId,
      memberId: member.id,
      orgId: member.orgId,
      outcome: input.outcome,
      caseId: input.outcome === 'no_hardship' ? null : living!.id,
      note: input.note || null,
      checkedOn: chinaToday(deps.now()),
      checkedBy: ctx.principal.accountId,
    });
    if (!row) throw ScreeningErrors.ALREADY();
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hardship.screening', entityType: 'screening', entityId: screeningId, orgId: member.orgId, orgPath: member.orgPath, summary: `摸底排查“${s.s.name}”：${member.name} ${SCREENING_OUTCOME_LABELS[input.outcome]}` });
    return row.id;
  });
}

/** Closes a screening started by a union in the caller's scope. */
export async function finishScreening(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => {
    const s = await screenings.screeningById(tx, id);
    if (!s || !pathInScope(scopeFor(ctx.principal, P.write.name), s.orgPath)) throw ScreeningErrors.NOT_FOUND();
    if (s.s.status !== 'open') throw ScreeningErrors.CLOSED();
    await screenings.closeScreening(tx, id);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hardship.screening', entityType: 'screening', entityId: id, orgId: s.s.orgId, orgPath: s.orgPath, summary: `结束摸底排查“${s.s.name}”` });
  });
}
