import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, type DbOrTx } from '@platform/db';
import { loadFile, openSealedFile, sealFile, storeFile } from '@platform/files';
import { addDays, chinaToday } from '@platform/periods';
import { CASE_STATUS_LABELS, CASE_STEPS, EXIT_REASON_LABELS, refusal, stepActor, WATCHED_EXITS, type CaseAction, type CaseStatus } from '../shared/case-machine';
import { accidentHit, bandStanding, CAUSE_LABELS, computeCategory, EXPENSE_KINDS, INCOME_KINDS, qualifies, type HardshipCause } from '../shared/category';
import { FILE_KIND_LABELS, HEALTH_LABELS, type ApplyInput, type AssessmentInput, type CaseFileKind, type Finances, type NoticeItem, type SettingsInput, type StepInput } from '../shared/hardship.schema';
import { HardshipPermissions } from '../shared/hardship.permissions';
import { HardshipErrors } from './hardship.errors';
import * as repo from './hardship.repository';
import type { CaseRow } from './hardship.table';

const P = HardshipPermissions;

/** Months later, clamped to the month's last day (a review due 12 months after 2024-02-29 is 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The encrypted detail of an assessment, bound to its case (a ciphertext moved to another case fails). */
const detailContext = (caseId: number) => ({ table: 'hardship_assessments', column: 'detail', rowId: caseId });
const noteContext = (caseId: number) => ({ table: 'hardship_case_events', column: 'note', rowId: caseId });

interface StoredDetail {
  incomes: { kind: string; annualFen: number }[];
  expenses: { kind: string; annualFen: number }[];
  members: AssessmentInput['members'];
  accidentLossFen: number;
  annualIncomeFen: number;
  rigidExpensesFen: number;
  perCapitaMonthlyFen: number;
  explanation: string;
}

async function audit(tx: DbOrTx, ctx: ActionContext, c: { id: number; orgId: number; orgPath: string }, action: string, summary: string, after?: unknown) {
  await writeAudit(tx, { actor: actorOf(ctx), action, entityType: 'hardship_case', entityId: c.id, orgId: c.orgId, orgPath: c.orgPath, summary, after });
}

/** Computes and stores a new assessment of the case (superseding the last); returns its category result. */
async function assess(deps: AppDeps, tx: DbOrTx, ctx: ActionContext, c: CaseRow, orgPath: string, kind: string, input: AssessmentInput, causes: HardshipCause[]) {
  const assessedOn = input.assessedOn ?? chinaToday(deps.now());
  const threshold = await repo.thresholdFor(tx, c.place, Number(assessedOn.slice(0, 4)));
  if (!threshold) throw HardshipErrors.NO_THRESHOLD(`还没有设置“${c.place}”${assessedOn.slice(0, 4)} 年的低保标准，请先由区总工会在“帮扶参数”中设置`);
  const result = computeCategory({ ...input, causes, minimumLivingFen: threshold.minimumLivingFen });
  const detail: StoredDetail = {
    incomes: input.incomes,
    expenses: input.expenses,
    members: input.members,
    accidentLossFen: input.accidentLossFen,
    annualIncomeFen: result.annualIncomeFen,
    rigidExpensesFen: result.rigidExpensesFen,
    perCapitaMonthlyFen: result.perCapitaMonthlyFen,
    explanation: result.explanation,
  };
  await repo.insertAssessment(tx, {
    caseId: c.id,
    kind,
    assessedOn,
    householdSize: input.householdSize,
    thresholdId: threshold.id,
    minimumLivingFen: threshold.minimumLivingFen,
    category: result.category,
    detailEnc: deps.cipher.encrypt(JSON.stringify(detail), detailContext(c.id)),
    createdBy: ctx.principal.accountId,
  });
  await repo.updateCase(tx, c.id, { category: result.category });
  // The audit row names the category, never the finances.
  await audit(tx, ctx, { id: c.id, orgId: c.orgId, orgPath }, 'hardship.assess', `核定档案 ${c.caseNo} 的家庭经济状况`, { kind, category: result.category });
  return result;
}

function decryptDetail(deps: AppDeps, caseId: number, token: string): StoredDetail {
  return JSON.parse(deps.cipher.decrypt(token, detailContext(caseId))) as StoredDetail;
}

async function event(deps: AppDeps, tx: DbOrTx, ctx: ActionContext, caseId: number, e: { action: string; from: CaseStatus | null; to: CaseStatus; opinion?: string | null; detail?: Record<string, unknown>; noteEnc?: string | null; actorOrgName?: string | null }) {
  await repo.insertEvent(tx, {
    caseId,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    actorId: ctx.principal.accountId,
    actorName: ctx.principal.displayName,
    actorOrgName: e.actorOrgName ?? null,
    opinion: e.opinion || null,
    detail: e.detail ?? {},
    noteEnc: e.noteEnc ?? null,
    at: deps.now(),
  });
}

/** A member's application: by the member online (`self`), or entered by their union. */
export async function apply(deps: AppDeps, ctx: ActionContext, input: ApplyInput, self: boolean) {
  const member = self ? await repo.memberByAccount(deps.db, ctx.principal.accountId) : input.memberId ? await repo.memberById(deps.db, input.memberId) : null;
  if (!member) throw self ? HardshipErrors.NOT_A_MEMBER() : HardshipErrors.MEMBER_NOT_FOUND();
  if (!self && !pathInScope(scopeFor(ctx.principal, P.write.name), member.orgPath)) throw HardshipErrors.MEMBER_NOT_FOUND();
  const today = chinaToday(deps.now());
  const year = Number(today.slice(0, 4));
  return deps.db.transaction(async (tx) => {
    // One living case per member, and case numbers one after another within the year: both counted after
    // taking their locks (member first, then the year's numbering), so a parallel application waits and sees this one.
    await lockKey(tx, 'hardship.member-case', member.id);
    await lockKey(tx, 'hardship.case-no', year);
    if (await repo.livingCaseOf(tx, member.id)) throw HardshipErrors.CASE_EXISTS();
    const secondary = input.secondaryCauses.filter((c) => c !== input.primaryCause);
    const c = await repo.insertCase(tx, {
      caseNo: await repo.nextCaseNo(tx, year),
      memberId: member.id,
      orgId: member.orgId,
      status: 'applied',
      channel: self ? 'online' : 'union',
      primaryCause: input.primaryCause,
      secondaryCauses: secondary,
      place: input.place,
      noticeConsentAt: input.consent ? deps.now() : null,
      noticeConsentCovers: input.consent?.covers ?? [],
      createdBy: ctx.principal.accountId,
      createdAt: deps.now(),
      updatedAt: deps.now(),
    });
    await assess(deps, tx, ctx, c, member.orgPath, 'application', input.assessment, [input.primaryCause, ...secondary]);
    await event(deps, tx, ctx, c.id, { action: 'apply', from: null, to: 'applied', opinion: input.statement ?? null, detail: { channel: c.channel }, actorOrgName: self ? null : member.orgName });
    if (input.consent) await event(deps, tx, ctx, c.id, { action: 'consent', from: 'applied', to: 'applied', detail: { covers: input.consent.covers } });
    await audit(tx, ctx, { id: c.id, orgId: member.orgId, orgPath: member.orgPath }, 'hardship.apply', `${self ? '会员网上申请' : '工会登记'}困难帮扶：${member.name}（档案 ${c.caseNo}）`);
    return c.id;
  });
}

/** A case the principal may see (read permission over its union), or NOT_FOUND. */
export async function caseInScope(db: DbOrTx, ctx: ActionContext, id: number) {
  const row = await repo.findCaseInScope(db, scopeFor(ctx.principal, P.read.name), id);
  if (!row) throw HardshipErrors.NOT_FOUND();
  return row;
}

/** The member's own case, or NOT_FOUND. */
export async function ownCase(db: DbOrTx, ctx: ActionContext, id: number) {
  const member = await repo.memberByAccount(db, ctx.principal.accountId);
  if (!member) throw HardshipErrors.NOT_A_MEMBER();
  const row = (await repo.casesOfMember(db, member.id)).find((r) => r.c.id === id);
  if (!row) throw HardshipErrors.NOT_FOUND();
  return row;
}

/** May this principal take `action` on a case of this union now (its permission over the union)? */
export function mayTake(ctx: ActionContext, action: CaseAction, status: CaseStatus, orgPath: string): boolean {
  const who = stepActor(action, status);
  if (who === 'self') return false;
  return pathInScope(scopeFor(ctx.principal, who === 'file' ? P.file.name : P.write.name), orgPath);
}

/** One step of the case's lifecycle, with its rules; every step is audited with actor and opinion. */
export async function takeStep(deps: AppDeps, ctx: ActionContext, id: number, input: StepInput) {
  const today = chinaToday(deps.now());
  const settings = await repo.settings(deps.db);
  return deps.db.transaction(async (tx) => {
    const found = await caseInScope(tx, ctx, id);
    const c = found.c;
    const from = c.status as CaseStatus;
    const action = input.action;
    const why = refusal(from, action);
    if (why) throw HardshipErrors.ILLEGAL_STEP(why);
    const step = CASE_STEPS[action];
    if (stepActor(action, from) === 'self') throw HardshipErrors.ILLEGAL_STEP('撤回申请只能由申请人本人办理');
    if (!mayTake(ctx, action, from, found.orgPath)) {
      throw stepActor(action, from) === 'file' ? HardshipErrors.STEP_FORBIDDEN() : HardshipErrors.NOT_FOUND();
    }
    const opinion = input.opinion?.trim() || null;
    if (step.opinion && !opinion) throw HardshipErrors.OPINION_REQUIRED(`${step.label}须填写书面意见`);
    const to: CaseStatus = step.to ?? from;
    const changes: Partial<CaseRow> = { status: to };
    const detail: Record<string, unknown> = {};
    let noteEnc: string | null = null;
    const causes = [c.primaryCause, ...c.secondaryCauses] as HardshipCause[];

    switch (action) {
      case 'first_review':
        changes.visitDueOn = addDays(today, settings.visitDueDays);
        break;
      case 'record_visit':
      case 'watch_visit': {
        if (!input.visit) throw HardshipErrors.VISIT_REQUIRED();
        if (action === 'record_visit' && !(await repo.hasFile(tx, c.id, 'authorization'))) throw HardshipErrors.AUTHORIZATION_REQUIRED();
        if (action === 'watch_visit') {
          if (!c.watchUntil || c.watchUntil < today) throw HardshipErrors.WATCH_OVER();
          changes.nextWatchVisitOn = addMonths(input.visit.visitedOn, settings.watchVisitMonths);
        } else {
          changes.visitDueOn = null;
        }
        detail.visitedOn = input.visit.visitedOn;
        detail.visitors = input.visit.visitors;
        noteEnc = deps.cipher.encrypt(input.visit.findings, noteContext(c.id));
        if (input.assessment) {
          const r = await assess(deps, tx, ctx, c, found.orgPath, 'visit', input.assessment, causes);
          detail.category = r.category;
        }
        break;
      }
      case 'start_notice': {
        if (!c.noticeConsentAt || c.noticeConsentCovers.length === 0) throw HardshipErrors.CONSENT_REQUIRED();
        // The window runs from when the notice is posted: a past start would shorten it (or end it at once).
        const starts = input.noticeStartsOn ?? today;
        if (starts < today) throw HardshipErrors.NOTICE_BACKDATED(`公示开始日期 ${starts} 早于今天（${today}），公示期须从实际张贴之日起算满 ${settings.noticeDays} 天，不能补登过去的日期`);
        changes.noticeStartsOn = starts;
        changes.noticeEndsOn = addDays(starts, settings.noticeDays - 1);
        detail.startsOn = starts;
        detail.endsOn = changes.noticeEndsOn;
        break;
      }
      case 'object':
        detail.objection = true;
        break;
      case 'end_notice': {
        if (!c.noticeEndsOn || today <= c.noticeEndsOn) throw HardshipErrors.NOTICE_RUNNING(`公示期到 ${c.noticeEndsOn} 结束，之后才能结束公示`);
        const objected = await repo.hasEvent(tx, c.id, 'object');
        if (objected && !opinion) throw HardshipErrors.OBJECTIONS_OPINION();
        break;
      }
      case 'file': {
        const current = await repo.currentAssessment(tx, c.id);
        if (!current || !qualifies(current.category as never)) throw HardshipErrors.NOT_QUALIFIED();
        changes.filedOn = today;
        changes.nextReviewOn = addMonths(today, settings.reviewIntervalMonths);
        detail.category = current.category;
        break;
      }
      case 'return':
        Object.assign(changes, { noticeStartsOn: null, noticeEndsOn: null, visitDueOn: null });
        break;
      case 'reject':
        break;
      case 'review': {
        if (!input.assessment) throw HardshipErrors.ASSESSMENT_REQUIRED();
        const r = await assess(deps, tx, ctx, c, found.orgPath, 'review', input.assessment, causes);
        const reviewedOn = input.assessment.assessedOn ?? today;
        changes.nextReviewOn = addMonths(reviewedOn, settings.reviewIntervalMonths);
        detail.category = r.category;
        detail.reviewedOn = reviewedOn;
        break;
      }
      case 'exit': {
        if (!input.exitReason) throw HardshipErrors.EXIT_REASON_REQUIRED();
        if (input.exitReason === 'escaped') {
          const current = await repo.currentAssessment(tx, c.id);
          const d = current && decryptDetail(deps, c.id, current.detailEnc);
          if (!current || !d) throw HardshipErrors.EXIT_NOT_ABOVE();
          const band = bandStanding({ perCapitaMonthlyFen: d.perCapitaMonthlyFen, minimumLivingFen: current.minimumLivingFen, accident: accidentHit(causes, d.accidentLossFen, d.annualIncomeFen) }, settings);
          if (band.standing !== 'exit') throw HardshipErrors.EXIT_NOT_ABOVE(`按最新核定，${band.explanation}，不能以“脱困”退出`);
          if ((input.monthsAbove ?? 0) < settings.exitMonths) {
            throw HardshipErrors.EXIT_MONTHS(`以“脱困”退出须家庭人均收入连续 ${settings.exitMonths} 个月高于低保标准（本次填写 ${input.monthsAbove ?? 0} 个月）`);
          }
          detail.monthsAbove = input.monthsAbove;
        }
        changes.exitReason = input.exitReason;
        changes.exitedOn = today;
        changes.nextReviewOn = null;
        if (WATCHED_EXITS.includes(input.exitReason) && settings.watchMonths > 0) {
          changes.watchUntil = addMonths(today, settings.watchMonths);
          changes.nextWatchVisitOn = addMonths(today, Math.min(settings.watchVisitMonths, settings.watchMonths));
        } else {
          changes.watchUntil = null;
          changes.nextWatchVisitOn = null;
        }
        detail.exitReason = input.exitReason;
        detail.exitReasonLabel = EXIT_REASON_LABELS[input.exitReason];
        break;
      }
      case 'relapse': {
        if (!input.assessment) throw HardshipErrors.ASSESSMENT_REQUIRED();
        const r = await assess(deps, tx, ctx, c, found.orgPath, 'relapse', input.assessment, causes);
        // The same band as the exit (not the 2 × 低保 filing rule), so no figures allow both.
        const band = bandStanding({ perCapitaMonthlyFen: r.perCapitaMonthlyFen, minimumLivingFen: r.minimumLivingFen, accident: accidentHit(causes, input.assessment.accidentLossFen, r.annualIncomeFen) }, settings);
        if (band.standing !== 'relapse') throw HardshipErrors.RELAPSE_NOT_QUALIFIED(`按本次核定，${band.explanation}，不能按返困重新纳入帮扶`);
        Object.assign(changes, { relapses: c.relapses + 1, exitReason: null, exitedOn: null, watchUntil: null, nextWatchVisitOn: null, nextReviewOn: addMonths(today, settings.reviewIntervalMonths) });
        detail.category = r.category;
        break;
      }
      case 'withdraw':
        break;
    }
    await repo.updateCase(tx, c.id, { ...changes, updatedAt: deps.now() });
    await event(deps, tx, ctx, c.id, { action, from, to, opinion, detail, noteEnc, actorOrgName: null });
    const moved = to === from ? '' : `，${CASE_STATUS_LABELS[from]} → ${CASE_STATUS_LABELS[to]}`;
    await audit(tx, ctx, { id: c.id, orgId: c.orgId, orgPath: found.orgPath }, 'hardship.transition', `档案 ${c.caseNo}（${found.memberName}）：${step.label}${moved}${opinion ? `；意见：${opinion}` : ''}`, { action, from, to, ...detail });
    return to;
  });
}

/** The member withdraws their own application while it awaits the first review. */
export async function withdrawOwn(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const found = await ownCase(tx, ctx, id);
    const why = refusal(found.c.status as CaseStatus, 'withdraw');
    if (why) throw HardshipErrors.ILLEGAL_STEP(why);
    await repo.updateCase(tx, id, { status: 'withdrawn', updatedAt: deps.now() });
    await event(deps, tx, ctx, id, { action: 'withdraw', from: found.c.status as CaseStatus, to: 'withdrawn' });
    await audit(tx, ctx, { id, orgId: found.c.orgId, orgPath: found.orgPath }, 'hardship.transition', `档案 ${found.c.caseNo}：申请人撤回申请`);
  });
}

/** Records the applicant's consent to a public notice and what it covers (by the union, or the member). */
export async function recordConsent(deps: AppDeps, ctx: ActionContext, id: number, covers: NoticeItem[], self: boolean) {
  return deps.db.transaction(async (tx) => {
    const found = self ? await ownCase(tx, ctx, id) : await caseInScope(tx, ctx, id);
    if (!self && !pathInScope(scopeFor(ctx.principal, P.write.name), found.orgPath)) throw HardshipErrors.NOT_FOUND();
    if (['notice', 'rejected', 'withdrawn'].includes(found.c.status)) throw HardshipErrors.ILLEGAL_STEP(`档案当前为“${CASE_STATUS_LABELS[found.c.status as CaseStatus]}”，不能更改公示同意`);
    await repo.updateCase(tx, id, { noticeConsentAt: deps.now(), noticeConsentCovers: covers });
    await event(deps, tx, ctx, id, { action: 'consent', from: found.c.status as CaseStatus, to: found.c.status as CaseStatus, detail: { covers } });
    await audit(tx, ctx, { id, orgId: found.c.orgId, orgPath: found.orgPath }, 'hardship.transition', `档案 ${found.c.caseNo}：登记公示同意（${covers.length} 项）`);
  });
}

/** Stores a document of the case, its bytes encrypted; by the union or by the member on their own case. */
export async function uploadFile(deps: AppDeps, ctx: ActionContext, id: number, kind: CaseFileKind, name: string, content: Buffer, self: boolean) {
  return deps.db.transaction(async (tx) => {
    const found = self ? await ownCase(tx, ctx, id) : await caseInScope(tx, ctx, id);
    if (!self && !pathInScope(scopeFor(ctx.principal, P.write.name), found.orgPath)) throw HardshipErrors.NOT_FOUND();
    const stored = await storeFile(tx, {
      orgId: found.c.orgId,
      orgPath: found.orgPath,
      purpose: 'hardship_case',
      name,
      content,
      uploadedBy: ctx.principal.accountId,
      maxBytes: deps.config.attachmentMaxMb * 1024 * 1024,
      seal: sealFile(deps.cipher, 'hardship_case_files'),
    });
    const row = await repo.insertCaseFile(tx, { caseId: id, fileId: stored.id, kind, uploadedBy: ctx.principal.accountId, createdAt: deps.now() });
    await event(deps, tx, ctx, id, { action: 'upload', from: found.c.status as CaseStatus, to: found.c.status as CaseStatus, detail: { kind, name: stored.name } });
    await audit(tx, ctx, { id, orgId: found.c.orgId, orgPath: found.orgPath }, 'hardship.file_upload', `档案 ${found.c.caseNo}：上传${FILE_KIND_LABELS[kind]}“${stored.name}”`);
    return row.id;
  });
}

/** A case document, decrypted; needs the sensitive-data permission over the case's union, and is audited. */
export async function readFile(deps: AppDeps, ctx: ActionContext, fileRowId: number) {
  return deps.db.transaction(async (tx) => {
    const row = await repo.caseFile(tx, fileRowId);
    const found = row && (await repo.findCaseInScope(tx, scopeFor(ctx.principal, P.sensitive.name), row.caseId));
    if (!row || !found) throw HardshipErrors.FILE_NOT_FOUND();
    const file = openSealedFile(deps.cipher, 'hardship_case_files', (await loadFile(tx, row.fileId))!);
    await audit(tx, ctx, { id: found.c.id, orgId: found.c.orgId, orgPath: found.orgPath }, 'hardship.reveal', `查看档案 ${found.c.caseNo}（${found.memberName}）的材料“${file.name}”`);
    return file;
  });
}

/** The finances of every assessment and the visit notes, decrypted; needs the sensitive-data permission; audited. */
export async function revealFinances(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findCaseInScope(tx, scopeFor(ctx.principal, P.sensitive.name), id);
    if (!found) throw HardshipErrors.NOT_FOUND();
    const assessments = await repo.assessmentsOf(tx, id);
    const events = await repo.eventsOf(tx, id);
    await audit(tx, ctx, { id, orgId: found.c.orgId, orgPath: found.orgPath }, 'hardship.reveal', `查看档案 ${found.c.caseNo}（${found.memberName}）的家庭收支和入户调查情况`);
    return {
      assessments: assessments.map((a) => ({ id: a.id, finances: presentFinances(a.householdSize, decryptDetail(deps, id, a.detailEnc)) })),
      notes: events.filter((e) => e.noteEnc).map((e) => ({ eventId: e.id, note: deps.cipher.decrypt(e.noteEnc!, noteContext(id)) })),
    };
  });
}

function presentFinances(householdSize: number, d: StoredDetail): Finances {
  return {
    householdSize,
    incomes: d.incomes.map((i) => ({ ...i, label: INCOME_KINDS[i.kind as keyof typeof INCOME_KINDS] ?? i.kind })),
    expenses: d.expenses.map((e) => ({ ...e, label: EXPENSE_KINDS[e.kind as keyof typeof EXPENSE_KINDS] ?? e.kind })),
    accidentLossFen: d.accidentLossFen,
    members: d.members.map((m) => ({ name: m.name, relation: m.relation, health: m.health, healthLabel: HEALTH_LABELS[m.health], note: m.note ?? null })),
    annualIncomeFen: d.annualIncomeFen,
    rigidExpensesFen: d.rigidExpensesFen,
    perCapitaMonthlyFen: d.perCapitaMonthlyFen,
    explanation: d.explanation,
  };
}

/** The public notice of a case: only what the consent covers; the ID number always masked. */
export function noticeOf(found: repo.CaseWithNames, categoryLabel: string | null) {
  const c = found.c;
  const covers = new Set(c.noticeConsentCovers);
  const name = covers.has('name') ? found.memberName : `${found.memberName.slice(0, 1)}某`;
  const lines = [
    { label: '档案编号', value: c.caseNo },
    { label: '姓名', value: name },
    { label: '居民身份证号码', value: found.idNumberMasked },
    ...(covers.has('union') ? [{ label: '所在工会', value: found.orgName }] : []),
    ...(covers.has('category') && categoryLabel ? [{ label: '困难类别', value: categoryLabel }] : []),
    ...(covers.has('cause') ? [{ label: '主要致困原因', value: CAUSE_LABELS[c.primaryCause as HardshipCause] ?? c.primaryCause }] : []),
  ];
  const window = c.noticeStartsOn ? `公示期为 ${c.noticeStartsOn} 至 ${c.noticeEndsOn}。` : '';
  const text = `经本人申请、基层工会初审和入户调查，拟将 ${name} 家庭纳入困难职工帮扶档案管理，现予公示。${window}如有异议，请在公示期内向所在工会或区总工会反映。`;
  return { caseNo: c.caseNo, title: '困难职工建档公示', lines, startsOn: c.noticeStartsOn, endsOn: c.noticeEndsOn, text };
}

export async function updateSettings(deps: AppDeps, ctx: ActionContext, input: SettingsInput) {
  if (input.relapseIncomePercent > input.exitIncomePercent) {
    throw HardshipErrors.BAND_ORDER(`返困线（低保标准的 ${input.relapseIncomePercent}%）不能高于脱困线（${input.exitIncomePercent}%），否则同一家庭收入既可脱困又可返困`);
  }
  await deps.db.transaction(async (tx) => {
    await repo.updateSettings(tx, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hardship.settings', entityType: 'hardship_settings', entityId: 1, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: '修改帮扶工作参数', after: input });
  });
}

export async function saveThreshold(deps: AppDeps, ctx: ActionContext, input: { place: string; year: number; minimumLivingFen: number; source?: string | undefined }) {
  return deps.db.transaction(async (tx) => {
    const row = await repo.upsertThreshold(tx, { ...input, source: input.source ?? null });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hardship.threshold', entityType: 'hardship_threshold', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `设置${input.place} ${input.year} 年低保标准为每人每月 ${(input.minimumLivingFen / 100).toFixed(2)} 元`, after: input });
    return row;
  });
}

export { EXIT_REASON_LABELS };
