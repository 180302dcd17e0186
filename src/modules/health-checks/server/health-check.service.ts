import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, type DbOrTx, type Tx } from '@platform/db';
import { blanksAsNull } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { memberWithUnionByAccount, memberWithUnionById, type MemberWithUnion } from '@modules/members/server';
import { ineligibility } from '../shared/eligibility';
import { HealthCheckPermissions } from '../shared/health-check.permissions';
import { SIGNUP_MACHINE, type SignupStatus, type SignupStep } from '../shared/signup-machine';
import { GROUP_LABELS, type HealthGroup, type ProgrammeInput, type ResultsInput } from '../shared/health-check.schema';
import { HealthCheckErrors } from './health-check.errors';
import * as repo from './health-check.repository';

const P = HealthCheckPermissions;
type Action = 'healthcheck.programme' | 'healthcheck.signup' | 'healthcheck.result' | 'healthcheck.reveal';

async function audit(tx: DbOrTx, ctx: ActionContext, action: Action, e: { entityType: string; entityId: number; orgId: number; orgPath: string; summary: string; after?: unknown }) {
  await writeAudit(tx, { actor: actorOf(ctx), action, ...e });
}

/** Results are bound to their sign-up (a ciphertext moved to another sign-up fails to decrypt). */
const resultsContext = (signupId: number) => ({ table: 'health_check_signups', column: 'results', rowId: signupId });
export interface StoredResults {
  abnormal: boolean;
  findings: string | null;
  followUp: string | null;
}
export const decryptResults = (deps: AppDeps, signupId: number, token: string): StoredResults => JSON.parse(deps.cipher.decrypt(token, resultsContext(signupId))) as StoredResults;

export async function createProgramme(deps: AppDeps, ctx: ActionContext, input: ProgrammeInput) {
  if (input.endsOn < input.startsOn) throw HealthCheckErrors.PROGRAMME_DATES();
  const groups = input.quotas.map((q) => q.group);
  if (new Set(groups).size !== groups.length) throw HealthCheckErrors.DUPLICATE_GROUP();
  return deps.db.transaction(async (tx) => {
    const quotas = Object.fromEntries(input.quotas.map((q) => [q.group, q.places]));
    const row = await repo.insertProgramme(tx, { ...input, ...blanksAsNull(input, ['package']), quotas, orgId: ctx.principal.orgId, createdBy: ctx.principal.accountId });
    const places = input.quotas.reduce((s, q) => s + q.places, 0);
    await audit(tx, ctx, 'healthcheck.programme', { entityType: 'health_check_programme', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `设立免费体检项目“${input.name}”，共 ${places} 个名额`, after: input });
    return row.id;
  });
}

export async function closeProgramme(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => {
    const p = await repo.programmeById(tx, id);
    if (!p || !pathInScope(scopeFor(ctx.principal, P.manage.name), p.orgPath)) throw HealthCheckErrors.PROGRAMME_NOT_FOUND();
    await repo.updateProgramme(tx, id, { status: 'closed' });
    await audit(tx, ctx, 'healthcheck.programme', { entityType: 'health_check_programme', entityId: id, orgId: p.p.orgId, orgPath: p.orgPath, summary: `体检项目“${p.p.name}”结束报名` });
  });
}

/**
 * The rules of one sign-up: the programme open and reaching the worker's union, places left, eligible, once.
 * A programme's sign-ups are serialised (`healthcheck.programme`) before anything is read, so parallel sign-ups
 * cannot together take more places than a group has, nor sign one worker up twice.
 */
async function signUpMember(deps: AppDeps, ctx: ActionContext, tx: Tx, programmeId: number, member: MemberWithUnion, input: { group: HealthGroup; slotOn: string }, channel: 'union' | 'self') {
  await lockKey(tx, 'healthcheck.programme', programmeId);
  const p = await repo.programmeById(tx, programmeId);
  if (!p || !member.orgPath.startsWith(p.orgPath)) throw HealthCheckErrors.PROGRAMME_NOT_FOUND();
  if (p.p.status !== 'open') throw HealthCheckErrors.PROGRAMME_CLOSED();
  if (input.slotOn < p.p.startsOn || input.slotOn > p.p.endsOn) throw HealthCheckErrors.SLOT_OUTSIDE(`预约日期应在体检时间 ${p.p.startsOn} 至 ${p.p.endsOn} 内`);
  const label = GROUP_LABELS[input.group];
  const places = p.p.quotas[input.group] ?? 0;
  if (!places) throw HealthCheckErrors.NO_PLACES_FOR_GROUP(`本项目没有为“${label}”安排名额`);
  const why = ineligibility(input.group, { sex: member.sex, workerKind: member.workerKind, migrantWorker: member.migrantWorker });
  if (why) throw HealthCheckErrors.NOT_ELIGIBLE(`${member.name}不能报名“${label}”：${why}`);
  if (await repo.activeSignupOf(tx, programmeId, member.id)) throw HealthCheckErrors.ALREADY_SIGNED_UP(`${member.name}已报名“${p.p.name}”`);
  if ((await repo.placesTaken(tx, programmeId, input.group)) >= places) throw HealthCheckErrors.FULL(`“${label}”的 ${places} 个名额已满`);
  const row = await repo.insertSignup(tx, { programmeId, memberId: member.id, orgId: member.orgId, group: input.group, slotOn: input.slotOn, channel, createdBy: ctx.principal.accountId });
  await audit(tx, ctx, 'healthcheck.signup', { entityType: 'health_check_signup', entityId: row.id, orgId: member.orgId, orgPath: member.orgPath, summary: `${member.name}报名“${p.p.name}”（${label}，${input.slotOn}）${channel === 'self' ? '，本人网上报名' : ''}` });
  return row.id;
}

export async function signUp(deps: AppDeps, ctx: ActionContext, programmeId: number, input: { memberId: number; group: HealthGroup; slotOn: string }) {
  return deps.db.transaction(async (tx) => {
    const member = await memberWithUnionById(tx, input.memberId);
    if (!member || !pathInScope(scopeFor(ctx.principal, P.write.name), member.orgPath)) throw HealthCheckErrors.MEMBER_NOT_FOUND();
    return signUpMember(deps, ctx, tx, programmeId, member, input, 'union');
  });
}

/** The signed-in member, with their union. */
export async function selfMember(db: DbOrTx, ctx: ActionContext) {
  const member = await memberWithUnionByAccount(db, ctx.principal.accountId);
  if (!member) throw HealthCheckErrors.NOT_A_MEMBER();
  return member;
}

export async function signUpSelf(deps: AppDeps, ctx: ActionContext, programmeId: number, input: { group: HealthGroup; slotOn: string }) {
  return deps.db.transaction(async (tx) => signUpMember(deps, ctx, tx, programmeId, await selfMember(tx, ctx), input, 'self'));
}

async function signupFor(tx: DbOrTx, deps: AppDeps, ctx: ActionContext, id: number, permission: string | 'self') {
  if (permission === 'self') {
    const member = await selfMember(tx, ctx);
    const own = (await repo.signupsOfMember(tx, member.id)).find((s) => s.s.id === id);
    if (!own) throw HealthCheckErrors.SIGNUP_NOT_FOUND();
    return own;
  }
  const found = await repo.findSignupInScope(tx, scopeFor(ctx.principal, permission), id);
  if (!found) throw HealthCheckErrors.SIGNUP_NOT_FOUND();
  return found;
}

type FoundSignup = Awaited<ReturnType<typeof signupFor>>;

const SIGNUP_ERRORS: StepErrors = {
  illegal: (m) => HealthCheckErrors.ILLEGAL_STATUS(m),
  forbidden: () => HealthCheckErrors.SIGNUP_NOT_FOUND(),
  opinion: (m) => HealthCheckErrors.ILLEGAL_STATUS(m),
};

type SignupArgs = { deps: AppDeps; by?: 'union' | 'self'; doneOn?: string; results?: ResultsInput };

/** One handler per step of the sign-up machine; the kit writes each step's audit row. */
const SIGNUP_HANDLERS = {
  cancel: async ({ tx, record: found }, { by }) => {
    await repo.updateSignup(tx, found.s.id, { status: 'cancelled' });
    return { audit: { summary: `${found.memberName}取消报名“${found.programmeName}”${by === 'self' ? '（本人）' : ''}` } };
  },
  mark_done: async ({ tx, record: found }, { deps, doneOn }) => {
    const p = (await repo.programmeById(tx, found.s.programmeId))!.p;
    if (!doneOn || doneOn < p.startsOn || doneOn > p.endsOn || doneOn > chinaToday(deps.now())) throw HealthCheckErrors.DONE_DATE(`体检日期应在 ${p.startsOn} 至 ${p.endsOn} 之间，且不能晚于今天`);
    await repo.updateSignup(tx, found.s.id, { status: 'done', doneOn });
    return { audit: { summary: `${found.memberName}已完成体检（${doneOn}）` } };
  },
  record_results: async ({ tx, record: found }, { deps, results }) => {
    const input = results!;
    const id = found.s.id;
    const stored: StoredResults = { abnormal: input.abnormal, findings: input.findings || null, followUp: input.followUp || null };
    await repo.updateSignup(tx, id, { resultsEnc: deps.cipher.encrypt(JSON.stringify(stored), resultsContext(id)), reportDeliveredOn: input.reportDeliveredOn ?? found.s.reportDeliveredOn });
    return { audit: { action: 'healthcheck.result', summary: `登记${found.memberName}的体检结果` } };
  },
} satisfies StepHandlers<typeof SIGNUP_MACHINE, FoundSignup, SignupArgs>;

async function signupStep(tx: DbOrTx, ctx: ActionContext, found: FoundSignup, code: SignupStep, args: SignupArgs) {
  const record = { ...found, status: found.s.status as SignupStatus };
  const audit = { action: 'healthcheck.signup', entityType: 'health_check_signup', entityId: found.s.id, orgId: found.s.orgId, orgPath: found.orgPath };
  await runStep(SIGNUP_MACHINE, SIGNUP_HANDLERS, { tx, ctx, record, code, asSelf: args.by === 'self', errors: SIGNUP_ERRORS, audit }, args);
}

export async function cancelSignup(deps: AppDeps, ctx: ActionContext, id: number, by: 'union' | 'self') {
  await deps.db.transaction(async (tx) => signupStep(tx, ctx, await signupFor(tx, deps, ctx, id, by === 'self' ? 'self' : P.write.name), 'cancel', { deps, by }));
}

export async function markDone(deps: AppDeps, ctx: ActionContext, id: number, doneOn: string) {
  await deps.db.transaction(async (tx) => signupStep(tx, ctx, await signupFor(tx, deps, ctx, id, P.write.name), 'mark_done', { deps, doneOn }));
}

/** Results of a check done: encrypted; needs healthcheck.results over the worker's union; audited. */
export async function recordResults(deps: AppDeps, ctx: ActionContext, id: number, input: ResultsInput) {
  await deps.db.transaction(async (tx) => signupStep(tx, ctx, await signupFor(tx, deps, ctx, id, P.results.name), 'record_results', { deps, results: input }));
}

export async function revealResults(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const found = await signupFor(tx, deps, ctx, id, P.results.name);
    if (!found.s.resultsEnc) throw HealthCheckErrors.NO_RESULTS();
    await audit(tx, ctx, 'healthcheck.reveal', { entityType: 'health_check_signup', entityId: id, orgId: found.s.orgId, orgPath: found.orgPath, summary: `查看${found.memberName}的体检结果` });
    return decryptResults(deps, id, found.s.resultsEnc);
  });
}
