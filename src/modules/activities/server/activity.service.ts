import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { defineErrors } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { memberWithUnionById } from '@modules/members/server';
import { findOrgInScope } from '@modules/organisations/server';
import { ActivityPermissions } from '../shared/activities.module';
import { ROLE, type ActivityInput } from '../shared/activity.ledger';
import * as repo from './activity.repository';

export const ActivityErrors = defineErrors('ACTIVITY', {
  NOT_FOUND: { status: 404, message: '这项活动不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '主办工会不存在或不在您的管辖范围内' },
  UNION_CLOSED: { status: 409, message: '主办工会已撤销，不能再登记活动' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在或不在您的管辖范围内' },
  FUTURE: { status: 400, message: '活动日期不能晚于今天：活动举办后再登记' },
  REACH: { status: 400, message: '辐射人次不能少于参与人次' },
  TOO_MANY: { status: 409, message: '登记的人员不能多于参与人次' },
  DUPLICATE: { status: 409, message: '这位会员已登记在这项活动中' },
  HOURS: { status: 400, message: '志愿者须填写志愿服务时长；参与职工不填时长' },
  PARTICIPANT_NOT_FOUND: { status: 404, message: '这位会员没有登记在这项活动中' },
});

const write = (ctx: ActionContext) => scopeFor(ctx.principal, ActivityPermissions.write.name);

/** The rules across fields the form's schema cannot state (the date, reach, the people named); the import calls it too. */
export function checkActivity(v: Pick<ActivityInput, 'heldOn' | 'personTimes'> & { reach?: number | null }, named: number, today: string) {
  if (v.heldOn > today) throw ActivityErrors.FUTURE();
  if (v.reach != null && v.reach < v.personTimes) throw ActivityErrors.REACH();
  if (v.personTimes < named) throw ActivityErrors.TOO_MANY(`已登记 ${named} 名人员，参与人次不能少于 ${named}`);
}

/** Records an activity held by a union in the writer's scope. */
export async function createActivity(deps: AppDeps, ctx: ActionContext, input: ActivityInput) {
  checkActivity(input, 0, chinaToday(deps.now()));
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw ActivityErrors.UNION_NOT_FOUND();
    if (union.org.closedOn) throw ActivityErrors.UNION_CLOSED();
    const row = await repo.insertActivity(tx, { ...input, byModelWorkers: input.byModelWorkers ?? false });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'activity.create', entityType: 'activity', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `登记活动“${row.title}”（${row.heldOn}，${row.personTimes} 人次）`, after: row });
    return row;
  });
}

/** Changes an activity (its union stays), checked merged with what the record holds and the people named. */
export async function updateActivity(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<ActivityInput, 'orgId'>>) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findActivity(tx, write(ctx), id, true);
    if (!found) throw ActivityErrors.NOT_FOUND();
    checkActivity({ ...found.activity, ...input }, found.named, chinaToday(deps.now()));
    const row = await repo.updateActivity(tx, id, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'activity.update', entityType: 'activity', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改活动“${row.title}”`, before: found.activity, after: row });
    return row;
  });
}

/** Names a member at an activity (a volunteer with the hours served); at most as many people as person-times. */
export async function addParticipant(deps: AppDeps, ctx: ActionContext, id: number, p: { memberId: number; role: string; hours?: number | null }) {
  if ((p.role === 'volunteer') !== (p.hours != null)) throw ActivityErrors.HOURS();
  return deps.db.transaction(async (tx) => {
    const found = await repo.findActivity(tx, write(ctx), id, true);
    if (!found) throw ActivityErrors.NOT_FOUND();
    const member = await memberWithUnionById(tx, p.memberId);
    if (!member || !pathInScope(write(ctx), member.orgPath)) throw ActivityErrors.MEMBER_NOT_FOUND();
    if (found.named >= found.activity.personTimes) throw ActivityErrors.TOO_MANY(`参与人次为 ${found.activity.personTimes}，已登记 ${found.named} 名人员；请先修改参与人次`);
    const row = await repo.insertParticipant(tx, { activityId: id, memberId: p.memberId, role: p.role, hours: p.hours ?? null });
    if (!row) throw ActivityErrors.DUPLICATE();
    await writeAudit(tx, { actor: actorOf(ctx), action: 'activity.participant_add', entityType: 'activity', entityId: id, orgId: found.activity.orgId, orgPath: found.orgPath, summary: `活动“${found.activity.title}”登记${ROLE.label(p.role)}${member.name}${p.hours ? `（${p.hours} 小时）` : ''}`, after: row });
  });
}

export async function removeParticipant(deps: AppDeps, ctx: ActionContext, id: number, memberId: number) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findActivity(tx, write(ctx), id, true);
    if (!found) throw ActivityErrors.NOT_FOUND();
    const row = await repo.deleteParticipant(tx, id, memberId);
    if (!row) throw ActivityErrors.PARTICIPANT_NOT_FOUND();
    await writeAudit(tx, { actor: actorOf(ctx), action: 'activity.participant_remove', entityType: 'activity', entityId: id, orgId: found.activity.orgId, orgPath: found.orgPath, summary: `活动“${found.activity.title}”移除一名登记人员`, before: row });
  });
}
