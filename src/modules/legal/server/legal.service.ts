import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, type Tx } from '@platform/db';
import { defineErrors } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { maskName } from '@platform/privacy';
import { runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { memberWithUnionByAccount, memberWithUnionById } from '@modules/members/server';
import { findOrgInScope } from '@modules/organisations/server';
import { CASE_MACHINE, type CaseStatus, type CaseStep } from '../shared/legal-machine';
import { CASE_ISSUE, CASE_KIND, CASE_OUTCOME, EVENT_KIND, type CaseStepInput, type LegalCaseInput, type LegalEventInput, type LegalRequestInput } from '../shared/legal.ledger';
import { LegalPermissions as P } from '../shared/legal.module';
import * as repo from './legal.repository';
import type { legalCases } from './legal.table';

export const LegalErrors = defineErrors('LEGAL', {
  EVENT_NOT_FOUND: { status: 404, message: '这场普法活动不存在或不在您的管辖范围内' },
  CASE_NOT_FOUND: { status: 404, message: '这件法律服务案件不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '工会不存在或不在您的管辖范围内' },
  UNION_CLOSED: { status: 409, message: '工会已撤销，不能再登记' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在或不在您的管辖范围内' },
  NOT_A_MEMBER: { status: 403, message: '您的账号还没有关联会员信息，请联系所在工会' },
  FUTURE: { status: 400, message: '日期不能晚于今天' },
  BAD_DATE: { status: 400, message: '日期不正确' },
  NO_WORKER: { status: 400, message: '请选择会员，或填写职工姓名（非会员职工）' },
  MISSING: { status: 400, message: '请填写这一事项的必填项' },
  ILLEGAL: { status: 409, message: '当前状态不能办理这一事项' },
  FORBIDDEN: { status: 403, message: '您不能办理这一事项' },
  OPINION: { status: 400, message: '请填写意见' },
  TOO_MANY_OPEN: { status: 409, message: '您已有 3 件求助正在等待受理，请等工会联系您后再提交' },
});

const write = (ctx: ActionContext) => scopeFor(ctx.principal, P.write.name);
type CaseValues = typeof legalCases.$inferSelect;

// --- events ---------------------------------------------------------------------------------------------------

/** The rule across fields the form's schema cannot state: an event is recorded after it is held. The import calls it too. */
export function checkEvent(v: Pick<LegalEventInput, 'heldOn'>, today: string) {
  if (v.heldOn > today) throw LegalErrors.FUTURE('活动日期不能晚于今天：活动举办后再登记');
}

export async function createEvent(deps: AppDeps, ctx: ActionContext, input: LegalEventInput) {
  checkEvent(input, chinaToday(deps.now()));
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw LegalErrors.UNION_NOT_FOUND('主办工会不存在或不在您的管辖范围内');
    if (union.org.closedOn) throw LegalErrors.UNION_CLOSED('主办工会已撤销，不能再登记普法活动');
    const row = await repo.insertEvent(tx, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'legal_event.create', entityType: 'legal_event', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `登记${EVENT_KIND.label(row.kind)}“${row.title}”（${row.heldOn}，服务职工 ${row.audience} 人）`, after: row });
    return row;
  });
}

export async function updateEvent(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<LegalEventInput, 'orgId'>>) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findEvent(tx, write(ctx), id, true);
    if (!found) throw LegalErrors.EVENT_NOT_FOUND();
    checkEvent({ ...found.event, ...input }, chinaToday(deps.now()));
    const row = await repo.updateEvent(tx, id, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'legal_event.update', entityType: 'legal_event', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改普法活动“${row.title}”`, before: found.event, after: row });
    return row;
  });
}

// --- cases ----------------------------------------------------------------------------------------------------

/** The personal part of a case, stored encrypted and bound to its row (a ciphertext moved to another case fails). */
interface CaseDetail {
  workerName: string;
  phone: string | null;
  facts: string;
}
const detailContext = (id: number) => ({ table: 'legal_cases', column: 'detail', rowId: id });
const noteContext = (caseId: number) => ({ table: 'legal_case_events', column: 'note', rowId: caseId });
export const decryptDetail = (deps: AppDeps, c: CaseValues): CaseDetail => JSON.parse(deps.cipher.decrypt(c.detailEnc, detailContext(c.id))) as CaseDetail;
export const decryptNote = (deps: AppDeps, caseId: number, token: string) => deps.cipher.decrypt(token, noteContext(caseId));

/** Inserts a case under the year's number lock, then seals its personal part with the row's id. */
async function insertCase(deps: AppDeps, tx: Tx, values: Omit<typeof legalCases.$inferInsert, 'caseNo' | 'detailEnc' | 'workerMasked'>, detail: CaseDetail) {
  const year = Number(values.receivedOn.slice(0, 4));
  await lockKey(tx, 'legal.case-no', year);
  const caseNo = await repo.nextCaseNo(tx, year);
  const row = await repo.insertCase(tx, { ...values, caseNo, workerMasked: maskName(detail.workerName), detailEnc: '' });
  return repo.updateCase(tx, row.id, { detailEnc: deps.cipher.encrypt(JSON.stringify(detail), detailContext(row.id)) });
}

const caseAudit = (c: CaseValues) => ({ caseNo: c.caseNo, status: c.status, kind: c.kind, issue: c.issue, employerName: c.employerName, workersAffected: c.workersAffected, workerMasked: c.workerMasked });

/** Records a case the union took at the counter, by phone or by referral: 办理中 from the day received. */
export async function createCase(deps: AppDeps, ctx: ActionContext, input: LegalCaseInput) {
  if (input.receivedOn > chinaToday(deps.now())) throw LegalErrors.FUTURE('受理日期不能晚于今天');
  if (!input.memberId && !input.workerName) throw LegalErrors.NO_WORKER();
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw LegalErrors.UNION_NOT_FOUND('受理工会不存在或不在您的管辖范围内');
    if (union.org.closedOn) throw LegalErrors.UNION_CLOSED('受理工会已撤销，不能再登记案件');
    let workerName = input.workerName ?? null;
    if (input.memberId) {
      const member = await memberWithUnionById(tx, input.memberId);
      if (!member || !pathInScope(write(ctx), member.orgPath)) throw LegalErrors.MEMBER_NOT_FOUND();
      workerName = member.name;
    }
    const { facts, phone, workerName: _w, ...rest } = input;
    const row = await insertCase(deps, tx, { ...rest, memberId: input.memberId ?? null, status: 'handling', acceptedOn: input.receivedOn }, { workerName: workerName!, phone: phone ?? null, facts });
    await repo.insertCaseEvent(tx, { caseId: row.id, step: 'receive', on: row.receivedOn });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'legal_case.create', entityType: 'legal_case', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `受理${CASE_KIND.label(row.kind)}案件 ${row.caseNo}（${CASE_ISSUE.label(row.issue)}，${row.employerName}，${row.workersAffected} 人）`, after: caseAudit(row) });
    return row;
  });
}

/** A member asks for legal help on their phone: a request to their own union, 待受理 until the union accepts it. */
export async function requestHelp(deps: AppDeps, ctx: ActionContext, input: LegalRequestInput) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const member = await memberWithUnionByAccount(tx, ctx.principal.accountId);
    if (!member) throw LegalErrors.NOT_A_MEMBER();
    const waiting = (await repo.casesRequestedBy(tx, ctx.principal.accountId)).filter((r) => r.c.status === 'requested');
    if (waiting.length >= 3) throw LegalErrors.TOO_MANY_OPEN();
    const { facts, phone, ...rest } = input;
    const row = await insertCase(deps, tx, { ...rest, orgId: member.orgId, status: 'requested', kind: 'consultation', source: 'online', receivedOn: today, memberId: member.id, requestedBy: ctx.principal.accountId }, { workerName: member.name, phone, facts });
    await repo.insertCaseEvent(tx, { caseId: row.id, step: 'request', on: today });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'legal_case.request', entityType: 'legal_case', entityId: row.id, orgId: member.orgId, orgPath: member.orgPath, summary: `会员网上申请法律帮助 ${row.caseNo}（${CASE_ISSUE.label(row.issue)}，${row.employerName}）`, after: caseAudit(row) });
    return row;
  });
}

type StepArgs = { input: CaseStepInput; record: CaseValues };
type Change = { changes: Partial<typeof legalCases.$inferInsert>; note: string | null; toWorker: boolean };
const step = (summary: string, changes: Change['changes'], note: string | null | undefined, toWorker = false) => ({ audit: { summary }, result: { changes, note: note ?? null, toWorker } });
const need = (v: unknown, what: string) => {
  if (v === undefined || v === null || v === '') throw LegalErrors.MISSING(`请填写${what}`);
};

const HANDLERS: StepHandlers<typeof CASE_MACHINE, { id: number }, StepArgs, Change> = {
  accept: async (_r, { input, record }) => {
    need(input.handledBy, '承办人');
    return step(`受理网上求助 ${record.caseNo}（${input.on}，承办人 ${input.handledBy}）`, { acceptedOn: input.on, handledBy: input.handledBy, kind: input.kind ?? record.kind }, input.note, true);
  },
  decline: async ({ opinion }, { input, record }) => step(`网上求助 ${record.caseNo} 不予受理（${input.on}）`, { closedOn: input.on }, opinion, true),
  progress: async (_r, { input, record }) => {
    need(input.note, '办理情况');
    return step(`登记案件 ${record.caseNo} 办理情况（${input.on}）`, {}, input.note);
  },
  close: async (_r, { input, record }) => {
    need(input.outcome, '办理结果');
    const fen = input.amountRecovered == null ? null : Math.round(input.amountRecovered * 100);
    return step(`案件 ${record.caseNo} 办结（${input.on}，${CASE_OUTCOME.label(input.outcome!)}${fen ? `，挽回经济损失 ${(fen / 100).toFixed(2)} 元` : ''}）`, { closedOn: input.on, outcome: input.outcome, amountRecoveredFen: fen, ...(input.workersAffected ? { workersAffected: input.workersAffected } : {}) }, input.note, true);
  },
  withdraw: async (_r, { input, record }) => step(`会员撤回求助 ${record.caseNo}（${input.on}）`, { closedOn: input.on }, null),
};

const STEP_ERRORS: StepErrors<CaseStep> = { illegal: (m) => LegalErrors.ILLEGAL(m), forbidden: (m) => LegalErrors.FORBIDDEN(m), opinion: (m) => LegalErrors.OPINION(m) };

/** Takes one step of a case (the worker withdrawing their own request: `asSelf`), the note sealed with the case. */
export async function takeCaseStep(deps: AppDeps, ctx: ActionContext, id: number, input: CaseStepInput | { action: 'withdraw'; on: string }, asSelf = false) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = asSelf ? (await repo.casesRequestedBy(tx, ctx.principal.accountId)).find((r) => r.c.id === id) : await repo.findCase(tx, scopeFor(ctx.principal, P.read.name), id, true);
    if (!found) throw LegalErrors.CASE_NOT_FOUND();
    const k = found.c;
    const last = (await repo.eventsOfCase(tx, id)).at(-1)?.on ?? k.receivedOn;
    const validate = () => {
      if (input.on > today) throw LegalErrors.FUTURE();
      if (input.on < last) throw LegalErrors.BAD_DATE(`日期不能早于上一事项的日期（${last}）`);
    };
    const record = { id, status: k.status as CaseStatus, orgPath: found.orgPath };
    const full: CaseStepInput = { opinion: null, ...input } as CaseStepInput;
    const { to, result } = await runStep(CASE_MACHINE, HANDLERS, { tx, ctx, record, code: input.action, opinion: full.opinion, asSelf, errors: STEP_ERRORS, validate, audit: { action: 'legal_case.step', entityType: 'legal_case', entityId: id, orgId: k.orgId, orgPath: found.orgPath } }, { input: full, record: k });
    await repo.updateCase(tx, id, { ...result!.changes, status: to });
    await repo.insertCaseEvent(tx, { caseId: id, step: input.action, on: input.on, noteEnc: result!.note ? deps.cipher.encrypt(result!.note, noteContext(id)) : null, toWorker: result!.toWorker });
  });
}

/** The worker's name and phone, the facts and every note, decrypted; needs the sensitive-data permission; audited. */
export async function revealCase(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findCase(tx, scopeFor(ctx.principal, P.sensitive.name), id);
    if (!found) throw LegalErrors.CASE_NOT_FOUND();
    const detail = decryptDetail(deps, found.c);
    const notes = (await repo.eventsOfCase(tx, id)).filter((e) => e.noteEnc).map((e) => ({ eventId: e.id, note: decryptNote(deps, id, e.noteEnc!) }));
    await writeAudit(tx, { actor: actorOf(ctx), action: 'legal_case.reveal', entityType: 'legal_case', entityId: id, orgId: found.c.orgId, orgPath: found.orgPath, summary: `查看法律服务案件 ${found.c.caseNo}（${found.c.workerMasked}）的个人信息、案情和办理记录` });
    return { ...detail, notes };
  });
}
