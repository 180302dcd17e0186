import { randomUUID } from 'node:crypto';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import { deleteFile, storeFile } from '@platform/files';
import { chinaToday } from '@platform/periods';
import { runStep, stepsFrom, type StepErrors, type StepHandlers } from '@platform/workflow';
import { findOrgInScope } from '@modules/organisations/server';
import { tierOf, type OrgKind } from '@modules/organisations/shared/org-kinds';
import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import { ASSESSMENT_MACHINE, type AssessmentState } from '../shared/assessment-machine';
import { gradeOf, type ChecklistInput } from '../shared/standard.schema';
import { StandardPermissions } from '../shared/standard.permissions';
import { StandardErrors } from './standard.errors';
import * as repo from './standard.repository';

const audit = (tx: DbOrTx, ctx: ActionContext, e: { action: string; entityType: string; entityId: number; orgId: number; orgPath: string; summary: string; after?: unknown }) =>
  writeAudit(tx, { actor: actorOf(ctx), ...e });

// ---------------------------------------------------------------- checklists (district-wide)

const itemValues = (items: ChecklistInput['items']) =>
  items.map((it) => ({ title: it.title, description: it.description || null, maxScore: it.maxScore, evidenceHint: it.evidenceHint || null }));

function checkBands(input: ChecklistInput) {
  const total = input.items.reduce((s, i) => s + i.maxScore, 0);
  const over = input.gradeBands.find((b) => b.minScore > total);
  if (over) throw StandardErrors.SCORE_RANGE(`等级「${over.label}」的最低分 ${over.minScore} 超过了总分 ${total}`);
  const labels = new Set(input.gradeBands.map((b) => b.label));
  if (labels.size !== input.gradeBands.length) throw StandardErrors.SCORE_RANGE('等级名称不能重复');
}

/** A new standard (its first version, a draft). `series` is given only by the demo seed. */
export async function createChecklist(deps: AppDeps, ctx: ActionContext, input: ChecklistInput, series?: string) {
  checkBands(input);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertChecklist(tx, { series: series ?? randomUUID().slice(0, 8), name: input.name, version: 1, description: input.description || null, effectiveFrom: input.effectiveFrom, gradeBands: input.gradeBands });
    await repo.insertItems(tx, row.id, itemValues(input.items));
    await audit(tx, ctx, { action: 'standard.checklist', entityType: 'standard_checklist', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `新建检查标准「${input.name}」（草稿）` });
    return row.id;
  });
}

async function requireDraft(db: DbOrTx, id: number) {
  const c = await repo.checklistById(db, id);
  if (!c) throw StandardErrors.CHECKLIST_NOT_FOUND();
  if (c.status !== 'draft') throw StandardErrors.NOT_DRAFT();
  return c;
}

export async function updateChecklist(deps: AppDeps, ctx: ActionContext, id: number, input: ChecklistInput) {
  checkBands(input);
  await deps.db.transaction(async (tx) => {
    await requireDraft(tx, id);
    await repo.replaceDraft(tx, id, { name: input.name, description: input.description || null, effectiveFrom: input.effectiveFrom, gradeBands: input.gradeBands }, itemValues(input.items));
    await audit(tx, ctx, { action: 'standard.checklist', entityType: 'standard_checklist', entityId: id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `修改检查标准草稿「${input.name}」`, after: input });
  });
}

/** Starts the next version of a standard as a draft copy of its newest version (or returns the open draft). */
export async function newVersion(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const base = await repo.checklistById(tx, id);
    if (!base) throw StandardErrors.CHECKLIST_NOT_FOUND();
    const draft = await repo.openDraftOf(tx, base.series);
    if (draft) return draft;
    const row = await repo.insertChecklist(tx, { series: base.series, name: base.name, version: (await repo.maxVersion(tx, base.series)) + 1, description: base.description, effectiveFrom: chinaToday(deps.now()), gradeBands: base.gradeBands });
    await repo.insertItems(tx, row.id, base.items.map((i) => ({ title: i.title, description: i.description, maxScore: i.maxScore, evidenceHint: i.evidenceHint })));
    await audit(tx, ctx, { action: 'standard.checklist', entityType: 'standard_checklist', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `检查标准「${base.name}」新建第 ${row.version} 版（草稿）` });
    return row.id;
  });
}

/** Publishes a draft: it becomes the version new assessments use; the previous version is retired (its assessments keep it). */
export async function publishChecklist(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => {
    const c = await requireDraft(tx, id);
    await repo.publish(tx, id, c.series, deps.now());
    await audit(tx, ctx, { action: 'standard.publish', entityType: 'standard_checklist', entityId: id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `发布检查标准「${c.name}」第 ${c.version} 版` });
  });
}

export async function deleteDraftChecklist(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => {
    const c = await requireDraft(tx, id);
    if (c.assessments > 0) throw StandardErrors.IN_USE();
    await repo.deleteChecklist(tx, id);
    await audit(tx, ctx, { action: 'standard.checklist', entityType: 'standard_checklist', entityId: id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `删除检查标准草稿「${c.name}」第 ${c.version} 版` });
  });
}

// ---------------------------------------------------------------- assessments

/** The assessment when its union lies inside the scope of `permission`; otherwise NOT_FOUND (never a hint it exists). */
export async function requireAssessment(db: DbOrTx, principal: Principal, id: number, permission: string) {
  const a = await repo.assessmentById(db, id);
  if (!a || !pathInScope(scopeFor(principal, permission), a.org_path)) throw StandardErrors.NOT_FOUND();
  return a;
}

const principalOrgIs = (principal: Principal, orgId: number) => principal.orgId === orgId;

/** Scores and evidence change only while the union may still submit (自评中, 已退回). */
const editable = (status: string) => stepsFrom(ASSESSMENT_MACHINE, status).includes('submit');

/** Whether the principal's union filled in this assessment (its own, or scores, evidence or submission by it). */
export function filledBy(principal: Principal, a: { org_id: number; filler_org_ids: number[] }) {
  return principal.orgId === a.org_id || a.filler_org_ids.includes(principal.orgId);
}

export async function startAssessment(deps: AppDeps, ctx: ActionContext, input: { orgId: number; year: number; series: string }) {
  if (input.year > Number(chinaToday(deps.now()).slice(0, 4))) throw StandardErrors.FUTURE_YEAR();
  const found = await findOrgInScope(deps.db, scopeFor(ctx.principal, StandardPermissions.assess.name), input.orgId);
  if (!found || found.org.closedOn || tierOf(found.org.kind as OrgKind) !== 'grassroots') throw StandardErrors.UNION_NOT_FOUND();
  const checklist = await repo.latestPublished(deps.db, input.series);
  if (!checklist) throw StandardErrors.NO_PUBLISHED();
  return deps.db.transaction(async (tx) => {
    const exists = await repo.findAssessmentId(tx, input.orgId, input.year, input.series);
    if (exists) return exists;
    const newId = await repo.insertAssessment(tx, { orgId: input.orgId, year: input.year, series: input.series, checklistId: checklist.id });
    await audit(tx, ctx, { action: 'standard.self', entityType: 'standard_assessment', entityId: newId, orgId: input.orgId, orgPath: found.org.path, summary: `“${found.org.name}”开始 ${input.year} 年度「${checklist.name}」自评` });
    return newId;
  });
}

type ScoreInput = { itemId: number; score: number | null; note?: string | null | undefined };

/** Checks scores against the items of the assessment's checklist; the message names the item. */
function checkScores(items: { id: number; title: string; maxScore: number }[], scores: ScoreInput[]) {
  for (const s of scores) {
    const item = items.find((i) => i.id === s.itemId);
    if (!item) throw StandardErrors.UNKNOWN_ITEM();
    if (s.score != null && s.score > item.maxScore) throw StandardErrors.SCORE_RANGE(`「${item.title}」得分不能超过 ${item.maxScore} 分`);
  }
}

export async function saveSelfScores(deps: AppDeps, ctx: ActionContext, id: number, scores: ScoreInput[]) {
  await deps.db.transaction(async (tx) => {
    const a = await requireAssessment(tx, ctx.principal, id, StandardPermissions.assess.name);
    if (!editable(a.status)) throw StandardErrors.LOCKED();
    const c = (await repo.checklistById(tx, a.checklist_id))!;
    checkScores(c.items, scores);
    for (const s of scores) await repo.upsertScore(tx, id, s.itemId, { selfScore: s.score, selfNote: s.note || null });
    await repo.noteFiller(tx, id, ctx.principal.orgId);
    const all = await repo.scoresOf(tx, id);
    const selfTotal = all.reduce((n, s) => n + (s.selfScore ?? 0), 0);
    await repo.updateAssessment(tx, id, { selfTotal, updatedAt: deps.now() });
    await audit(tx, ctx, { action: 'standard.self', entityType: 'standard_assessment', entityId: id, orgId: a.org_id, orgPath: a.org_path, summary: `“${a.org_name}”${a.year} 年度自评打分，合计 ${selfTotal} 分`, after: { scores } });
  });
}

export async function addEvidence(deps: AppDeps, ctx: ActionContext, id: number, itemId: number, fileName: string, content: Buffer) {
  return deps.db.transaction(async (tx) => {
    const a = await requireAssessment(tx, ctx.principal, id, StandardPermissions.assess.name);
    if (!editable(a.status)) throw StandardErrors.LOCKED();
    const c = (await repo.checklistById(tx, a.checklist_id))!;
    const item = c.items.find((i) => i.id === itemId);
    if (!item) throw StandardErrors.UNKNOWN_ITEM();
    const file = await storeFile(tx, { orgId: a.org_id, orgPath: a.org_path, purpose: 'standard.evidence', name: fileName, content, uploadedBy: ctx.principal.accountId, maxBytes: deps.config.attachmentMaxMb * 1024 * 1024 });
    const [ev] = await repo.insertEvidence(tx, [{ assessmentId: id, itemId, fileId: file.id }]);
    await repo.noteFiller(tx, id, ctx.principal.orgId);
    await audit(tx, ctx, { action: 'standard.evidence', entityType: 'standard_assessment', entityId: id, orgId: a.org_id, orgPath: a.org_path, summary: `“${a.org_name}”为「${item.title}」上传佐证材料「${file.name}」` });
    return { id: ev!.id, itemId, fileId: file.id, name: file.name, size: file.size, createdAt: ev!.createdAt.toISOString() };
  });
}

export async function removeEvidence(deps: AppDeps, ctx: ActionContext, evidenceId: number) {
  await deps.db.transaction(async (tx) => {
    const ev = await repo.evidenceById(tx, evidenceId);
    if (!ev) throw StandardErrors.EVIDENCE_NOT_FOUND();
    const a = await requireAssessment(tx, ctx.principal, ev.assessmentId, StandardPermissions.assess.name).catch(() => {
      throw StandardErrors.EVIDENCE_NOT_FOUND();
    });
    if (!editable(a.status)) throw StandardErrors.LOCKED();
    await repo.deleteEvidence(tx, evidenceId);
    await repo.noteFiller(tx, a.id, ctx.principal.orgId);
    await deleteFile(tx, ev.fileId);
    await audit(tx, ctx, { action: 'standard.evidence', entityType: 'standard_assessment', entityId: a.id, orgId: a.org_id, orgPath: a.org_path, summary: `“${a.org_name}”删除一份佐证材料` });
  });
}

type FoundAssessment = Awaited<ReturnType<typeof requireAssessment>>;
type ReviewInput = { decision: 'approve' | 'return'; scores: ScoreInput[]; opinion?: string | null | undefined };

const ASSESSMENT_ERRORS: StepErrors<'submit' | 'approve' | 'return'> = {
  illegal: (m, code) => (code === 'submit' ? StandardErrors.LOCKED(m) : StandardErrors.NOT_SUBMITTED(m)),
  forbidden: () => StandardErrors.NOT_FOUND(),
  opinion: () => StandardErrors.OPINION_REQUIRED(),
};

/** Stores the reviewer's scores (checked against the checklist) and returns the checklist. */
async function saveReviewScores(tx: DbOrTx, a: FoundAssessment, scores: ScoreInput[]) {
  const c = (await repo.checklistById(tx, a.checklist_id))!;
  checkScores(c.items, scores);
  for (const s of scores) await repo.upsertScore(tx, a.id, s.itemId, { reviewScore: s.score, reviewNote: s.note || null });
  return c;
}

/** One handler per step of the assessment machine; the kit writes each step's audit row. */
const ASSESSMENT_HANDLERS = {
  submit: async ({ tx, ctx, record: a }, { deps }) => {
    const c = (await repo.checklistById(tx, a.checklist_id))!;
    const scores = await repo.scoresOf(tx, a.id);
    const evidence = await repo.evidenceOf(tx, a.id);
    const unscored = c.items.filter((i) => scores.find((s) => s.itemId === i.id)?.selfScore == null);
    if (unscored.length) throw StandardErrors.INCOMPLETE(`还有 ${unscored.length} 个检查项目没有打分：${unscored.map((i) => `「${i.title}」`).join('、')}`);
    const bare = c.items.filter((i) => (scores.find((s) => s.itemId === i.id)?.selfScore ?? 0) > 0 && !evidence.some((e) => e.itemId === i.id));
    if (bare.length) throw StandardErrors.EVIDENCE_MISSING(`得分的项目须上传佐证材料，还缺：${bare.map((i) => `「${i.title}」`).join('、')}`);
    await repo.updateAssessment(tx, a.id, { status: 'submitted', submittedAt: deps.now(), submittedBy: ctx.principal.accountId, updatedAt: deps.now() });
    await repo.noteFiller(tx, a.id, ctx.principal.orgId);
    return { audit: { action: 'standard.submit', summary: `“${a.org_name}”提交 ${a.year} 年度自评（${a.self_total} 分）` } };
  },
  return: async ({ tx, ctx, record: a, opinion }, { deps, review }) => {
    await saveReviewScores(tx, a, review!.scores);
    await repo.updateAssessment(tx, a.id, { status: 'returned', reviewOpinion: opinion, reviewedAt: deps.now(), reviewedBy: ctx.principal.accountId, reviewerName: actorName(ctx), updatedAt: deps.now() });
    return { audit: { action: 'standard.review', summary: `退回“${a.org_name}”${a.year} 年度自评：${opinion}` } };
  },
  approve: async ({ tx, ctx, record: a, opinion }, { deps, review }) => {
    const c = await saveReviewScores(tx, a, review!.scores);
    const scores = await repo.scoresOf(tx, a.id);
    const missing = c.items.filter((i) => scores.find((s) => s.itemId === i.id)?.reviewScore == null);
    if (missing.length) throw StandardErrors.INCOMPLETE(`审核通过前请为每个项目评定得分，还缺：${missing.map((i) => `「${i.title}」`).join('、')}`);
    const reviewTotal = scores.reduce((n, s) => n + (s.reviewScore ?? 0), 0);
    const { label, passed } = gradeOf(c.gradeBands, reviewTotal);
    await repo.updateAssessment(tx, a.id, { status: 'reviewed', reviewTotal, grade: label, passed, reviewOpinion: opinion, reviewedAt: deps.now(), reviewedBy: ctx.principal.accountId, reviewerName: actorName(ctx), updatedAt: deps.now() });
    return { audit: { action: 'standard.review', summary: `审核“${a.org_name}”${a.year} 年度自评：${reviewTotal} 分，${label}` } };
  },
} satisfies StepHandlers<typeof ASSESSMENT_MACHINE, FoundAssessment, { deps: AppDeps; review?: ReviewInput }>;

const actorName = (ctx: ActionContext) => `${ctx.principal.displayName}（${ctx.principal.username}）`;

function assessmentStep(deps: AppDeps, tx: DbOrTx, ctx: ActionContext, a: FoundAssessment, code: 'submit' | 'approve' | 'return', review?: ReviewInput) {
  const record = { ...a, status: a.status as AssessmentState, orgPath: a.org_path };
  const audit = { action: 'standard.review', entityType: 'standard_assessment', entityId: a.id, orgId: a.org_id, orgPath: a.org_path };
  return runStep(ASSESSMENT_MACHINE, ASSESSMENT_HANDLERS, { tx, ctx, record, code, opinion: review?.opinion, errors: ASSESSMENT_ERRORS, audit }, { deps, review });
}

export async function submitAssessment(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => {
    const a = await requireAssessment(tx, ctx.principal, id, StandardPermissions.assess.name);
    await assessmentStep(deps, tx, ctx, a, 'submit');
  });
}

export async function reviewAssessment(deps: AppDeps, ctx: ActionContext, id: number, input: ReviewInput) {
  await deps.db.transaction(async (tx) => {
    const a = await requireAssessment(tx, ctx.principal, id, StandardPermissions.review.name);
    // Who reviews is more than the permission: never the union that filled it in (checked before the state).
    if (filledBy(ctx.principal, a)) {
      throw principalOrgIs(ctx.principal, a.org_id) ? StandardErrors.OWN_REVIEW() : StandardErrors.FILLER_REVIEW();
    }
    await assessmentStep(deps, tx, ctx, a, input.decision, input);
  });
}

// ---------------------------------------------------------------- honours

export async function addHonour(
  deps: AppDeps,
  ctx: ActionContext,
  input: { orgId: number; title: string; level: string; year: number; awardingBody: string; docNo?: string | null | undefined; remark?: string | null | undefined },
) {
  if (input.year > Number(chinaToday(deps.now()).slice(0, 4))) throw StandardErrors.FUTURE_YEAR();
  const found = await findOrgInScope(deps.db, scopeFor(ctx.principal, OrgPermissions.write.name), input.orgId);
  if (!found || found.org.closedOn) throw StandardErrors.UNION_NOT_FOUND('工会不存在、已撤销或不在您的管辖范围内');
  return deps.db.transaction(async (tx) => {
    const [honourId] = await repo.insertHonours(tx, [{ orgId: input.orgId, title: input.title, level: input.level, year: input.year, awardingBody: input.awardingBody, docNo: input.docNo || null, remark: input.remark || null }]);
    await audit(tx, ctx, { action: 'standard.honour', entityType: 'union_honour', entityId: honourId!, orgId: input.orgId, orgPath: found.org.path, summary: `“${found.org.name}”获 ${input.year} 年度「${input.title}」（${input.awardingBody}）`, after: input });
    return honourId!;
  });
}

export async function revokeHonour(deps: AppDeps, ctx: ActionContext, id: number, input: { revokedOn: string; reason: string }) {
  await deps.db.transaction(async (tx) => {
    const h = await repo.honourById(tx, id);
    const found = h ? await findOrgInScope(tx, scopeFor(ctx.principal, OrgPermissions.write.name), h.orgId) : null;
    if (!h || !found) throw StandardErrors.HONOUR_NOT_FOUND();
    if (h.revokedOn) throw StandardErrors.HONOUR_REVOKED();
    await repo.revokeHonourRow(tx, id, input.revokedOn, input.reason);
    await audit(tx, ctx, { action: 'standard.honour', entityType: 'union_honour', entityId: id, orgId: h.orgId, orgPath: found.org.path, summary: `撤销“${found.org.name}”的「${h.title}」（${h.year}）：${input.reason}` });
  });
}
