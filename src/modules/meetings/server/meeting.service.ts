import { scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { defineErrors } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { findOrgInScope } from '@modules/organisations/server';
import { MeetingPermissions } from '../shared/meetings.module';
import { MEETING_KIND, QUORUM_KINDS, type MeetingInput } from '../shared/meeting.ledger';
import * as repo from './meeting.repository';

export const MeetingErrors = defineErrors('MEETING', {
  NOT_FOUND: { status: 404, message: '这次会议不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '工会不存在或不在您的管辖范围内' },
  UNION_CLOSED: { status: 409, message: '工会已撤销，不能再登记会议' },
  MOVED_AFTER: { status: 409, message: '会议日期不能晚于它的决定事项的完成期限或落实日期' },
  FUTURE: { status: 400, message: '会议日期不能晚于今天：会议召开后再登记' },
  ATTENDANCE: { status: 400, message: '实到人数不能多于应到人数' },
  NO_QUORUM: { status: 409, message: '出席人数未达到应到人数的三分之二，会议不能作出决定' },
  DECISION_NOT_FOUND: { status: 404, message: '这项决定事项不存在' },
  DUE_BEFORE: { status: 400, message: '完成期限不能早于会议日期' },
  DONE: { status: 409, message: '这项决定事项已落实' },
  DONE_DATE: { status: 400, message: '落实日期应在会议日期和今天之间' },
});

const write = (ctx: ActionContext) => scopeFor(ctx.principal, MeetingPermissions.write.name);
/** At least two thirds present, for the meetings that have a quorum rule; null for the others. */
export const quorumMet = (kind: string, total: number, present: number) => (QUORUM_KINDS.includes(kind) ? present * 3 >= total * 2 : null);

function check(v: Pick<MeetingInput, 'heldOn' | 'membersTotal' | 'attendees'>, today: string) {
  if (v.heldOn > today) throw MeetingErrors.FUTURE();
  if (v.attendees > v.membersTotal) throw MeetingErrors.ATTENDANCE();
}

export async function createMeeting(deps: AppDeps, ctx: ActionContext, input: MeetingInput) {
  check(input, chinaToday(deps.now()));
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw MeetingErrors.UNION_NOT_FOUND();
    if (union.org.closedOn) throw MeetingErrors.UNION_CLOSED();
    const row = await repo.insertMeeting(tx, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'meeting.create', entityType: 'meeting', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `登记${MEETING_KIND.label(row.kind)}“${row.title}”（${row.heldOn}）`, after: row });
    return row;
  });
}

export async function updateMeeting(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<MeetingInput, 'orgId'>>) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findMeeting(tx, write(ctx), id, true);
    if (!found) throw MeetingErrors.NOT_FOUND();
    const merged = { ...found.meeting, ...input };
    check(merged, chinaToday(deps.now()));
    if (input.heldOn && input.heldOn > found.meeting.heldOn) {
      const dates = (await repo.decisionsOf(tx, id)).flatMap((d) => [d.dueOn, d.doneOn ?? d.dueOn]);
      if (dates.some((x) => x < input.heldOn!)) throw MeetingErrors.MOVED_AFTER();
    }
    if (found.decisions > 0 && quorumMet(merged.kind, merged.membersTotal, merged.attendees) === false) throw MeetingErrors.NO_QUORUM('会议已作出决定：出席人数不能改到应到人数的三分之二以下');
    const row = await repo.updateMeeting(tx, id, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'meeting.update', entityType: 'meeting', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改会议“${row.title}”`, before: found.meeting, after: row });
    return row;
  });
}

/** Records a decision of a meeting that could decide (quorum), with its owner and deadline. */
export async function addDecision(deps: AppDeps, ctx: ActionContext, id: number, v: { content: string; owner: string; dueOn: string }) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findMeeting(tx, write(ctx), id, true);
    if (!found) throw MeetingErrors.NOT_FOUND();
    const mt = found.meeting;
    if (quorumMet(mt.kind, mt.membersTotal, mt.attendees) === false) throw MeetingErrors.NO_QUORUM(`出席 ${mt.attendees} 人，未达到应到 ${mt.membersTotal} 人的三分之二，会议不能作出决定`);
    if (v.dueOn < mt.heldOn) throw MeetingErrors.DUE_BEFORE();
    const row = await repo.insertDecision(tx, { meetingId: id, ...v });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'meeting.decision_add', entityType: 'meeting', entityId: id, orgId: mt.orgId, orgPath: found.orgPath, summary: `“${mt.title}”决定：${row.content}（${row.owner}，${row.dueOn} 前）`, after: row });
  });
}

/** Marks a decision carried out, with how. */
export async function decisionDone(deps: AppDeps, ctx: ActionContext, id: number, decisionId: number, v: { doneOn: string; followUp: string }) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findMeeting(tx, write(ctx), id, true);
    if (!found) throw MeetingErrors.NOT_FOUND();
    const dec = await repo.findDecision(tx, id, decisionId);
    if (!dec) throw MeetingErrors.DECISION_NOT_FOUND();
    if (dec.doneOn) throw MeetingErrors.DONE();
    if (v.doneOn < found.meeting.heldOn || v.doneOn > chinaToday(deps.now())) throw MeetingErrors.DONE_DATE();
    const row = await repo.markDone(tx, decisionId, v.doneOn, v.followUp);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'meeting.decision_done', entityType: 'meeting', entityId: id, orgId: found.meeting.orgId, orgPath: found.orgPath, summary: `“${found.meeting.title}”决定事项已落实：${row.content}（${row.doneOn}）`, before: { doneOn: null }, after: { doneOn: row.doneOn, followUp: row.followUp } });
  });
}
