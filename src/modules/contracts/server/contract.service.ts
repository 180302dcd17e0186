import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { Tx } from '@platform/db';
import { defineErrors } from '@platform/errors/app-error';
import { refuseMissingAttachments } from '@platform/ledger';
import { addDays, addMonths, chinaToday } from '@platform/periods';
import { parseUscc } from '@platform/validation/china-ids';
import type { WorkCalendar } from '@platform/periods';
import { saveSettingVersion, WORK_CALENDAR, type DatedSetting } from '@platform/settings';
import { runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { registerPlacesByUscc } from '@modules/employers/server';
import { findOrgInScope } from '@modules/organisations/server';
import { voteFailures } from '@modules/congresses/shared/congress-rules';
import { attentionOn, CONTRACT_CLOCK_RULES, contractClocks, daysText, dueAfter, filedOnTime, tookEffectByItself, type ContractClockRules, type ContractDates } from '../shared/contract-clocks';
import { CONTRACT_MACHINE, type ContractStatus, type ContractStep } from '../shared/contract-machine';
import { CONTRACT_KIND, CONTRACT_PAPERS, type ContractInput, type ContractStepInput, type CoveredEmployer } from '../shared/contract.ledger';
import { ContractPermissions } from '../shared/contracts.module';
import type { collectiveContracts } from './contract.table';
import * as repo from './contract.repository';
import type { ClockSetup } from './contract.repository';

export const ContractErrors = defineErrors('CONTRACT', {
  NOT_FOUND: { status: 404, message: '这份集体合同不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '工会不存在或不在您的管辖范围内' },
  UNION_CLOSED: { status: 409, message: '工会已撤销，不能再登记集体合同' },
  BAD_EMPLOYER: { status: 400, message: '覆盖企业填写有误' },
  BAD_DATE: { status: 400, message: '日期不正确' },
  MISSING: { status: 400, message: '请填写这一事项的必填项' },
  VOTE_FAILED: { status: 409, message: '职代会表决未获通过' },
  TERM: { status: 400, message: '集体合同期限为 1 至 3 年' },
  LATE: { status: 400, message: '签订后超过 10 日报送，须填写逾期报送理由' },
  SETTLED: { status: 409, message: '合同已签订：类型、范围和覆盖企业不能再修改' },
  ILLEGAL: { status: 409, message: '当前状态不能办理这一事项' },
  FORBIDDEN: { status: 403, message: '您不能办理这一事项' },
  OPINION: { status: 400, message: '请填写意见' },
});

const write = (ctx: ActionContext) => scopeFor(ctx.principal, ContractPermissions.write.name);
type ContractValues = typeof collectiveContracts.$inferSelect;

/** The dates the clocks read, from a stored row. */
export const datesOf = (c: ContractValues): ContractDates => c;
/** The day the contract becomes 待办: the earliest among its running clocks (null when none runs). */
/** The day the contract next becomes 待办 under the clock rules and calendar of `today`. */
export const nextDueOf = (c: ContractDates, today: string, setup: ClockSetup) => contractClocks(c, today, setup.rules, setup.cal).filter((k) => !k.doneOn).map(attentionOn).sort()[0] ?? null;

/** Covered enterprises: valid USCC, each once; a single-enterprise contract covers exactly one. */
function checkEmployers(scope: string, list: CoveredEmployer[]): CoveredEmployer[] {
  const out: CoveredEmployer[] = [];
  for (const [i, x] of list.entries()) {
    const p = parseUscc(x.uscc);
    if ('error' in p) throw ContractErrors.BAD_EMPLOYER(`第 ${i + 1} 家覆盖企业“${x.name}”：${p.error}`);
    if (out.some((o) => o.uscc === p.uscc)) throw ContractErrors.BAD_EMPLOYER(`覆盖企业“${x.name}”填写了两次`);
    out.push({ ...x, uscc: p.uscc });
  }
  if (scope === 'single' && out.length !== 1) throw ContractErrors.BAD_EMPLOYER('单个企业的集体合同只覆盖一家企业；覆盖多家请选择区域性或行业性');
  return out;
}

const wageOf = (v: Partial<ContractInput>) => ({
  ...(v.avgWageLastYear !== undefined ? { avgWageLastYearFen: v.avgWageLastYear === null ? null : v.avgWageLastYear * 100 } : {}),
  ...(v.wageIncreasePct !== undefined ? { wageIncreasePct: v.wageIncreasePct } : {}),
  ...(v.minWageMultiple !== undefined ? { minWageMultiple: v.minWageMultiple } : {}),
});

/**
 * A contract may cover an enterprise of the register only where the writer works: kept in the register by a union in
 * the writer's scope, or covered by one (a grassroots union's own enterprise is kept by its street). An enterprise
 * outside the register is the writer's word.
 */
async function checkEmployersInScope(tx: Tx, ctx: ActionContext, list: CoveredEmployer[]) {
  const places = await registerPlacesByUscc(tx, list.map((x) => x.uscc));
  const scope = write(ctx);
  for (const x of list) {
    const p = places.get(x.uscc);
    if (p && !pathInScope(scope, p.keptBy) && !(p.coveredBy && pathInScope(scope, p.coveredBy))) throw ContractErrors.BAD_EMPLOYER(`覆盖企业“${p.name}”登记在${p.keptByName}，不在您的管辖范围内：请由其所在街道或区总工会登记`);
  }
}

/** Records a 要约 (the written offer to negotiate) that starts a contract. */
export async function createContract(deps: AppDeps, ctx: ActionContext, input: ContractInput) {
  const today = chinaToday(deps.now());
  if (input.offerOn > today) throw ContractErrors.BAD_DATE('要约日期不能晚于今天');
  const employers = checkEmployers(input.scope, input.employers);
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw ContractErrors.UNION_NOT_FOUND();
    if (union.org.closedOn) throw ContractErrors.UNION_CLOSED();
    await checkEmployersInScope(tx, ctx, employers);
    const { employers: _e, avgWageLastYear: _a, ...rest } = input;
    const draft = { ...rest, ...wageOf(input), status: 'offered' as const, replyOn: null, firstRoundOn: null, signedOn: null, filedOn: null, correctionOn: null, refiledOn: null, receivedOn: null, objectionOn: null, effectiveOn: null, publishedOn: null, startsOn: null, endsOn: null, filingDueOn: null, reviewDueOn: null, lastReportOn: null, renewedOn: null, terminatedOn: null };
    const row = await repo.insertContract(tx, { ...draft, nextDueOn: nextDueOf(draft, today, await repo.clockSetup(tx, today)) });
    await repo.replaceEmployers(tx, row.id, employers);
    await repo.insertEvent(tx, { contractId: row.id, step: 'offer', on: row.offerOn, note: `${input.offerBy === 'union' ? '工会方' : '企业方'}发出协商要约` });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'contract.create', entityType: 'collective_contract', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `登记${CONTRACT_KIND.label(row.kind)}要约“${row.title}”（${row.offerOn}）`, after: { ...row, employers } });
    return row;
  });
}

/** Changes the record's own fields; the kind, scope and covered enterprises are settled once it is signed. */
export async function updateContract(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<ContractInput, 'orgId'>>) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    await repo.settleContracts(tx, today);
    const found = await repo.findContract(tx, write(ctx), id, true);
    if (!found) throw ContractErrors.NOT_FOUND();
    const k = found.contract;
    const signed = k.signedOn !== null;
    if (signed && (input.kind !== undefined && input.kind !== k.kind || input.scope !== undefined && input.scope !== k.scope || input.employers !== undefined || input.offerOn !== undefined && input.offerOn !== k.offerOn)) throw ContractErrors.SETTLED();
    if (input.offerOn && (input.offerOn > today || (k.replyOn && input.offerOn > k.replyOn))) throw ContractErrors.BAD_DATE('要约日期不能晚于今天或要约回复日期');
    const employers = input.employers ? checkEmployers(input.scope ?? k.scope, input.employers) : null;
    if (employers) await checkEmployersInScope(tx, ctx, employers);
    if (!employers && input.scope === 'single' && found.enterprises !== 1) throw ContractErrors.BAD_EMPLOYER('单个企业的集体合同只覆盖一家企业');
    const { employers: _e, avgWageLastYear: _a, ...rest } = input;
    const merged = { ...k, ...rest };
    const row = await repo.updateContract(tx, id, { ...rest, ...wageOf(input), nextDueOn: nextDueOf(merged, today, await repo.clockSetup(tx, today)) });
    if (employers) await repo.replaceEmployers(tx, id, employers);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'contract.update', entityType: 'collective_contract', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改集体合同“${row.title}”`, before: k, after: { ...row, ...(employers ? { employers } : {}) } });
    return row;
  });
}

type StepArgs = { input: ContractStepInput; today: string; contract: ContractValues };
type Changes = Partial<typeof collectiveContracts.$inferInsert>;
const need = (v: unknown, what: string) => {
  if (v === undefined || v === null || v === '') throw ContractErrors.MISSING(`请填写${what}`);
};
const noted = (summary: string, changes: Changes, note?: string | null) => ({ audit: { summary }, result: { changes, note: note ?? null } });

/** What each step records (its dates and figures), after the machine has allowed it. */
const HANDLERS: StepHandlers<typeof CONTRACT_MACHINE, { id: number }, StepArgs, { changes: Changes; note: string | null }> = {
  reply: async (_r, { input }) => noted(`要约已答复（${input.on}）`, { replyOn: input.on }, input.note),
  round: async (_r, { input, contract }) => noted(`第 ${contract.rounds + 1} 轮协商（${input.on}）`, { rounds: contract.rounds + 1, firstRoundOn: contract.firstRoundOn ?? input.on }, input.note ?? `第 ${contract.rounds + 1} 轮协商会议`),
  draft: async (_r, { input }) => noted(`形成合同草案（${input.on}）`, { draftOn: input.on }, input.note),
  vote: async (_r, { input }) => {
    need(input.delegatesTotal, '职工代表总数');
    need(input.delegatesPresent, '出席代表人数');
    need(input.votesFor, '赞成票');
    const total = input.delegatesTotal!, present = input.delegatesPresent!, yes = input.votesFor!, no = input.votesAgainst ?? 0;
    if (present > total || yes + no > present) throw ContractErrors.MISSING('出席人数不能多于代表总数，赞成票与反对票之和不能多于出席人数');
    const fails = voteFailures(total, present, yes);
    if (fails.length) throw ContractErrors.VOTE_FAILED(`职代会表决未获通过：${fails.join('；')}`);
    return noted(`职代会审议通过（代表 ${total} 人，出席 ${present} 人，赞成 ${yes} 票）`, { voteOn: input.on, delegatesTotal: total, delegatesPresent: present, votesFor: yes, votesAgainst: no }, input.note);
  },
  sign: async ({ tx }, { input, contract }) => {
    need(input.startsOn, '合同期限起');
    need(input.endsOn, '合同期限止');
    const s = input.startsOn!, e = input.endsOn!;
    if (e <= s || e < addDays(addMonths(s, 12), -1) || e > addDays(addMonths(s, 36), -1)) throw ContractErrors.TERM(`集体合同期限为 1 至 3 年：${s} 起，止于 ${addDays(addMonths(s, 12), -1)} 至 ${addDays(addMonths(s, 36), -1)} 之间`);
    if (contract.voteOn && input.on < contract.voteOn) throw ContractErrors.BAD_DATE('签订日期不能早于职代会表决日期');
    // The filing deadline is fixed now, by the clock rules and calendar in force on the day of signing.
    const { rules, cal } = await repo.clockSetup(tx, input.on);
    return noted(`双方首席代表签订合同（${input.on}，期限 ${s} 至 ${e}）`, { signedOn: input.on, startsOn: s, endsOn: e, filingDueOn: dueAfter(input.on, 'filing', rules, cal) }, input.note);
  },
  file: async ({ tx, record }, { input, contract }) => {
    const onTime = filedOnTime(contract, input.on);
    if (!onTime && !input.lateReason) throw ContractErrors.LATE(`签订于 ${contract.signedOn}，最迟应于 ${contract.filingDueOn} 报送；逾期报送须填写理由`);
    await refuseMissingAttachments(tx, CONTRACT_PAPERS, record.id, 'file', '报送审查');
    return noted(`报送人社部门审查（${input.on}${onTime ? '，按期' : '，逾期'}）`, { filedOn: input.on, lateReason: onTime ? null : input.lateReason }, input.lateReason ?? input.note);
  },
  receive: async ({ tx }, { input }) => {
    const { rules, cal } = await repo.clockSetup(tx, input.on);
    return noted(`人社部门受理（${input.on}${input.receiptNo ? `，受理单 ${input.receiptNo}` : ''}）`, { receivedOn: input.on, receiptNo: input.receiptNo ?? null, reviewDueOn: dueAfter(input.on, 'review', rules, cal) }, input.note);
  },
  ask_correction: async ({ opinion }, { input }) => noted(`人社部门通知补正（${input.on}）：${opinion}`, { correctionOn: input.on, refiledOn: null }, opinion),
  refile: async ({ tx, record }, { input }) => {
    await refuseMissingAttachments(tx, CONTRACT_PAPERS, record.id, 'file', '重新报送');
    return noted(`补正后重新报送（${input.on}）`, { refiledOn: input.on }, input.note);
  },
  object: async ({ opinion }, { input, contract }) => {
    if (input.on > contract.reviewDueOn!) throw ContractErrors.BAD_DATE(`受理于 ${contract.receivedOn}，审查期已满，合同已依法生效，不能再登记异议`);
    return noted(`审查有异议（${input.on}）：${opinion}`, { objectionOn: input.on }, opinion);
  },
  approve: async (_r, { input, contract }) => {
    const last = contract.reviewDueOn!;
    if (input.on > last) throw ContractErrors.BAD_DATE(`受理于 ${contract.receivedOn}，审查期到 ${last} 届满，合同已于次日依法生效；审查通过日期不能晚于 ${last}`);
    return noted(`审查通过，合同生效（${input.on}）`, { effectiveOn: input.on }, input.note);
  },
  renegotiate: async (_r, { input }) =>
    noted(`按审查意见重新协商（${input.on}）`, { draftOn: null, voteOn: null, delegatesTotal: null, delegatesPresent: null, votesFor: null, votesAgainst: null, signedOn: null, startsOn: null, endsOn: null, filingDueOn: null, filedOn: null, lateReason: null, correctionOn: null, refiledOn: null, receivedOn: null, reviewDueOn: null, receiptNo: null, objectionOn: null }, input.note),
  publish: async (_r, { input }) => noted(`向全体职工公布（${input.on}）`, { publishedOn: input.on }, input.note),
  report: async (_r, { input }) => {
    need(input.note, '履行情况');
    return noted(`向职代会报告年度履行情况（${input.on}）`, { lastReportOn: input.on }, input.note);
  },
  renew: async (_r, { input }) => noted(`续签（${input.on}）`, { renewedOn: input.on }, input.note),
  terminate: async ({ opinion }, { input }) => noted(`终止（${input.on}）：${opinion}`, { terminatedOn: input.on }, opinion),
};

const STEP_ERRORS: StepErrors<ContractStep> = {
  illegal: (m) => ContractErrors.ILLEGAL(m),
  forbidden: (m) => ContractErrors.FORBIDDEN(m),
  opinion: (m) => ContractErrors.OPINION(m),
};

/** The last date the contract's history reached: no step may be dated before it. */
const lastDate = (c: ContractValues) => [c.offerOn, c.replyOn, c.firstRoundOn, c.draftOn, c.voteOn, c.signedOn, c.filedOn, c.correctionOn, c.refiledOn, c.receivedOn, c.objectionOn, c.effectiveOn, c.publishedOn, c.lastReportOn, c.renewedOn].filter((x): x is string => !!x).sort().at(-1)!;

/** Takes one step of the contract's lifecycle: the machine refuses what the state does not allow, the handler checks the law. */
export async function takeStep(deps: AppDeps, ctx: ActionContext, id: number, input: ContractStepInput) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    await repo.settleContracts(tx, today);
    const found = await repo.findContract(tx, scopeFor(ctx.principal, ContractPermissions.read.name), id, true);
    if (!found) throw ContractErrors.NOT_FOUND();
    const k = found.contract;
    const validate = () => {
      if (input.on > today) throw ContractErrors.BAD_DATE('日期不能晚于今天');
      // Recording the real approval of a contract that took effect by itself goes back before that date.
      const after = lastDate(input.action === 'approve' ? { ...k, effectiveOn: null } : k);
      if (input.on < after) throw ContractErrors.BAD_DATE(`日期不能早于上一事项的日期（${after}）`);
    };
    const record = { id, status: k.status as ContractStatus, orgPath: found.orgPath, deemed: tookEffectByItself(k) };
    const { to, result } = await runStep(CONTRACT_MACHINE, HANDLERS, { tx, ctx, record, code: input.action, opinion: input.opinion, errors: STEP_ERRORS, validate, audit: { action: 'contract.step', entityType: 'collective_contract', entityId: id, orgId: k.orgId, orgPath: found.orgPath } }, { input, today, contract: k });
    const merged = { ...k, ...result!.changes, status: to };
    await repo.updateContract(tx, id, { ...result!.changes, status: to, nextDueOn: nextDueOf(merged, today, await repo.clockSetup(tx, today)) });
    await repo.insertEvent(tx, { contractId: id, step: input.action, on: input.on, note: result!.note });
  });
}

/**
 * The district sets its clock rules and working-day calendar from a day on (never back-dated nor rewritten once in
 * force). A deadline already fixed (filing at signing, review at receipt) keeps the rules of its day; the renewal
 * window is the regulations' (art. 38) and not a setting.
 */
export async function saveClockSettings(deps: AppDeps, ctx: ActionContext, input: { effectiveFrom: string; rules: Omit<ContractClockRules, 'renewalMonths'>; calendar: WorkCalendar }) {
  const today = chinaToday(deps.now());
  const calendar = { holidays: [...new Set(input.calendar.holidays)].sort(), workdays: [...new Set(input.calendar.workdays)].sort() };
  const overlap = calendar.holidays.filter((d) => calendar.workdays.includes(d));
  if (overlap.length) throw ContractErrors.MISSING(`${overlap.join('、')} 不能既是节假日又是调休上班日`);
  await deps.db.transaction(async (tx) => {
    for (const [setting, value] of [[repo.CLOCK_RULES, { ...input.rules, renewalMonths: CONTRACT_CLOCK_RULES.renewalMonths }], [WORK_CALENDAR, calendar]] as const) {
      const saved = await saveSettingVersion(tx, setting as DatedSetting<unknown>, input.effectiveFrom, value, today);
      if (saved === 'past') throw ContractErrors.BAD_DATE('起用日期不能早于今天：已经计算的期限按当时的规则');
      if (saved === 'in_force') throw ContractErrors.BAD_DATE(`${input.effectiveFrom} 起的时限设置已经适用，不能修改；请另定起用日期`);
    }
    await writeAudit(tx, { actor: actorOf(ctx), action: 'contract.rules', entityType: 'contract_clock_rules', entityId: input.effectiveFrom, orgId: null, orgPath: null, summary: `设定集体合同时限和工作日历（${input.effectiveFrom} 起，报送 ${daysText('filing', { ...CONTRACT_CLOCK_RULES, ...input.rules })}，节假日 ${calendar.holidays.length} 天，调休上班 ${calendar.workdays.length} 天）`, after: { rules: input.rules, calendar } });
  });
}
