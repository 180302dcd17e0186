import { reachesPrincipal, pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, type DbOrTx } from '@platform/db';
import { yuan } from '@platform/money';
import { loadFile, openSealedFile, sealFile, storeFile } from '@platform/files';
import { CommonErrors } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { memberWithUnionById } from '@modules/members/server';
import { CLAIM_MACHINE, type ClaimStatus } from '../shared/claim-machine';
import { MutualAidPermissions } from '../shared/mutual-aid.permissions';
import { CLAIM_FILE_KIND_LABELS, CLAIM_STATUS_LABELS, PRODUCT_LABELS, type ClaimDecision, type ClaimInput, type PlanInput } from '../shared/mutual-aid.schema';
import { MutualAidErrors } from './mutual-aid.errors';
import * as repo from './mutual-aid.repository';
import type { PlanRow } from './mutual-aid.table';

const P = MutualAidPermissions;

async function audit(tx: DbOrTx, ctx: ActionContext, action: 'mutualaid.plan' | 'mutualaid.enrol' | 'mutualaid.claim' | 'mutualaid.reveal', e: { entityType: string; entityId: number; orgId: number; orgPath: string; summary: string; after?: unknown }) {
  await writeAudit(tx, { actor: actorOf(ctx), action, ...e });
}

/** The diagnosis of a claim is bound to the claim (a ciphertext moved to another claim fails to decrypt). */
const diagnosisContext = (claimId: number) => ({ table: 'mutual_aid_claims', column: 'diagnosis', rowId: claimId });

export function checkPlanDates(p: Pick<PlanInput, 'coverStart' | 'coverEnd' | 'enrolUntil'>) {
  if (p.coverEnd <= p.coverStart || p.enrolUntil > p.coverEnd) throw MutualAidErrors.PLAN_DATES();
}

export async function createPlan(deps: AppDeps, ctx: ActionContext, input: PlanInput) {
  checkPlanDates(input);
  return deps.db.transaction(async (tx) => {
    if (await repo.planNamed(tx, ctx.principal.orgId, input.year, input.name)) throw MutualAidErrors.PLAN_EXISTS();
    const row = await repo.insertPlan(tx, { ...input, orgId: ctx.principal.orgId, createdBy: ctx.principal.accountId });
    await audit(tx, ctx, 'mutualaid.plan', { entityType: 'mutual_aid_plan', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `设立${input.year}年${PRODUCT_LABELS[input.product]}计划“${input.name}”，每份 ${yuan(input.premiumFen)}`, after: input });
    return row.id;
  });
}

async function planInScope(tx: DbOrTx, ctx: ActionContext, id: number, permission: string) {
  const plan = await repo.planById(tx, id);
  if (!plan || !pathInScope(scopeFor(ctx.principal, permission), plan.orgPath)) throw MutualAidErrors.PLAN_NOT_FOUND();
  return plan;
}

export async function closePlan(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx, id, P.manage.name);
    await repo.updatePlan(tx, id, { status: 'closed' });
    await audit(tx, ctx, 'mutualaid.plan', { entityType: 'mutual_aid_plan', entityId: id, orgId: plan.p.orgId, orgPath: plan.orgPath, summary: `互助计划“${plan.p.name}”截止参保` });
  });
}

/** Enrolment targets for the unions one level under the plan's union (replaces the previous ones). */
export async function setQuotas(deps: AppDeps, ctx: ActionContext, id: number, quotas: { orgId: number; persons: number }[]) {
  await deps.db.transaction(async (tx) => {
    const plan = await planInScope(tx, ctx, id, P.manage.name);
    const ids = [...new Set(quotas.map((q) => q.orgId))];
    if ((await repo.childOrgs(tx, plan.p.orgId, ids)).length !== ids.length) throw MutualAidErrors.QUOTA_ORG();
    await repo.replaceQuotas(tx, id, quotas);
    const total = quotas.reduce((s, q) => s + q.persons, 0);
    await audit(tx, ctx, 'mutualaid.plan', { entityType: 'mutual_aid_plan', entityId: id, orgId: plan.p.orgId, orgPath: plan.orgPath, summary: `分配“${plan.p.name}”参保任务，共 ${total} 人`, after: quotas });
  });
}

/** Why a plan takes no enrolment today, or null. */
export function enrolmentRefusal(plan: PlanRow, today: string): string | null {
  if (plan.status !== 'open') return '互助计划已截止参保';
  if (today > plan.enrolUntil) return `互助计划的参保截止日期（${plan.enrolUntil}）已过`;
  return null;
}

/**
 * Enrols one member of a union in the caller's scope (a withdrawn member is taken up again as a new enrolment). Once per plan
 * and member: the plan's enrolments are serialised (`mutualaid.plan-enrolments`, also taken by the import), so
 * a parallel enrolment of the same member waits and is refused by name.
 */
export async function enrol(deps: AppDeps, ctx: ActionContext, planId: number, input: { memberId: number; shares: number; paidOn: string }) {
  return deps.db.transaction(async (tx) => {
    await lockKey(tx, 'mutualaid.plan-enrolments', planId);
    const plan = await repo.planById(tx, planId);
    const member = await memberWithUnionById(tx, input.memberId);
    if (!plan || !reachesPrincipal(ctx.principal, P.read.name, plan.orgPath)) throw MutualAidErrors.PLAN_NOT_FOUND();
    if (!member || !pathInScope(scopeFor(ctx.principal, P.write.name), member.orgPath) || !member.orgPath.startsWith(plan.orgPath)) throw MutualAidErrors.MEMBER_NOT_FOUND();
    const refusal = enrolmentRefusal(plan.p, chinaToday(deps.now()));
    if (refusal) throw MutualAidErrors.PLAN_CLOSED(refusal);
    if (input.shares > plan.p.maxShares) throw MutualAidErrors.SHARES(`本计划每人最多 ${plan.p.maxShares} 份`);
    const premiumFen = input.shares * plan.p.premiumFen;
    const existing = await repo.enrolmentOf(tx, planId, member.id);
    if (existing?.status === 'enrolled') throw MutualAidErrors.ALREADY_ENROLLED(`${member.name}已参加“${plan.p.name}”（${existing.shares} 份）`);
    // A withdrawn enrolment stays as it was (dated); taking the member up again is a new enrolment.
    const id = (await repo.insertEnrolment(tx, { planId, memberId: member.id, orgId: member.orgId, shares: input.shares, premiumFen, paidOn: input.paidOn, source: 'manual' })).id;
    await audit(tx, ctx, 'mutualaid.enrol', { entityType: 'mutual_aid_enrolment', entityId: id, orgId: member.orgId, orgPath: member.orgPath, summary: `${member.name}参加“${plan.p.name}” ${input.shares} 份，缴费 ${yuan(premiumFen)}` });
    return id;
  });
}

/** Withdraws an enrolment without claims; serialised with its claims (`mutualaid.enrolment`). */
export async function withdraw(deps: AppDeps, ctx: ActionContext, enrolmentId: number, reason: string) {
  await deps.db.transaction(async (tx) => {
    await lockKey(tx, 'mutualaid.enrolment', enrolmentId);
    const found = await repo.findEnrolmentInScope(tx, scopeFor(ctx.principal, P.write.name), enrolmentId);
    if (!found) throw MutualAidErrors.ENROLMENT_NOT_FOUND();
    if (found.e.status !== 'enrolled') throw MutualAidErrors.NOT_ENROLLED();
    if (!reason.trim()) throw MutualAidErrors.REASON_REQUIRED();
    if ((await repo.claimCount(tx, enrolmentId)) > 0) throw MutualAidErrors.HAS_CLAIMS();
    await repo.updateEnrolment(tx, enrolmentId, { status: 'withdrawn', withdrawReason: reason.trim(), withdrawnOn: chinaToday(deps.now()) });
    await audit(tx, ctx, 'mutualaid.enrol', { entityType: 'mutual_aid_enrolment', entityId: enrolmentId, orgId: found.e.orgId, orgPath: found.orgPath, summary: `${found.memberName}退保；原因：${reason.trim()}` });
  });
}

/**
 * A claim on an enrolment, by the member's union; the admission date must fall in the plan's cover period.
 * Serialised with the enrolment's withdrawal and decisions (`mutualaid.enrolment`).
 */
export async function submitClaim(deps: AppDeps, ctx: ActionContext, input: ClaimInput) {
  return deps.db.transaction(async (tx) => {
    await lockKey(tx, 'mutualaid.enrolment', input.enrolmentId);
    const found = await repo.findEnrolmentInScope(tx, scopeFor(ctx.principal, P.write.name), input.enrolmentId);
    if (!found) throw MutualAidErrors.ENROLMENT_NOT_FOUND();
    if (found.e.status !== 'enrolled') throw MutualAidErrors.NOT_ENROLLED();
    const plan = (await repo.planById(tx, found.e.planId))!.p;
    if (input.admittedOn < plan.coverStart || input.admittedOn > plan.coverEnd) throw MutualAidErrors.OUTSIDE_COVER(`入院（确诊）日期 ${input.admittedOn} 不在保障期 ${plan.coverStart} 至 ${plan.coverEnd} 内`);
    if (input.dischargedOn && input.dischargedOn < input.admittedOn) throw MutualAidErrors.CLAIM_DATES();
    const row = await repo.insertClaim(tx, {
      enrolmentId: found.e.id,
      orgId: found.e.orgId,
      diagnosisEnc: '',
      hospital: input.hospital,
      admittedOn: input.admittedOn,
      dischargedOn: input.dischargedOn ?? null,
      claimedFen: input.claimedFen,
      createdBy: ctx.principal.accountId,
    });
    await repo.updateClaim(tx, row.id, { diagnosisEnc: deps.cipher.encrypt(input.diagnosis, diagnosisContext(row.id)) });
    await audit(tx, ctx, 'mutualaid.claim', { entityType: 'mutual_aid_claim', entityId: row.id, orgId: found.e.orgId, orgPath: found.orgPath, summary: `${found.memberName}申请理赔 ${yuan(input.claimedFen)}（${input.hospital}）` });
    return row.id;
  });
}

type FoundClaim = NonNullable<Awaited<ReturnType<typeof repo.findClaimInScope>>>;

const CLAIM_ERRORS: StepErrors = {
  illegal: (m) => MutualAidErrors.ILLEGAL_STATUS(m),
  forbidden: () => MutualAidErrors.CLAIM_NOT_FOUND(),
  opinion: (m) => CommonErrors.VALIDATION(m),
};

/** One handler per step of the claim machine; the kit writes each step's audit row (`mutualaid.claim`). */
const CLAIM_HANDLERS = {
  approve: async ({ tx, ctx, record: found, opinion }, { deps, d }) => {
    if (d.action !== 'approve') throw new Error('unreachable');
    const c = found.c;
    const limit = found.e.shares * found.plan.benefitPerShareFen;
    const used = await repo.usedBenefit(tx, found.e.id, c.id);
    if (d.approvedFen > c.claimedFen) throw MutualAidErrors.OVER_LIMIT(`核准金额 ${yuan(d.approvedFen)}不能超过申请金额 ${yuan(c.claimedFen)}`);
    if (used + d.approvedFen > limit) throw MutualAidErrors.OVER_LIMIT(`本年度最高给付 ${yuan(limit)}（${found.e.shares} 份），已核准 ${yuan(used)}，本次最多 ${yuan(Math.max(0, limit - used))}`);
    await repo.updateClaim(tx, c.id, { status: 'approved', approvedFen: d.approvedFen, opinion, decidedBy: ctx.principal.accountId, decidedAt: deps.now() });
    return { audit: { summary: `核准${found.memberName}理赔 ${yuan(d.approvedFen)}`, after: d } };
  },
  reject: async ({ tx, ctx, record: found, opinion }, { deps, d }) => {
    await repo.updateClaim(tx, found.c.id, { status: 'rejected', opinion, decidedBy: ctx.principal.accountId, decidedAt: deps.now() });
    return { audit: { summary: `${found.memberName}理赔不予给付：${opinion}`, after: d } };
  },
  pay: async ({ tx, record: found }, { d }) => {
    if (d.action !== 'pay') throw new Error('unreachable');
    await repo.updateClaim(tx, found.c.id, { status: 'paid', paidOn: d.paidOn });
    return { audit: { summary: `支付${found.memberName}理赔 ${yuan(found.c.approvedFen ?? 0)}（${d.paidOn}）`, after: d } };
  },
} satisfies StepHandlers<typeof CLAIM_MACHINE, FoundClaim, { deps: AppDeps; d: ClaimDecision }>;

/**
 * 核准 with an amount (no more than claimed, nor than the enrolment has left: shares × per-share benefit less
 * what was approved before) or 不予给付 with an opinion, by the district; then 支付. The decisions on one
 * enrolment's claims are serialised (`mutualaid.enrolment`): the claim and what was approved are read after
 * the lock, so parallel approvals cannot together pass the benefit, nor decide one claim twice.
 */
export async function decideClaim(deps: AppDeps, ctx: ActionContext, id: number, d: ClaimDecision) {
  await deps.db.transaction(async (tx) => {
    const scope = scopeFor(ctx.principal, P.manage.name);
    const claimed = await repo.findClaimInScope(tx, scope, id);
    if (!claimed) throw MutualAidErrors.CLAIM_NOT_FOUND();
    await lockKey(tx, 'mutualaid.enrolment', claimed.e.id);
    const found = (await repo.findClaimInScope(tx, scope, id))!;
    const record = { ...found, status: found.c.status as ClaimStatus };
    const audit = { action: 'mutualaid.claim', entityType: 'mutual_aid_claim', entityId: id, orgId: found.c.orgId, orgPath: found.orgPath };
    await runStep(CLAIM_MACHINE, CLAIM_HANDLERS, { tx, ctx, record, code: d.action, opinion: d.action === 'pay' ? null : d.opinion, errors: CLAIM_ERRORS, audit }, { deps, d });
  });
}

/** The diagnosis of a claim, decrypted; needs the sensitive-data permission over the claim's union; audited. */
export async function revealDiagnosis(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findClaimInScope(tx, scopeFor(ctx.principal, P.sensitive.name), id);
    if (!found) throw MutualAidErrors.CLAIM_NOT_FOUND();
    await audit(tx, ctx, 'mutualaid.reveal', { entityType: 'mutual_aid_claim', entityId: id, orgId: found.c.orgId, orgPath: found.orgPath, summary: `查看${found.memberName}的理赔诊断` });
    return deps.cipher.decrypt(found.c.diagnosisEnc, diagnosisContext(id));
  });
}

const FILES_TABLE = 'mutual_aid_claim_files';

/** A document of a claim, its bytes encrypted; by the member's union while the claim is not settled. */
export async function uploadClaimFile(deps: AppDeps, ctx: ActionContext, claimId: number, kind: keyof typeof CLAIM_FILE_KIND_LABELS, name: string, content: Buffer) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findClaimInScope(tx, scopeFor(ctx.principal, P.write.name), claimId);
    if (!found) throw MutualAidErrors.CLAIM_NOT_FOUND();
    if (found.c.status === 'paid' || found.c.status === 'rejected') throw MutualAidErrors.ILLEGAL_STATUS(`理赔已${CLAIM_STATUS_LABELS[found.c.status]}，不能再补充材料`);
    const stored = await storeFile(tx, {
      orgId: found.c.orgId,
      orgPath: found.orgPath,
      purpose: 'mutual_aid_claim',
      name,
      content,
      uploadedBy: ctx.principal.accountId,
      maxBytes: deps.config.attachmentMaxMb * 1024 * 1024,
      seal: sealFile(deps.cipher, FILES_TABLE),
    });
    const row = await repo.insertClaimFile(tx, { claimId, fileId: stored.id, kind, uploadedBy: ctx.principal.accountId, createdAt: deps.now() });
    await audit(tx, ctx, 'mutualaid.claim', { entityType: 'mutual_aid_claim', entityId: claimId, orgId: found.c.orgId, orgPath: found.orgPath, summary: `${found.memberName}的理赔：上传${CLAIM_FILE_KIND_LABELS[kind]}“${stored.name}”` });
    return row.id;
  });
}

/** A claim's document, decrypted; needs mutualaid.sensitive over the claim's union; audited. */
export async function readClaimFile(deps: AppDeps, ctx: ActionContext, fileRowId: number) {
  return deps.db.transaction(async (tx) => {
    const row = await repo.claimFile(tx, fileRowId);
    const found = row && (await repo.findClaimInScope(tx, scopeFor(ctx.principal, P.sensitive.name), row.claimId));
    if (!row || !found) throw MutualAidErrors.FILE_NOT_FOUND();
    const file = openSealedFile(deps.cipher, FILES_TABLE, (await loadFile(tx, row.fileId))!);
    await audit(tx, ctx, 'mutualaid.reveal', { entityType: 'mutual_aid_claim', entityId: found.c.id, orgId: found.c.orgId, orgPath: found.orgPath, summary: `查看${found.memberName}的理赔材料“${file.name}”` });
    return file;
  });
}
