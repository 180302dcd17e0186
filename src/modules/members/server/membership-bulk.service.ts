import { scopeFor, type Scope } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import { chinaToday } from '@platform/periods';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { LEAVE_REASONS } from '../shared/member-codes';
import { MemberPermissions } from '../shared/member.permissions';
import type { EndAllInput, TransferAllInput } from '../shared/membership-bulk.schema';
import { MemberErrors } from './member.errors';
import * as repo from './member.repository';
import * as bulk from './membership-bulk.repository';

/*
 * Moving or ending ALL open memberships of one union at once, so that a union can be closed with no member left
 * in it (organisations' closeOrg refuses while any is open). Separate from the single-member transfer flow.
 */

const writeScope = (ctx: ActionContext): Scope => scopeFor(ctx.principal, MemberPermissions.write.name);

async function openUnionInScope(db: DbOrTx, scope: Scope, orgId: number, notFound = MemberErrors.ORG_NOT_FOUND) {
  const org = await repo.findOpenGrassrootsOrg(db, { id: orgId }, grassrootsKinds());
  if (!org || !scope.paths.some((p) => org.path.startsWith(p))) throw notFound();
  return org;
}

/** The date may not be in the future nor before the latest joining date among the memberships it ends. */
function checkBulkDate(date: string, today: string, latestJoinedOn: string | null) {
  if (date > today) throw MemberErrors.FUTURE_DATE();
  if (latestJoinedOn && date < latestJoinedOn) throw MemberErrors.DATE_BEFORE_JOIN(`有会员的入会日期晚于所选日期（最晚为 ${latestJoinedOn}），请选择 ${latestJoinedOn} 或之后的日期`);
}

/** How many memberships of a union in the caller's scope are still open. */
export async function openMemberships(deps: AppDeps, ctx: ActionContext, orgId: number) {
  const org = await repo.findOpenGrassrootsOrg(deps.db, { id: orgId }, grassrootsKinds());
  const scope = scopeFor(ctx.principal, MemberPermissions.read.name);
  if (!org || !scope.paths.some((p) => org.path.startsWith(p))) throw MemberErrors.ORG_NOT_FOUND();
  return { orgId, ...(await bulk.openMembershipsOf(deps.db, orgId)) };
}

/**
 * Transfers every open membership of `fromOrgId` to `toOrgId` (both open grassroots unions in the caller's
 * write scope) on one date: each is closed as 转出 and continued in the target, as a single transfer would.
 * One transaction; one audit row on each union.
 */
export async function transferAllMemberships(deps: AppDeps, ctx: ActionContext, input: TransferAllInput) {
  const today = chinaToday(deps.now());
  const scope = writeScope(ctx);
  return deps.db.transaction(async (tx) => {
    const from = await openUnionInScope(tx, scope, input.fromOrgId);
    const to = await openUnionInScope(tx, scope, input.toOrgId, () => MemberErrors.ORG_NOT_FOUND('转入工会不存在、已撤销、不是基层工会或不在您的管辖范围内'));
    if (from.id === to.id) throw MemberErrors.SAME_ORG();
    const open = await bulk.openMembershipsOf(tx, from.id);
    checkBulkDate(input.transferredOn, today, open.latestJoinedOn);
    const remark = input.remark?.trim() || null;
    const closed = await bulk.closeAllMemberships(tx, from.id, input.transferredOn, 'transfer', remark);
    await bulk.continueMemberships(tx, closed, to.id, input.transferredOn, remark);
    const summary = `“${from.name}”的 ${closed.length} 名会员整体转入“${to.name}”（${input.transferredOn}）${remark ? `；备注：${remark}` : ''}`;
    for (const org of [from, to]) {
      await writeAudit(tx, {
        actor: actorOf(ctx),
        action: 'member.transfer_all',
        entityType: 'organisation',
        entityId: from.id,
        orgId: org.id,
        orgPath: org.path,
        summary,
        after: { from: from.name, to: to.name, date: input.transferredOn, count: closed.length, membershipIds: closed.map((c) => c.id) },
      });
    }
    return { count: closed.length };
  });
}

/** Ends every open membership of a union in the caller's write scope on one date with one reason; audited. */
export async function endAllMemberships(deps: AppDeps, ctx: ActionContext, input: EndAllInput) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const org = await openUnionInScope(tx, writeScope(ctx), input.orgId);
    const open = await bulk.openMembershipsOf(tx, org.id);
    checkBulkDate(input.leftOn, today, open.latestJoinedOn);
    const remark = input.remark?.trim() || null;
    const closed = await bulk.closeAllMemberships(tx, org.id, input.leftOn, input.reason, remark);
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'member.leave_all',
      entityType: 'organisation',
      entityId: org.id,
      orgId: org.id,
      orgPath: org.path,
      summary: `“${org.name}”的 ${closed.length} 名会员整体退会（${LEAVE_REASONS[input.reason]}，${input.leftOn}）${remark ? `；备注：${remark}` : ''}`,
      after: { reason: input.reason, leftOn: input.leftOn, count: closed.length, membershipIds: closed.map((c) => c.id) },
    });
    return { count: closed.length };
  });
}
