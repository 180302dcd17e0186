import { randomBytes } from 'node:crypto';
import { pathInScope, scopeFor, type Scope } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { checkPasswordPolicy, hashPassword } from '@platform/auth';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, type DbOrTx } from '@platform/db';
import { CommonErrors } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { deadlineOf, runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { insertAccount, usernameTaken } from '@modules/accounts/server';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { APPLICATION_MACHINE } from '../shared/application-machine';
import { LEAVE_REASONS, type ApplicationStatus } from '../shared/member-codes';
import { MemberPermissions } from '../shared/member.permissions';
import type { CreateMemberInput, JoinApplicationInput, UpdateMemberInput } from '../shared/member.schema';
import { MemberErrors } from './member.errors';
import { checkMemberFields, ID_INDEX_PURPOSE, sealIdNumber, sealPhone, type MemberValue, type RawMemberFields } from './member.fields';
import { auditSnapshot } from './member.presenter';
import * as repo from './member.repository';
import type { MemberRecord } from './member.table';

const writeScope = (ctx: ActionContext): Scope => scopeFor(ctx.principal, MemberPermissions.write.name);

function validated(raw: RawMemberFields, today: string): MemberValue {
  const r = checkMemberFields(raw, today);
  if ('errors' in r) throw MemberErrors.INVALID(r.errors.join('；'), { errors: r.errors });
  return r.value;
}

async function requireOrg(db: DbOrTx, scope: Scope, orgId: number) {
  const org = await repo.findOpenGrassrootsOrg(db, { id: orgId }, grassrootsKinds());
  if (!org || !scope.paths.some((p) => org.path.startsWith(p))) throw MemberErrors.ORG_NOT_FOUND();
  return org;
}

function checkDate(date: string, today: string, notBefore?: string) {
  if (date > today) throw MemberErrors.FUTURE_DATE();
  if (notBefore && date < notBefore) throw MemberErrors.DATE_BEFORE_JOIN();
}

/** The stored columns of a member's fields, sealing ID number and phone for the given row. */
function memberColumns(deps: AppDeps, id: number, v: MemberValue) {
  const idSeal = sealIdNumber(deps.cipher, 'members', id, v.idNumber);
  const phone = v.phone ? sealPhone(deps.cipher, 'members', id, v.phone) : null;
  return {
    name: v.name,
    sex: v.sex,
    birthDate: v.birthDate,
    ethnicity: v.ethnicity,
    idNumberEnc: idSeal.enc,
    idNumberIdx: idSeal.idx,
    idNumberMasked: idSeal.masked,
    phoneEnc: phone?.enc ?? null,
    phoneIdx: phone?.idx ?? null,
    phoneMasked: phone?.masked ?? null,
    education: v.education,
    politicalStatus: v.politicalStatus,
    occupation: v.occupation,
    workerKind: v.workerKind,
    gigKind: v.gigKind,
    migrantWorker: v.migrantWorker ?? false,
    employerUscc: v.employerUscc,
    remark: v.remark,
  };
}

/**
 * Registers a member in a union. A person already on file (same ID number) is never duplicated: without an
 * open membership they rejoin; with one, this is refused and a transfer is the way.
 */
export async function createMember(deps: AppDeps, ctx: ActionContext, input: CreateMemberInput) {
  const today = chinaToday(deps.now());
  const v = validated(input, today);
  checkDate(input.joinedOn, today, v.birthDate);
  const idIdx = deps.cipher.blindIndex(v.idNumber, ID_INDEX_PURPOSE);
  return deps.db.transaction(async (tx) => {
    // One record and one open membership per person: the person's registrations are serialised first.
    await lockKey(tx, 'members.person', idIdx);
    const org = await requireOrg(tx, writeScope(ctx), input.orgId);
    const existing = await repo.findMemberByIdIdx(tx, idIdx);
    let member: MemberRecord;
    if (existing) {
      const open = await repo.openMembershipOf(tx, existing.id);
      if (open) throw MemberErrors.ALREADY_MEMBER(`此人已是“${open.orgName}”的会员（${open.membership.joinedOn} 入会），不能重复入会；如已调动，请办理转会`);
      member = await repo.updateMember(tx, existing.id, memberColumns(deps, existing.id, v));
    } else {
      const [id] = await repo.reserveIds(tx, 'members', 1);
      member = await repo.insertMember(tx, { id: id!, ...memberColumns(deps, id!, v) });
    }
    const ms = await repo.insertMembership(tx, { memberId: member.id, orgId: org.id, joinedOn: input.joinedOn, channel: 'offline' });
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'member.create',
      entityType: 'member',
      entityId: member.id,
      orgId: org.id,
      orgPath: org.path,
      summary: `登记会员“${member.name}”加入“${org.name}”（${input.joinedOn}）`,
      after: { ...auditSnapshot(member), orgName: org.name, joinedOn: ms.joinedOn },
    });
    return member;
  });
}

/** Edits a member's own fields; needs an open membership inside the writer's scope. */
export async function updateMember(deps: AppDeps, ctx: ActionContext, memberId: number, input: UpdateMemberInput) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const before = await repo.findMemberInScope(tx, writeScope(ctx), memberId);
    if (!before) throw MemberErrors.NOT_FOUND();
    const open = await repo.openMembershipOf(tx, memberId);
    if (!open || !writeScope(ctx).paths.some((p) => open.orgPath.startsWith(p))) throw MemberErrors.NO_OPEN_MEMBERSHIP();
    const idNumber = deps.cipher.decrypt(before.idNumberEnc, { table: 'members', column: 'id_number', rowId: before.id });
    const phone = input.phone !== undefined ? input.phone : before.phoneEnc ? deps.cipher.decrypt(before.phoneEnc, { table: 'members', column: 'phone', rowId: before.id }) : null;
    const pick = <K extends keyof UpdateMemberInput>(k: K, current: string | null) => (input[k] !== undefined ? (input[k] as string | null) : current);
    const v = validated(
      {
        name: input.name ?? before.name,
        idNumber,
        phone,
        ethnicity: pick('ethnicity', before.ethnicity),
        education: pick('education', before.education),
        politicalStatus: pick('politicalStatus', before.politicalStatus),
        occupation: pick('occupation', before.occupation),
        // Kept unless given, or unless a new occupation names a kind (a template value).
        workerKind: input.workerKind !== undefined ? input.workerKind : input.occupation !== undefined ? null : before.workerKind,
        migrantWorker: input.migrantWorker ?? before.migrantWorker,
        employerUscc: pick('employerUscc', before.employerUscc),
        remark: pick('remark', before.remark),
      },
      today,
    );
    const after = await repo.updateMember(tx, memberId, memberColumns(deps, memberId, v));
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'member.update',
      entityType: 'member',
      entityId: memberId,
      orgId: open.membership.orgId,
      orgPath: open.orgPath,
      summary: `修改会员“${after.name}”的信息`,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}

type TransferInput = { toOrgId: number; transferredOn: string; remark?: string | null | undefined };

/** Closes the membership and opens the next in the receiving union (both unions keep the history); audited on both sides. */
async function completeTransfer(tx: DbOrTx, ctx: ActionContext, t: { id: number; membershipId: number; memberId: number; memberName: string; from: { id: number; name: string; path: string }; to: { id: number; name: string; path: string }; transferredOn: string; remark: string | null; how: string }) {
  const closed = await repo.closeMembership(tx, t.membershipId, t.transferredOn, 'transfer', t.remark);
  if (!closed) throw MemberErrors.NOT_OPEN();
  const next = await repo.insertMembership(tx, { memberId: t.memberId, orgId: t.to.id, joinedOn: t.transferredOn, channel: 'transfer', fromMembershipId: t.membershipId, remark: t.remark });
  const summary = `会员“${t.memberName}”由“${t.from.name}”转入“${t.to.name}”（${t.transferredOn}，${t.how}）`;
  for (const org of [t.from, t.to]) {
    await writeAudit(tx, { actor: actorOf(ctx), action: 'member.transfer', entityType: 'member', entityId: t.memberId, orgId: org.id, orgPath: org.path, summary, after: { transferId: t.id, from: t.from.name, to: t.to.name, date: t.transferredOn, membershipId: next.id } });
  }
  return next;
}

/**
 * A transfer (转会) asked by the sending side. The receiving union is chosen from the tree; a caller who may
 * also write the receiving union (a common parent, e.g. the street above both) orders it and it completes at
 * once; otherwise it waits for the receiving union to accept (待接收).
 */
export async function requestTransfer(deps: AppDeps, ctx: ActionContext, membershipId: number, input: TransferInput) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = await repo.findMembershipInScope(tx, writeScope(ctx), membershipId);
    if (!found) throw MemberErrors.NOT_FOUND();
    if (found.membership.leftOn) throw MemberErrors.NOT_OPEN();
    const target = await repo.findOpenGrassrootsOrg(tx, { id: input.toOrgId }, grassrootsKinds());
    if (!target) throw MemberErrors.TARGET_NOT_FOUND();
    if (target.id === found.membership.orgId) throw MemberErrors.SAME_ORG();
    checkDate(input.transferredOn, today, found.membership.joinedOn);
    if (await repo.pendingTransferOf(tx, membershipId)) throw MemberErrors.TRANSFER_PENDING();
    const ordered = pathInScope(writeScope(ctx), target.path);
    const who = ctx.principal.displayName;
    const transfer = await repo.insertTransfer(tx, {
      memberId: found.member.id,
      fromMembershipId: membershipId,
      fromOrgId: found.membership.orgId,
      toOrgId: target.id,
      status: ordered ? 'accepted' : 'pending',
      transferredOn: input.transferredOn,
      remark: input.remark ?? null,
      ordered,
      requestedBy: ctx.principal.accountId,
      requestedByName: who,
      requestedAt: deps.now(),
      ...(ordered ? { decidedBy: ctx.principal.accountId, decidedByName: who, decidedAt: deps.now() } : {}),
    });
    const from = { id: found.membership.orgId, name: found.orgName, path: found.orgPath };
    if (ordered) {
      const next = await completeTransfer(tx, ctx, { id: transfer.id, membershipId, memberId: found.member.id, memberName: found.member.name, from, to: target, transferredOn: input.transferredOn, remark: input.remark ?? null, how: '上级工会直接办理' });
      await repo.updateTransfer(tx, transfer.id, { resultMembershipId: next.id });
      return { transferId: transfer.id, status: 'accepted' as const, membershipId: next.id };
    }
    // Recorded with the sending union: the receiving one sees the request itself, and audits its own decision.
    await writeAudit(tx, { actor: actorOf(ctx), action: 'member.transfer_request', entityType: 'member', entityId: found.member.id, orgId: from.id, orgPath: from.path, summary: `“${found.orgName}”申请将会员“${found.member.name}”转入“${target.name}”（${input.transferredOn}），待对方工会接收`, after: { transferId: transfer.id, to: target.name, date: input.transferredOn } });
    return { transferId: transfer.id, status: 'pending' as const, membershipId: null };
  });
}

/** May the principal accept or refuse (receiving side) / withdraw (sending side) this transfer? */
export function transferRights(ctx: ActionContext, t: { status: string; fromOrgPath: string; toOrgPath: string }) {
  const scope = writeScope(ctx);
  const pending = t.status === 'pending';
  return { canDecide: pending && pathInScope(scope, t.toOrgPath), canWithdraw: pending && pathInScope(scope, t.fromOrgPath) };
}

/** The receiving union (or a union above it) accepts, refuses (with a reason), or the sender withdraws. */
export async function decideTransfer(deps: AppDeps, ctx: ActionContext, id: number, decision: 'accept' | 'reject' | 'withdraw', reason?: string | null) {
  return deps.db.transaction(async (tx) => {
    const row = await repo.findTransferUnscoped(tx, id, true);
    const scope = writeScope(ctx);
    const side = decision === 'withdraw' ? row?.fromOrgPath : row?.toOrgPath;
    if (!row || !side || !pathInScope(scope, side)) throw MemberErrors.TRANSFER_NOT_FOUND();
    const t = row.transfer;
    if (t.status !== 'pending') throw MemberErrors.TRANSFER_DECIDED();
    const note = reason?.trim() || null;
    if (decision === 'reject' && !note) throw MemberErrors.REASON_REQUIRED();
    const decided = { decidedBy: ctx.principal.accountId, decidedByName: ctx.principal.displayName, decidedAt: deps.now(), decisionNote: note };
    const from = { id: t.fromOrgId, name: row.fromOrgName, path: row.fromOrgPath };
    const to = { id: t.toOrgId, name: row.toOrgName, path: row.toOrgPath };
    if (decision === 'accept') {
      const target = await repo.findOpenGrassrootsOrg(tx, { id: t.toOrgId }, grassrootsKinds());
      if (!target) throw MemberErrors.TARGET_NOT_FOUND();
      const next = await completeTransfer(tx, ctx, { id, membershipId: t.fromMembershipId, memberId: t.memberId, memberName: row.memberName, from, to, transferredOn: t.transferredOn, remark: t.remark, how: '转入工会接收' });
      await repo.updateTransfer(tx, id, { ...decided, status: 'accepted', resultMembershipId: next.id });
      return;
    }
    await repo.updateTransfer(tx, id, { ...decided, status: decision === 'reject' ? 'rejected' : 'withdrawn' });
    const summary = decision === 'reject' ? `“${row.toOrgName}”拒绝接收会员“${row.memberName}”的转会：${note}` : `“${row.fromOrgName}”撤回会员“${row.memberName}”转入“${row.toOrgName}”的申请`;
    // A refusal concerns both unions; a withdrawal only the sender (who also asked).
    for (const org of decision === 'reject' ? [from, to] : [from]) {
      await writeAudit(tx, { actor: actorOf(ctx), action: 'member.transfer_request', entityType: 'member', entityId: t.memberId, orgId: org.id, orgPath: org.path, summary, after: { transferId: id, status: decision } });
    }
  });
}

export async function endMembership(deps: AppDeps, ctx: ActionContext, membershipId: number, input: { leftOn: string; reason: keyof typeof LEAVE_REASONS; remark?: string | null | undefined }) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = await repo.findMembershipInScope(tx, writeScope(ctx), membershipId);
    if (!found) throw MemberErrors.NOT_FOUND();
    if (found.membership.leftOn) throw MemberErrors.NOT_OPEN();
    checkDate(input.leftOn, today, found.membership.joinedOn);
    const closed = await repo.closeMembership(tx, membershipId, input.leftOn, input.reason, input.remark ?? null);
    if (!closed) throw MemberErrors.NOT_OPEN();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'member.leave',
      entityType: 'member',
      entityId: found.member.id,
      orgId: found.membership.orgId,
      orgPath: found.orgPath,
      summary: `会员“${found.member.name}”退出“${found.orgName}”（${LEAVE_REASONS[input.reason]}，${input.leftOn}）`,
      after: { reason: input.reason, leftOn: input.leftOn },
    });
    return closed;
  });
}

/** The full ID number or phone of a member in scope; every call writes an audit row. */
export async function revealField(deps: AppDeps, ctx: ActionContext, memberId: number, field: 'idNumber' | 'phone') {
  return deps.db.transaction(async (tx) => {
    // Scoped by the current membership: a union the member transferred away from keeps the history, not the numbers.
    const m = await repo.findMemberInCurrentScope(tx, scopeFor(ctx.principal, MemberPermissions.sensitive.name), memberId);
    if (!m) throw MemberErrors.NOT_FOUND();
    const token = field === 'idNumber' ? m.idNumberEnc : m.phoneEnc;
    if (!token) throw MemberErrors.NO_VALUE();
    const value = deps.cipher.decrypt(token, { table: 'members', column: field === 'idNumber' ? 'id_number' : 'phone', rowId: m.id });
    const open = await repo.openMembershipOf(tx, m.id);
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'member.reveal',
      entityType: 'member',
      entityId: m.id,
      orgId: open?.membership.orgId ?? null,
      orgPath: open?.orgPath ?? null,
      summary: `查看会员“${m.name}”的完整${field === 'idNumber' ? '居民身份证号码' : '手机号码'}`,
    });
    return value;
  });
}

export async function dismissDuplicate(deps: AppDeps, ctx: ActionContext, a: number, b: number) {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const scope = scopeFor(ctx.principal, MemberPermissions.write.name);
  return deps.db.transaction(async (tx) => {
    const [ma, mb] = [await repo.findMemberInScope(tx, scope, lo), await repo.findMemberInScope(tx, scope, hi)];
    if (!ma && !mb) throw MemberErrors.NOT_FOUND();
    const first = ma ?? (await repo.findMemberById(tx, lo));
    const second = mb ?? (await repo.findMemberById(tx, hi));
    if (!first || !second || first.name !== second.name || first.birthDate !== second.birthDate || !first.phoneIdx || first.phoneIdx !== second.phoneIdx) {
      throw MemberErrors.NOT_DUPLICATE_PAIR();
    }
    await repo.dismissDuplicate(tx, lo, hi, ctx.principal.accountId);
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'member.duplicate_dismiss',
      entityType: 'member',
      entityId: lo,
      summary: `确认“${first.name}”的两条记录（编号 ${lo}、${hi}）不是同一人`,
    });
  });
}

// --- joining online ----------------------------------------------------------------------------------

/**
 * Files a worker's application (public, no account). The employer is not told. The union must decide within
 * `joinReviewDays` working days; the applicant chooses the login they will use once approved.
 */
export async function submitApplication(deps: AppDeps, ip: string, input: JoinApplicationInput) {
  const now = deps.now();
  const today = chinaToday(now);
  // Every problem the applicant can fix goes into one answer, each naming its field, so the phone shows them all.
  const checked = checkMemberFields({ ...input, employerUscc: null, remark: null }, today);
  const problems: { field: string; label: string; message: string }[] = 'errors' in checked ? checked.errors.map((message) => ({ field: '', label: '', message })) : [];
  const weak = checkPasswordPolicy(input.password, deps.config.password, input.username);
  if (weak) problems.push({ field: 'password', label: '密码', message: weak });
  if ((await usernameTaken(deps.db, input.username)) || (await repo.usernamePending(deps.db, input.username))) {
    problems.push({ field: 'username', label: '登录名', message: '登录名已被使用，请换一个' });
  }
  if (problems.length === 1 && weak) throw MemberErrors.WEAK_PASSWORD(weak, problems);
  if (problems.length === 1 && problems[0]!.field === 'username') throw MemberErrors.USERNAME_TAKEN(undefined, problems);
  if (problems.length > 0 || 'errors' in checked) throw MemberErrors.INVALID(problems.map((p) => p.message).join('；'), problems);
  const v = checked.value;
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashLogN);
  return deps.db.transaction(async (tx) => {
    const org = await repo.findOpenGrassrootsOrg(tx, { id: input.orgId }, grassrootsKinds());
    if (!org) throw MemberErrors.ORG_NOT_FOUND('所选工会不存在或已撤销，请重新选择');
    const idx = deps.cipher.blindIndex(v.idNumber, ID_INDEX_PURPOSE);
    // One pending application per person, serialised with registration and approval of the same person.
    await lockKey(tx, 'members.person', idx);
    if (await repo.pendingApplicationByIdIdx(tx, idx)) throw MemberErrors.APPLICATION_PENDING();
    const existing = await repo.findMemberByIdIdx(tx, idx);
    if (existing && (await repo.openMembershipOf(tx, existing.id))) {
      throw MemberErrors.ALREADY_MEMBER('您已是工会会员，无需重复申请；如工作单位变动，请联系原工会办理转会');
    }
    if ((await usernameTaken(tx, input.username)) || (await repo.usernamePending(tx, input.username))) throw MemberErrors.USERNAME_TAKEN();
    const [id] = await repo.reserveIds(tx, 'membership_applications', 1);
    const idSeal = sealIdNumber(deps.cipher, 'membership_applications', id!, v.idNumber);
    const phone = sealPhone(deps.cipher, 'membership_applications', id!, v.phone!);
    const app = await repo.insertApplication(tx, {
      id: id!,
      ref: randomBytes(9).toString('base64url'),
      orgId: org.id,
      name: v.name,
      sex: v.sex,
      birthDate: v.birthDate,
      ethnicity: v.ethnicity,
      idNumberEnc: idSeal.enc,
      idNumberIdx: idSeal.idx,
      idNumberMasked: idSeal.masked,
      phoneEnc: phone.enc,
      phoneIdx: phone.idx,
      phoneMasked: phone.masked,
      education: v.education,
      politicalStatus: v.politicalStatus,
      occupation: v.occupation,
      workerKind: v.workerKind,
      gigKind: v.gigKind,
      migrantWorker: v.migrantWorker ?? false,
      employerName: input.employerName?.trim() || null,
      username: input.username,
      passwordHash,
      status: 'pending',
      submittedAt: now,
      dueOn: deadlineOf(APPLICATION_MACHINE, 'pending', today, { joinReviewDays: deps.config.joinReviewDays })!.date,
    });
    await writeAudit(tx, {
      actor: { accountId: null, name: `入会申请人 ${v.name}`, ip },
      action: 'member.application_submit',
      entityType: 'membership_application',
      entityId: app.id,
      orgId: org.id,
      orgPath: org.path,
      summary: `${v.name} 网上申请加入“${org.name}”`,
    });
    return { app, orgName: org.name };
  });
}

const APPLICATION_ERRORS: StepErrors = {
  illegal: (m) => MemberErrors.APPLICATION_DECIDED(m),
  forbidden: () => MemberErrors.APPLICATION_NOT_FOUND(),
  opinion: (m) => CommonErrors.VALIDATION(m),
};
type FoundApplication = NonNullable<Awaited<ReturnType<typeof repo.findApplicationInScope>>>;

/** The two decisions on an application; each writes its audit row through the kit. */
const APPLICATION_HANDLERS = {
  /** Approval: the person (once), the membership dated today, and the member's own login. */
  approve: async ({ tx, ctx, record: found, opinion }, deps: AppDeps) => {
    const now = deps.now();
    const today = chinaToday(now);
    const a = found.application;
    if (found.orgClosedOn) throw MemberErrors.ORG_NOT_FOUND('申请加入的工会已撤销，请驳回并告知申请人重新选择');
    const ctxOf = (column: string) => ({ table: 'membership_applications', column, rowId: a.id });
    const idNumber = deps.cipher.decrypt(a.idNumberEnc, ctxOf('id_number'));
    const phone = deps.cipher.decrypt(a.phoneEnc, ctxOf('phone'));
    const v = validated(
      { name: a.name, idNumber, phone, ethnicity: a.ethnicity, education: a.education, politicalStatus: a.politicalStatus, occupation: a.occupation, workerKind: a.workerKind, migrantWorker: a.migrantWorker },
      today,
    );
    let member = await repo.findMemberByIdIdx(tx, a.idNumberIdx);
    if (member) {
      const open = await repo.openMembershipOf(tx, member.id);
      if (open) throw MemberErrors.ALREADY_MEMBER(`申请人已是“${open.orgName}”的会员，请驳回并告知其办理转会`);
      member = await repo.updateMember(tx, member.id, { ...memberColumns(deps, member.id, v), employerName: a.employerName ?? member.employerName });
    } else {
      const [mid] = await repo.reserveIds(tx, 'members', 1);
      // The employer as the applicant typed it stays on the member, even when it matches no register employer.
      member = await repo.insertMember(tx, { id: mid!, ...memberColumns(deps, mid!, v), employerName: a.employerName });
    }
    await repo.insertMembership(tx, { memberId: member.id, orgId: a.orgId, joinedOn: today, channel: 'online' });
    if (!member.accountId) {
      if (await usernameTaken(tx, a.username)) throw MemberErrors.USERNAME_TAKEN(`申请人选择的登录名“${a.username}”已被他人使用，请驳回并告知其换一个登录名重新申请`);
      const account = await insertAccount(tx, { username: a.username, displayName: a.name, orgId: a.orgId, passwordHash: a.passwordHash }, ['member']);
      member = await repo.updateMember(tx, member.id, { accountId: account.id });
    }
    await repo.decideApplication(tx, a.id, { status: 'approved', decidedAt: now, decidedBy: ctx.principal.accountId, opinion, memberId: member.id, passwordHash: '' });
    return { result: member, audit: { action: 'member.application_approve', summary: `批准“${a.name}”加入“${found.orgName}”`, after: { memberId: member.id, joinedOn: today, opinion } } };
  },
  reject: async ({ tx, ctx, record: found, opinion }, deps: AppDeps) => {
    await repo.decideApplication(tx, found.application.id, { status: 'rejected', decidedAt: deps.now(), decidedBy: ctx.principal.accountId, opinion, passwordHash: '' });
    return { audit: { action: 'member.application_reject', summary: `驳回“${found.application.name}”加入“${found.orgName}”的申请：${opinion}` } };
  },
} satisfies StepHandlers<typeof APPLICATION_MACHINE, FoundApplication, AppDeps>;

/** Takes a decision on an application, decided once: read again after the person's lock. */
async function decide(deps: AppDeps, ctx: ActionContext, id: number, code: 'approve' | 'reject', opinion: string | undefined) {
  return deps.db.transaction(async (tx) => {
    const applied = await repo.findApplicationInScope(tx, writeScope(ctx), id);
    if (!applied) throw MemberErrors.APPLICATION_NOT_FOUND();
    // One open membership per person: the person's lock serialises approvals of the same ID number.
    await lockKey(tx, 'members.person', applied.application.idNumberIdx);
    const found = (await repo.findApplicationInScope(tx, writeScope(ctx), id))!;
    const record = { ...found, status: found.application.status as ApplicationStatus };
    const audit = { action: `member.application_${code}`, entityType: 'membership_application', entityId: id, orgId: found.application.orgId, orgPath: found.orgPath };
    return runStep(APPLICATION_MACHINE, APPLICATION_HANDLERS, { tx, ctx, record, code, opinion, errors: APPLICATION_ERRORS, audit }, deps);
  });
}

/** Approval: the person (once), the membership dated today, and the member's own login. */
export async function approveApplication(deps: AppDeps, ctx: ActionContext, id: number, opinion: string | undefined) {
  return (await decide(deps, ctx, id, 'approve', opinion)).result as Awaited<ReturnType<typeof APPLICATION_HANDLERS.approve>>['result'];
}

export async function rejectApplication(deps: AppDeps, ctx: ActionContext, id: number, opinion: string) {
  await decide(deps, ctx, id, 'reject', opinion);
}
