import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { Tx } from '@platform/db';
import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { saveSettingVersion } from '@platform/settings';
import { runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { memberWithUnionByAccount, memberWithUnionById } from '@modules/members/server';
import { findOrgInScope } from '@modules/organisations/server';
import { PROPOSAL_MACHINE, type ProposalStatus, type ProposalStep } from '../shared/congress-machine';
import { failures, rosterChecks, voteFailures, type CongressRules } from '../shared/congress-rules';
import {
  CONGRESS_FORM, DELEGATE_CATEGORY, DIRECTOR_ROLE, DISCLOSURE_CATEGORY, REPORT_RATING, SATISFACTION,
  type CongressInput, type DelegateInput, type DirectorInput, type DisclosureInput, type ProposalInput, type ProposalStepInput, type SessionInput,
} from '../shared/congress.ledger';
import { CongressPermissions as P } from '../shared/congresses.module';
import * as repo from './congress.repository';
import type { congressProposals } from './congress.table';

export const CongressErrors = defineErrors('CONGRESS', {
  NOT_FOUND: { status: 404, message: '这个职代会不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '工会不存在或不在您的管辖范围内' },
  UNION_CLOSED: { status: 409, message: '工会已撤销，不能再登记' },
  EXISTS: { status: 409, message: '这个单位已建立职代会制度，请在原记录上修改' },
  DELEGATE_NOT_FOUND: { status: 404, message: '这名职工代表不存在' },
  DIRECTOR_NOT_FOUND: { status: 404, message: '这名职工董事或监事不存在' },
  PROPOSAL_NOT_FOUND: { status: 404, message: '这件提案不存在或不在您的管辖范围内' },
  DISCLOSURE_NOT_FOUND: { status: 404, message: '这项厂务公开不存在或不在您的管辖范围内' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在或不在您的管辖范围内' },
  NOT_A_DELEGATE: { status: 403, message: '您不是在任的职工代表，不能提交提案；请联系本单位工会' },
  FUTURE: { status: 400, message: '日期不能晚于今天' },
  BAD_DATE: { status: 400, message: '日期不正确' },
  INVALID: { status: 400, message: '填写的数字不正确' },
  MISSING: { status: 400, message: '请填写这一事项的必填项' },
  NOT_LAWFUL: { status: 409, message: '职工代表构成不符合规定，会议不能作为依法召开登记' },
  NO_QUORUM: { status: 409, message: '出席代表不足全体代表的三分之二，会议不能召开' },
  DUPLICATE: { status: 409, message: '本届这一次会议已经登记' },
  NOT_ELECTED: { status: 409, message: '得票未超过全体职工代表的半数，不能当选' },
  ILLEGAL: { status: 409, message: '当前状态不能办理这一事项' },
  FORBIDDEN: { status: 403, message: '您不能办理这一事项' },
  OPINION: { status: 400, message: '请填写意见' },
});

// Two units' writers racing to set up the same congress: the database's unique index answers the loser.
registerUniqueConflicts({ congresses_org_idx: () => CongressErrors.EXISTS() });

const write = (ctx: ActionContext) => scopeFor(ctx.principal, P.write.name);
const need = (v: unknown, what: string) => {
  if (v === undefined || v === null || v === '') throw CongressErrors.MISSING(`请填写${what}`);
};
const notFuture = (day: string, today: string, what: string) => {
  if (day > today) throw CongressErrors.FUTURE(`${what}不能晚于今天`);
};

async function unionToWrite(tx: Tx, ctx: ActionContext, orgId: number) {
  const union = await findOrgInScope(tx, write(ctx), orgId);
  if (!union) throw CongressErrors.UNION_NOT_FOUND('单位工会不存在或不在您的管辖范围内');
  if (union.org.closedOn) throw CongressErrors.UNION_CLOSED();
  return union.org;
}
async function congressToWrite(deps: AppDeps, tx: Tx, ctx: ActionContext, id: number) {
  const c = await repo.findCongress(tx, write(ctx), id, chinaToday(deps.now()), true);
  if (!c) throw CongressErrors.NOT_FOUND();
  const union = await findOrgInScope(tx, write(ctx), c.orgId);
  if (union?.org.closedOn) throw CongressErrors.UNION_CLOSED(`${c.orgName}已撤销，不能再登记`);
  return c;
}
const nothing = (input: object) => {
  if (Object.values(input).every((v) => v === undefined)) throw CongressErrors.MISSING('没有要修改的内容');
};
const audit = (c: { id: number; orgId: number; orgPath: string }) => ({ entityType: 'congress', entityId: c.id, orgId: c.orgId, orgPath: c.orgPath });

// --- congresses -------------------------------------------------------------------------------------------------

/** The rules across fields the schema cannot state; the edit form calls it with the merged record. */
export function checkCongress(v: Pick<CongressInput, 'establishedOn' | 'termStartsOn' | 'staff' | 'womenStaff'>, today: string) {
  notFuture(v.establishedOn, today, '建立日期');
  if (v.termStartsOn < v.establishedOn) throw CongressErrors.BAD_DATE('本届起始日期不能早于建立日期');
  notFuture(v.termStartsOn, today, '本届起始日期');
  if (v.womenStaff != null && v.womenStaff > v.staff) throw CongressErrors.INVALID('女职工人数不能多于职工人数');
}

export async function createCongress(deps: AppDeps, ctx: ActionContext, input: CongressInput) {
  checkCongress(input, chinaToday(deps.now()));
  return deps.db.transaction(async (tx) => {
    const org = await unionToWrite(tx, ctx, input.orgId);
    if (await repo.congressOfOrg(tx, org.id, chinaToday(deps.now()))) throw CongressErrors.EXISTS();
    const row = await repo.insertCongress(tx, { ...input, womenStaff: input.womenStaff ?? null, note: input.note ?? null });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress.create', ...audit({ id: row.id, orgId: org.id, orgPath: org.path }), summary: `${org.name}建立${CONGRESS_FORM.label(row.form)}制度（第${row.termNo}届，职工 ${row.staff} 人）`, after: row });
    return row;
  });
}

export async function updateCongress(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<CongressInput, 'orgId'>>) {
  nothing(input);
  return deps.db.transaction(async (tx) => {
    const c = await congressToWrite(deps, tx, ctx, id);
    checkCongress({ ...c, ...input }, chinaToday(deps.now()));
    // 换届: a new term elects its delegates again; the old roster leaves the day before the new term starts.
    const newTerm = input.termNo !== undefined && input.termNo !== c.termNo;
    if (newTerm && input.termNo! < c.termNo) throw CongressErrors.INVALID(`届次不能小于现在的第${c.termNo}届`);
    if (newTerm && (!input.termStartsOn || input.termStartsOn <= c.termStartsOn)) throw CongressErrors.BAD_DATE(`换届时请填写新一届的起始日期（晚于第${c.termNo}届的 ${c.termStartsOn}）`);
    const row = await repo.updateCongress(tx, id, input);
    if (newTerm) await repo.endRoster(tx, id, input.termStartsOn!);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress.update', ...audit(c), summary: newTerm ? `${c.orgName}职代会换届为第${row.termNo}届（${row.termStartsOn} 起），上届代表名册届满` : `修改${c.orgName}的职代会制度`, before: c, after: row });
    return row;
  });
}

export async function saveRules(deps: AppDeps, ctx: ActionContext, input: CongressRules & { effectiveFrom: string }) {
  const { effectiveFrom, ...rules } = input;
  const today = chinaToday(deps.now());
  if (Math.min(...rules.bands.map((b) => b.from)) > rules.assemblyBelow) throw CongressErrors.INVALID(`代表人数标准的最低一档应从 ${rules.assemblyBelow} 人（召开职工大会的人数上限）或更少起`);
  if (rules.managersMax > 100 - rules.frontlineMin) throw CongressErrors.INVALID('一线职工比例下限与管理人员比例上限之和不能超过 100%');
  const froms = rules.bands.map((b) => b.from);
  if (new Set(froms).size !== froms.length) throw CongressErrors.INVALID('代表人数标准的职工人数不能重复');
  rules.bands = [...rules.bands].sort((a, b) => a.from - b.from);
  await deps.db.transaction(async (tx) => {
    const saved = await saveSettingVersion(tx, repo.CONGRESS_RULES, effectiveFrom, rules, today);
    if (saved === 'past') throw CongressErrors.BAD_DATE('起用日期不能早于今天：已经登记的会议和选举按当时的标准');
    if (saved === 'in_force') throw CongressErrors.INVALID(`${effectiveFrom} 起的标准已经适用，不能修改；请另定起用日期`);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress.rules', entityType: 'congress_rules', entityId: effectiveFrom, orgId: null, orgPath: null, summary: `设定职代会代表构成标准（${effectiveFrom} 起）`, after: rules });
  });
}

// --- delegates --------------------------------------------------------------------------------------------------

export async function addDelegate(deps: AppDeps, ctx: ActionContext, congressId: number, input: DelegateInput) {
  notFuture(input.electedOn, chinaToday(deps.now()), '当选日期');
  return deps.db.transaction(async (tx) => {
    const c = await congressToWrite(deps, tx, ctx, congressId);
    let name = input.name ?? null;
    let sex: string = input.sex;
    if (input.memberId) {
      const m = await memberWithUnionById(tx, input.memberId);
      if (!m || !pathInScope(write(ctx), m.orgPath)) throw CongressErrors.MEMBER_NOT_FOUND();
      name = m.name;
      sex = m.sex ?? sex;
    }
    if (!name) throw CongressErrors.MISSING('请选择会员，或填写代表姓名');
    const onRoster = await repo.activeDelegateKeys(tx, [congressId]);
    if (onRoster.has(`${congressId}/${name}/${input.dept ?? ''}`) || (input.memberId && onRoster.has(`${congressId}/member/${input.memberId}`))) throw CongressErrors.DUPLICATE(`${name}${input.dept ? `（${input.dept}）` : ''}已在本届代表名册中`);
    const row = await repo.insertDelegate(tx, { congressId, memberId: input.memberId ?? null, name, sex, category: input.category, dept: input.dept ?? null, electedOn: input.electedOn });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress_delegate.create', ...audit(c), summary: `${c.orgName}职代会登记职工代表 ${name}（${DELEGATE_CATEGORY.label(row.category)}，${row.electedOn} 当选）`, after: row });
    return row;
  });
}

export async function delegateLeaves(deps: AppDeps, ctx: ActionContext, congressId: number, id: number, leftOn: string) {
  notFuture(leftOn, chinaToday(deps.now()), '退出日期');
  return deps.db.transaction(async (tx) => {
    const c = await congressToWrite(deps, tx, ctx, congressId);
    const d = await repo.findDelegate(tx, congressId, id);
    if (!d) throw CongressErrors.DELEGATE_NOT_FOUND();
    if (d.leftOn) throw CongressErrors.ILLEGAL(`${d.name}已于 ${d.leftOn} 退出`);
    if (leftOn < d.electedOn) throw CongressErrors.BAD_DATE(`退出日期不能早于当选日期（${d.electedOn}）`);
    await repo.updateDelegate(tx, id, { leftOn });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress_delegate.leave', ...audit(c), summary: `职工代表 ${d.name} 退出（${leftOn}）`, before: d });
  });
}

/** The roster's checks on `day` under the rules then in force. */
export async function checksOn(tx: Tx, c: repo.CongressRow, day: string) {
  const [{ rules }, roster] = await Promise.all([repo.rulesOn(tx, day), repo.rosterOn(tx, c.id, day)]);
  return { roster, checks: rosterChecks(c, roster, rules), total: c.form === 'assembly' ? c.staff : roster.total };
}

// --- sessions ---------------------------------------------------------------------------------------------------

/**
 * Records a session as lawfully held: refused, naming each failing check, while the roster breaks the rules or
 * fewer than two thirds of all delegates (all workers, for a 职工大会) attend. A vote passes with more than half of all.
 */
export async function recordSession(deps: AppDeps, ctx: ActionContext, congressId: number, input: SessionInput) {
  notFuture(input.heldOn, chinaToday(deps.now()), '会议日期');
  return deps.db.transaction(async (tx) => {
    const c = await congressToWrite(deps, tx, ctx, congressId);
    if (input.heldOn < c.termStartsOn) throw CongressErrors.BAD_DATE(`会议日期不能早于本届起始日期（${c.termStartsOn}）`);
    if (input.heldOn > c.termEndsOn) throw CongressErrors.BAD_DATE(`第${c.termNo}届已于 ${c.termEndsOn} 届满：请先换届（修改届次和本届起始日期），再登记会议`);
    const { checks, total } = await checksOn(tx, c, input.heldOn);
    const failed = failures(checks);
    if (failed.length) throw CongressErrors.NOT_LAWFUL(`职工代表构成不符合规定，会议不能作为依法召开登记：${failed.join('；')}`);
    if (input.present > total) throw CongressErrors.INVALID(`出席人数 ${input.present} 不能多于${c.form === 'assembly' ? '职工人数' : '全体代表人数'} ${total}`);
    if (input.present * 3 < total * 2) throw CongressErrors.NO_QUORUM(`出席 ${input.present} 人，未达到${c.form === 'assembly' ? '全体职工' : '全体代表'} ${total} 人的三分之二（至少 ${Math.ceil((total * 2) / 3)} 人），会议不能召开`);
    for (const v of input.votes) {
      if (v.votesFor + v.votesAgainst + v.abstain > input.present) throw CongressErrors.INVALID(`“${v.matter}”的赞成、反对、弃权票之和不能多于出席人数 ${input.present}`);
    }
    if ((await repo.sessionsOf(tx, congressId)).some((s) => s.termNo === c.termNo && s.sessionNo === input.sessionNo)) throw CongressErrors.DUPLICATE(`第${c.termNo}届第${input.sessionNo}次会议已经登记`);
    const votes = input.votes.map((v) => ({ ...v, passed: voteFailures(total, input.present, v.votesFor).length === 0 }));
    const row = await repo.insertSession(tx, { congressId, kind: input.kind, termNo: c.termNo, sessionNo: input.sessionNo, heldOn: input.heldOn, total, present: input.present, agenda: input.agenda, votes, resolutions: input.resolutions ?? null });
    const passed = votes.filter((v) => v.passed).length;
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress_session.create', ...audit(c), summary: `${c.orgName}第${c.termNo}届职代会第${input.sessionNo}次会议（${input.heldOn}，应到 ${total} 人，实到 ${input.present} 人，表决通过 ${passed}/${votes.length} 项）`, after: row });
    return row;
  });
}

// --- worker directors and supervisors ---------------------------------------------------------------------------

export async function addDirector(deps: AppDeps, ctx: ActionContext, congressId: number, input: DirectorInput) {
  notFuture(input.electedOn, chinaToday(deps.now()), '选举日期');
  if (input.termEndsOn <= input.electedOn) throw CongressErrors.BAD_DATE('任期届满日期应晚于选举日期');
  return deps.db.transaction(async (tx) => {
    const c = await congressToWrite(deps, tx, ctx, congressId);
    if (input.electedOn < c.establishedOn) throw CongressErrors.BAD_DATE(`选举日期不能早于职代会建立日期（${c.establishedOn}）`);
    const { checks, total } = await checksOn(tx, c, input.electedOn);
    const failed = failures(checks);
    if (failed.length) throw CongressErrors.NOT_LAWFUL(`职工代表构成不符合规定，选举不能作为依法进行登记：${failed.join('；')}`);
    if (input.votesFor > total) throw CongressErrors.INVALID(`得票数 ${input.votesFor} 不能多于全体代表人数 ${total}`);
    if (input.votesFor * 2 <= total) throw CongressErrors.NOT_ELECTED(`${input.name}得 ${input.votesFor} 票，未超过全体职工代表 ${total} 人的半数（至少 ${Math.floor(total / 2) + 1} 票），不能当选`);
    const row = await repo.insertDirector(tx, { congressId, ...input, delegatesTotal: total });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'worker_director.create', ...audit(c), summary: `${c.orgName}职代会选举${DIRECTOR_ROLE.label(row.role)} ${row.name}（${row.electedOn}，得 ${row.votesFor}/${total} 票）`, after: row });
    return row;
  });
}

/** A yearly report to the congress (述职, with the congress's rating), or leaving office. */
export async function updateDirector(deps: AppDeps, ctx: ActionContext, congressId: number, id: number, input: { action: 'report' | 'end'; on: string; year?: number | null; rating?: string | null }) {
  notFuture(input.on, chinaToday(deps.now()), '日期');
  return deps.db.transaction(async (tx) => {
    const c = await congressToWrite(deps, tx, ctx, congressId);
    const w = await repo.findDirector(tx, congressId, id);
    if (!w) throw CongressErrors.DIRECTOR_NOT_FOUND();
    if (w.endedOn) throw CongressErrors.ILLEGAL(`${w.name}已于 ${w.endedOn} 离任`);
    if (input.on < w.electedOn) throw CongressErrors.BAD_DATE(`日期不能早于选举日期（${w.electedOn}）`);
    let summary: string;
    if (input.action === 'report') {
      need(input.year, '述职年度');
      need(input.rating, '职代会评议结果');
      if (w.reports.some((r) => r.year === input.year)) throw CongressErrors.DUPLICATE(`${w.name}的 ${input.year} 年度述职已经登记`);
      await repo.updateDirector(tx, id, { reports: [...w.reports, { year: input.year!, reportedOn: input.on, rating: input.rating! }].sort((a, b) => a.year - b.year) });
      summary = `${DIRECTOR_ROLE.label(w.role)} ${w.name} 向职代会述职（${input.year} 年度，${REPORT_RATING.label(input.rating!)}）`;
    } else {
      await repo.updateDirector(tx, id, { endedOn: input.on });
      summary = `${DIRECTOR_ROLE.label(w.role)} ${w.name} 离任（${input.on}）`;
    }
    await writeAudit(tx, { actor: actorOf(ctx), action: 'worker_director.update', ...audit(c), summary, before: w });
  });
}

// --- proposals --------------------------------------------------------------------------------------------------

export async function createProposal(deps: AppDeps, ctx: ActionContext, input: ProposalInput) {
  notFuture(input.submittedOn, chinaToday(deps.now()), '提交日期');
  return deps.db.transaction(async (tx) => {
    const c = await congressToWrite(deps, tx, ctx, input.congressId);
    const row = await repo.insertProposal(tx, { ...input, coSigners: input.coSigners ?? null, status: 'submitted' });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress_proposal.create', entityType: 'congress_proposal', entityId: row.id, orgId: c.orgId, orgPath: c.orgPath, summary: `登记${c.orgName}职工代表提案“${row.title}”（提案人 ${row.proposer}）`, after: row });
    return row;
  });
}

/** A delegate submits a proposal on their phone, to their own congress. */
export async function submitMyProposal(deps: AppDeps, ctx: ActionContext, input: Pick<ProposalInput, 'title' | 'content' | 'coSigners'>) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const member = await memberWithUnionByAccount(tx, ctx.principal.accountId);
    const delegate = member && (await repo.delegateOfMember(tx, member.id));
    if (!delegate) throw CongressErrors.NOT_A_DELEGATE();
    const row = await repo.insertProposal(tx, { ...input, coSigners: input.coSigners ?? null, congressId: delegate.d.congressId, proposer: delegate.d.name, submittedBy: ctx.principal.accountId, submittedOn: today, status: 'submitted' });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'congress_proposal.create', entityType: 'congress_proposal', entityId: row.id, orgId: delegate.orgId, orgPath: delegate.orgPath, summary: `职工代表 ${row.proposer} 网上提交提案“${row.title}”`, after: row });
    return row;
  });
}

type ProposalValues = typeof congressProposals.$inferSelect;
type StepArgs = { input: ProposalStepInput; record: ProposalValues };
type Changes = Partial<typeof congressProposals.$inferInsert>;
const step = (summary: string, changes: Changes) => ({ audit: { summary }, result: changes });
const HANDLERS: StepHandlers<typeof PROPOSAL_MACHINE, { id: number }, StepArgs, Changes> = {
  accept: async (_r, { input, record }) => {
    need(input.department, '承办部门');
    return step(`提案“${record.title}”立案，交${input.department}办理（${input.on}）`, { acceptedOn: input.on, department: input.department });
  },
  reject: async ({ opinion }, { input, record }) => step(`提案“${record.title}”不予立案（${input.on}），作为意见建议处理`, { opinion }),
  reply: async (_r, { input, record }) => {
    need(input.reply, '答复内容');
    return step(`${record.department}答复提案“${record.title}”（${input.on}）`, { reply: input.reply, repliedOn: input.on });
  },
  rate: async (_r, { input, record }) => {
    need(input.satisfaction, '评价');
    return step(`提案人评价提案“${record.title}”的答复：${SATISFACTION.label(input.satisfaction!)}`, { satisfaction: input.satisfaction });
  },
};
const STEP_ERRORS: StepErrors<ProposalStep> = { illegal: (m) => CongressErrors.ILLEGAL(m), forbidden: (m) => CongressErrors.FORBIDDEN(m), opinion: (m) => CongressErrors.OPINION(m) };

/** One step of a proposal; `asSelf`: the delegate rating the reply to their own proposal. */
export async function takeProposalStep(deps: AppDeps, ctx: ActionContext, id: number, input: ProposalStepInput, asSelf = false) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    await repo.lockProposal(tx, id);
    const found = asSelf ? (await repo.proposalsBy(tx, ctx.principal.accountId)).find((r) => r.p.id === id) : await repo.findProposal(tx, scopeFor(ctx.principal, P.read.name), id);
    if (!found) throw CongressErrors.PROPOSAL_NOT_FOUND();
    const k = found.p;
    const last = k.repliedOn ?? k.acceptedOn ?? k.submittedOn;
    const validate = () => {
      if (input.on > today) throw CongressErrors.FUTURE();
      if (input.on < last) throw CongressErrors.BAD_DATE(`日期不能早于上一事项的日期（${last}）`);
    };
    const record = { id, status: k.status as ProposalStatus, orgPath: found.orgPath };
    const { to, result } = await runStep(PROPOSAL_MACHINE, HANDLERS, { tx, ctx, record, code: input.action, opinion: input.opinion, asSelf, errors: STEP_ERRORS, validate, audit: { action: 'congress_proposal.step', entityType: 'congress_proposal', entityId: id, orgId: null, orgPath: found.orgPath } }, { input, record: k });
    await repo.updateProposal(tx, id, { ...result!, status: to });
  });
}

// --- disclosures ------------------------------------------------------------------------------------------------

export function checkDisclosure(v: Pick<DisclosureInput, 'disclosedOn'>, today: string) {
  notFuture(v.disclosedOn, today, '公开日期');
}

export async function createDisclosure(deps: AppDeps, ctx: ActionContext, input: DisclosureInput) {
  checkDisclosure(input, chinaToday(deps.now()));
  return deps.db.transaction(async (tx) => {
    const org = await unionToWrite(tx, ctx, input.orgId);
    const row = await repo.insertDisclosure(tx, { ...input, periodLabel: input.periodLabel ?? null, content: input.content ?? null, feedback: input.feedback ?? null });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'disclosure.create', entityType: 'disclosure', entityId: row.id, orgId: org.id, orgPath: org.path, summary: `${org.name}厂务公开“${row.matter}”（${DISCLOSURE_CATEGORY.label(row.category)}，${row.disclosedOn}）`, after: row });
    return row;
  });
}

export async function updateDisclosure(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<DisclosureInput, 'orgId'>>) {
  nothing(input);
  return deps.db.transaction(async (tx) => {
    const found = await repo.findDisclosure(tx, write(ctx), id, true);
    if (!found) throw CongressErrors.DISCLOSURE_NOT_FOUND();
    checkDisclosure({ ...found.d, ...input }, chinaToday(deps.now()));
    const row = await repo.updateDisclosure(tx, id, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'disclosure.update', entityType: 'disclosure', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改厂务公开“${row.matter}”`, before: found.d, after: row });
    return row;
  });
}
