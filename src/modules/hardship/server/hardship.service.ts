import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, type DbOrTx } from '@platform/db';
import { loadFile, openSealedFile, sealFile, storeFile } from '@platform/files';
import { addDays, addMonths, chinaToday } from '@platform/periods';
import { deadlineOf, runStep, type StepErrors, type StepHandlers, type StepRun } from '@platform/workflow';
import { CASE_ACTIONS, CASE_MACHINE, CASE_STATUS_LABELS, EXIT_REASON_LABELS, WATCHED_EXITS, type CaseAction, type CaseStatus } from '../shared/case-machine';
import { accidentHit, bandStanding, CAUSE_LABELS, computeCategory, EXPENSE_KINDS, INCOME_KINDS, qualifies, type HardshipCause } from '../shared/category';
import { FILE_KIND_LABELS, HEALTH_LABELS, type ApplyInput, type AssessmentInput, type CaseFileKind, type Finances, type NoticeItem, type SettingsInput, type StepInput } from '../shared/hardship.schema';
import { HardshipPermissions } from '../shared/hardship.permissions';
import { HardshipErrors } from './hardship.errors';
import * as repo from './hardship.repository';
import type { CaseRow } from './hardship.table';

const P = HardshipPermissions;

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

/** The case as the machine sees it: its status, its union and the facts the guards read. */
export function caseRecord(found: repo.CaseWithNames, files: { kind: string }[]) {
  const c = found.c;
  return { ...found, status: c.status as CaseStatus, hasAuthorization: files.some((f) => f.kind === 'authorization'), hasNoticeConsent: !!c.noticeConsentAt && c.noticeConsentCovers.length > 0 };
}
type CaseRecord = ReturnType<typeof caseRecord>;

const CASE_ERRORS: StepErrors<CaseAction> = {
  illegal: (m) => HardshipErrors.ILLEGAL_STEP(m),
  // A union without the write permission over the case sees it but cannot act: it answers as if absent.
  forbidden: (_m, actor) => (actor !== 'self' && actor.permission === P.file.name ? HardshipErrors.STEP_FORBIDDEN() : HardshipErrors.NOT_FOUND()),
  opinion: (m) => HardshipErrors.OPINION_REQUIRED(m),
  guard: { record_visit: (m) => HardshipErrors.AUTHORIZATION_REQUIRED(m), start_notice: (m) => HardshipErrors.CONSENT_REQUIRED(m) },
};

interface CaseStepArgs {
  deps: AppDeps;
  input: StepInput;
  today: string;
  settings: Awaited<ReturnType<typeof repo.settings>>;
}
/** What a step changes on the case, and what its history event records. */
interface CaseEffect {
  changes?: Partial<CaseRow>;
  detail?: Record<string, unknown>;
  noteEnc?: string | null;
}
type CaseRun = StepRun<typeof CASE_MACHINE, CaseRecord>;

/** The visit of a record_visit / watch_visit step: the findings encrypted, the assessment if one was made. */
async function visitEffect(run: CaseRun, { deps, input }: CaseStepArgs, changes: Partial<CaseRow>): Promise<CaseEffect> {
  const c = run.record.c;
  const visit = input.visit!;
  const detail: Record<string, unknown> = { visitedOn: visit.visitedOn, visitors: visit.visitors };
  const noteEnc = deps.cipher.encrypt(visit.findings, noteContext(c.id));
  if (input.assessment) detail.category = (await assess(deps, run.tx, run.ctx, c, run.record.orgPath, 'visit', input.assessment, causesOf(c))).category;
  return { changes, detail, noteEnc };
}
const causesOf = (c: CaseRow) => [c.primaryCause, ...c.secondaryCauses] as HardshipCause[];

/** One effect per step of the machine: a missing step is a type error. */
const CASE_EFFECTS = {
  first_review: async (_run, { today, settings }) => ({ changes: { visitDueOn: deadlineOf(CASE_MACHINE, 'visiting', today, { visitDueDays: settings.visitDueDays })!.date } }),
  record_visit: async (run, args) => visitEffect(run, args, { visitDueOn: null }),
  watch_visit: async (run, args) => {
    const c = run.record.c;
    if (!c.watchUntil || c.watchUntil < args.today) throw HardshipErrors.WATCH_OVER();
    return visitEffect(run, args, { nextWatchVisitOn: addMonths(args.input.visit!.visitedOn, args.settings.watchVisitMonths) });
  },
  start_notice: async (_run, { input, today, settings }) => {
    // The window runs from when the notice is posted: a past start would shorten it (or end it at once).
    const starts = input.noticeStartsOn ?? today;
    if (starts < today) throw HardshipErrors.NOTICE_BACKDATED(`公示开始日期 ${starts} 早于今天（${today}），公示期须从实际张贴之日起算满 ${settings.noticeDays} 天，不能补登过去的日期`);
    const endsOn = addDays(starts, settings.noticeDays - 1);
    return { changes: { noticeStartsOn: starts, noticeEndsOn: endsOn }, detail: { startsOn: starts, endsOn } };
  },
  object: async () => ({ detail: { objection: true } }),
  end_notice: async (run, { today }) => {
    const c = run.record.c;
    if (!c.noticeEndsOn || today <= c.noticeEndsOn) throw HardshipErrors.NOTICE_RUNNING(`公示期到 ${c.noticeEndsOn} 结束，之后才能结束公示`);
    if ((await repo.hasEvent(run.tx, c.id, 'object')) && !run.opinion) throw HardshipErrors.OBJECTIONS_OPINION();
    return {};
  },
  file: async (run, { today, settings }) => {
    const current = await repo.currentAssessment(run.tx, run.record.c.id);
    if (!current || !qualifies(current.category as never)) throw HardshipErrors.NOT_QUALIFIED();
    return { changes: { filedOn: today, nextReviewOn: addMonths(today, settings.reviewIntervalMonths) }, detail: { category: current.category } };
  },
  return: async () => ({ changes: { noticeStartsOn: null, noticeEndsOn: null, visitDueOn: null } }),
  reject: async () => ({}),
  withdraw: async () => ({}),
  review: async (run, { deps, input, today, settings }) => {
    const r = await assess(deps, run.tx, run.ctx, run.record.c, run.record.orgPath, 'review', input.assessment!, causesOf(run.record.c));
    const reviewedOn = input.assessment!.assessedOn ?? today;
    return { changes: { nextReviewOn: addMonths(reviewedOn, settings.reviewIntervalMonths) }, detail: { category: r.category, reviewedOn } };
  },
  exit: async (run, { deps, input, today, settings }) => {
    const c = run.record.c;
    const reason = input.exitReason!;
    const detail: Record<string, unknown> = {};
    if (reason === 'escaped') {
      const current = await repo.currentAssessment(run.tx, c.id);
      const d = current && decryptDetail(deps, c.id, current.detailEnc);
      if (!current || !d) throw HardshipErrors.EXIT_NOT_ABOVE();
      const band = bandStanding({ perCapitaMonthlyFen: d.perCapitaMonthlyFen, minimumLivingFen: current.minimumLivingFen, accident: accidentHit(causesOf(c), d.accidentLossFen, d.annualIncomeFen) }, settings);
      if (band.standing !== 'exit') throw HardshipErrors.EXIT_NOT_ABOVE(`按最新核定，${band.explanation}，不能以“脱困”退出`);
      if ((input.monthsAbove ?? 0) < settings.exitMonths) {
        throw HardshipErrors.EXIT_MONTHS(`以“脱困”退出须家庭人均收入连续 ${settings.exitMonths} 个月高于低保标准（本次填写 ${input.monthsAbove ?? 0} 个月）`);
      }
      detail.monthsAbove = input.monthsAbove;
    }
    const watched = WATCHED_EXITS.includes(reason) && settings.watchMonths > 0;
    const changes: Partial<CaseRow> = {
      exitReason: reason,
      exitedOn: today,
      nextReviewOn: null,
      watchUntil: watched ? addMonths(today, settings.watchMonths) : null,
      nextWatchVisitOn: watched ? addMonths(today, Math.min(settings.watchVisitMonths, settings.watchMonths)) : null,
    };
    return { changes, detail: { ...detail, exitReason: reason, exitReasonLabel: EXIT_REASON_LABELS[reason] } };
  },
  relapse: async (run, { deps, input, today, settings }) => {
    const c = run.record.c;
    const r = await assess(deps, run.tx, run.ctx, c, run.record.orgPath, 'relapse', input.assessment!, causesOf(c));
    // The same band as the exit (not the 2 × 低保 filing rule), so no figures allow both.
    const band = bandStanding({ perCapitaMonthlyFen: r.perCapitaMonthlyFen, minimumLivingFen: r.minimumLivingFen, accident: accidentHit(causesOf(c), input.assessment!.accidentLossFen, r.annualIncomeFen) }, settings);
    if (band.standing !== 'relapse') throw HardshipErrors.RELAPSE_NOT_QUALIFIED(`按本次核定，${band.explanation}，不能按返困重新纳入帮扶`);
    return { changes: { relapses: c.relapses + 1, exitReason: null, exitedOn: null, watchUntil: null, nextWatchVisitOn: null, nextReviewOn: addMonths(today, settings.reviewIntervalMonths) }, detail: { category: r.category } };
  },
} satisfies Record<CaseAction, (run: CaseRun, args: CaseStepArgs) => Promise<CaseEffect>>;

/** Every step ends the same way: the case updated, its history event, and (by the kit) its audit row. */
const CASE_HANDLERS = Object.fromEntries(
  CASE_ACTIONS.map((action) => [
    action,
    async (run: CaseRun, args: CaseStepArgs) => {
      const effect: (run: CaseRun, args: CaseStepArgs) => Promise<CaseEffect> = CASE_EFFECTS[action];
      const { changes = {}, detail = {}, noteEnc = null } = await effect(run, args);
      const c = run.record.c;
      await repo.updateCase(run.tx, c.id, { ...changes, status: run.to, updatedAt: args.deps.now() });
      await event(args.deps, run.tx, run.ctx, c.id, { action, from: run.from, to: run.to, opinion: run.opinion, detail, noteEnc, actorOrgName: null });
      const moved = run.to === run.from ? '' : `，${CASE_STATUS_LABELS[run.from]} → ${CASE_STATUS_LABELS[run.to]}`;
      const who = action === 'withdraw' ? '申请人' : '';
      return { audit: { summary: `档案 ${c.caseNo}（${run.record.memberName}）：${who}${run.label}${moved}${run.opinion ? `；意见：${run.opinion}` : ''}`, after: { action, from: run.from, to: run.to, ...detail } } };
    },
  ]),
) as StepHandlers<typeof CASE_MACHINE, CaseRecord, CaseStepArgs>;

/** The input a step needs beyond its opinion (checked after the state, actor and opinion, before the guard). */
function validateInput(action: CaseAction, input: StepInput) {
  if ((action === 'record_visit' || action === 'watch_visit') && !input.visit) throw HardshipErrors.VISIT_REQUIRED();
  if ((action === 'review' || action === 'relapse') && !input.assessment) throw HardshipErrors.ASSESSMENT_REQUIRED();
  if (action === 'exit' && !input.exitReason) throw HardshipErrors.EXIT_REASON_REQUIRED();
}

async function runCaseStep(deps: AppDeps, tx: DbOrTx, ctx: ActionContext, found: repo.CaseWithNames, input: StepInput, asSelf: boolean) {
  const record = caseRecord(found, await repo.filesOf(tx, found.c.id));
  const args: CaseStepArgs = { deps, input, today: chinaToday(deps.now()), settings: await repo.settings(tx) };
  const { to } = await runStep(CASE_MACHINE, CASE_HANDLERS, {
    tx,
    ctx,
    record,
    code: input.action,
    opinion: input.opinion,
    asSelf,
    errors: CASE_ERRORS,
    validate: () => validateInput(input.action, input),
    audit: { action: 'hardship.transition', entityType: 'hardship_case', entityId: found.c.id, orgId: found.c.orgId, orgPath: found.orgPath },
  }, args);
  return to;
}

/** One step of the case's lifecycle, with its rules; every step is audited with actor and opinion. */
export async function takeStep(deps: AppDeps, ctx: ActionContext, id: number, input: StepInput) {
  return deps.db.transaction(async (tx) => runCaseStep(deps, tx, ctx, await caseInScope(tx, ctx, id), input, false));
}

/** The member withdraws their own application while it awaits the first review. */
export async function withdrawOwn(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => runCaseStep(deps, tx, ctx, await ownCase(tx, ctx, id), { action: 'withdraw' } as StepInput, true));
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
