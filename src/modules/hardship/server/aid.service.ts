import { pathInScope, scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, lockKeyShared, type DbOrTx, type Tx } from '@platform/db';
import { runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { AID_MACHINE, type AidStatus } from '../shared/aid-machine';
import { AID_KIND_LABELS, FUND_SOURCE_LABELS, type AidInput, type CampaignInput, type RecipientsInput } from '../shared/aid.schema';
import { HardshipPermissions } from '../shared/hardship.permissions';
import { yuan } from '../shared/category';
import * as aidRepo from './aid.repository';
import { AidErrors } from './hardship.errors';
import * as repo from './hardship.repository';

const P = HardshipPermissions;

async function audit(tx: DbOrTx, ctx: ActionContext, e: { entityType: string; entityId: number; orgId: number; orgPath: string; summary: string; after?: unknown }) {
  await writeAudit(tx, { actor: actorOf(ctx), action: 'hardship.aid', ...e });
}

/**
 * Serialises one payment with every other payment that could break its money rules, before they are checked:
 * the campaign's payments (one person once), then the household's payments in the year (the cap; a household
 * is its member, as a case belongs to one member) — the year's key shared, so only a recipient list of that
 * year (which takes it exclusive) waits. Always in this order: campaign, year, household.
 */
async function lockPayment(tx: Tx, p: { memberId: number; campaignId: number | null; year: number }) {
  if (p.campaignId) await lockKey(tx, 'aid.campaign', p.campaignId);
  await lockKeyShared(tx, 'aid.year', p.year);
  await lockKey(tx, 'aid.household-year', p.memberId, p.year);
}

/**
 * The money rules of one payment: one person once per campaign, and a household's yearly total under the cap.
 * Throws with the figures in the message; returns nothing when the payment may go ahead. The caller holds the
 * locks that serialise it (`lockPayment`, or a recipient list's campaign and year).
 */
export async function checkPayment(tx: DbOrTx, p: { memberId: number; caseId: number | null; campaignId: number | null; amountFen: number; givenOn: string; capFen: number; name: string }) {
  const year = Number(p.givenOn.slice(0, 4));
  if (p.campaignId && (await aidRepo.paidInCampaign(tx, p.campaignId, p.memberId))) throw AidErrors.DOUBLE_PAY(`${p.name}已在本次活动中领取过，同一活动不能重复发放`);
  const before = await aidRepo.householdYearTotal(tx, { caseId: p.caseId, memberId: p.memberId }, year);
  if (before + p.amountFen > p.capFen) {
    throw AidErrors.CAP_EXCEEDED(`${p.name}家 ${year} 年已登记帮扶 ${yuan(before)}（含待审批、待签收的），再发 ${yuan(p.amountFen)}将超过每户每年上限 ${yuan(p.capFen)}`);
  }
}

/** Records one payment by the member's union (or a union above it); 金秋助学 amounts come from the rate table. */
export async function recordAid(deps: AppDeps, ctx: ActionContext, input: AidInput) {
  const member = await repo.memberById(deps.db, input.memberId);
  if (!member || !pathInScope(scopeFor(ctx.principal, P.write.name), member.orgPath)) throw AidErrors.MEMBER_NOT_FOUND();
  const settings = await repo.settings(deps.db);
  return deps.db.transaction(async (tx) => {
    const living = await repo.livingCaseOf(tx, member.id);
    const c = living ? await repo.findCaseInScope(tx, scopeFor(ctx.principal, P.read.name), living.id) : null;
    let campaignId: number | null = null;
    if (input.campaignId) {
      // A campaign of the member's union or of a union above it (the district's winter campaign reaches every union).
      const campaign = await aidRepo.campaignById(tx, input.campaignId);
      if (!campaign || !member.orgPath.startsWith(campaign.orgPath)) throw AidErrors.CAMPAIGN_NOT_FOUND();
      if (campaign.c.status !== 'open') throw AidErrors.CAMPAIGN_CLOSED();
      campaignId = campaign.c.id;
    }
    let amountFen = input.amountFen;
    if (input.kind === 'education') {
      if (!input.schoolLevel) throw AidErrors.SCHOOL_LEVEL_REQUIRED();
      const rate = await aidRepo.educationRate(tx, input.schoolLevel, c?.c.status === 'assisted');
      if (!rate) throw AidErrors.NO_RATE();
      amountFen = rate.amountFen;
    }
    if (!amountFen) throw AidErrors.AMOUNT_REQUIRED();
    await lockPayment(tx, { memberId: member.id, campaignId, year: Number(input.givenOn.slice(0, 4)) });
    await checkPayment(tx, { memberId: member.id, caseId: living?.id ?? null, campaignId, amountFen, givenOn: input.givenOn, capFen: settings.yearlyCapFen, name: member.name });
    const row = await aidRepo.insertAid(tx, {
      orgId: member.orgId,
      memberId: member.id,
      caseId: living?.id ?? null,
      campaignId,
      kind: input.kind,
      form: input.form,
      amountFen,
      items: input.items || null,
      schoolLevel: input.kind === 'education' ? input.schoolLevel! : null,
      givenOn: input.givenOn,
      fundSource: input.fundSource,
      createdBy: ctx.principal.accountId,
    });
    await audit(tx, ctx, { entityType: 'aid_record', entityId: row.id, orgId: member.orgId, orgPath: member.orgPath, summary: `登记帮扶：${member.name} ${AID_KIND_LABELS[input.kind]} ${yuan(amountFen)}（${FUND_SOURCE_LABELS[input.fundSource]}）`, after: { amountFen, kind: input.kind, fundSource: input.fundSource, campaignId } });
    return row.id;
  });
}

type AidChange = { action: 'approve' } | { action: 'sign'; signedOn: string } | { action: 'cancel'; reason: string };
type FoundAid = NonNullable<Awaited<ReturnType<typeof aidRepo.findAidInScope>>>;

const AID_ERRORS: StepErrors = {
  illegal: (m) => AidErrors.ILLEGAL_STATUS(m),
  forbidden: () => AidErrors.NOT_FOUND(),
  opinion: () => AidErrors.REASON_REQUIRED(),
};

/** One handler per step of the aid machine; the kit writes each step's audit row (`hardship.aid`). */
const AID_HANDLERS = {
  approve: async ({ tx, ctx, record: found }, { deps }) => {
    await aidRepo.updateAid(tx, found.a.id, { status: 'approved', approvedBy: ctx.principal.accountId, approvedAt: deps.now() });
    return { audit: { summary: `审批帮扶：${found.memberName} ${yuan(found.a.amountFen)}` } };
  },
  sign: async ({ tx, record: found }, { change }) => {
    const signedOn = change.action === 'sign' ? change.signedOn : '';
    await aidRepo.updateAid(tx, found.a.id, { status: 'signed', signedOn });
    return { audit: { summary: `帮扶签收：${found.memberName} ${yuan(found.a.amountFen)}（${signedOn}）` } };
  },
  cancel: async ({ tx, record: found, opinion }) => {
    await aidRepo.updateAid(tx, found.a.id, { status: 'cancelled', cancelReason: opinion });
    return { audit: { summary: `撤销帮扶：${found.memberName} ${yuan(found.a.amountFen)}；原因：${opinion}` } };
  },
} satisfies StepHandlers<typeof AID_MACHINE, FoundAid, { deps: AppDeps; change: AidChange }>;

/** 审批 by the district (`hardship.file`), then 签收 by the paying union; or 撤销 with a reason before signing. */
export async function changeAid(deps: AppDeps, ctx: ActionContext, id: number, change: AidChange) {
  return deps.db.transaction(async (tx) => {
    const perm = change.action === 'approve' ? P.file.name : P.write.name;
    const found = await aidRepo.findAidInScope(tx, scopeFor(ctx.principal, perm), id);
    if (!found) throw change.action === 'approve' && (await aidRepo.findAidInScope(tx, scopeFor(ctx.principal, P.read.name), id)) ? AidErrors.ILLEGAL_STATUS('帮扶记录须由区总工会审批') : AidErrors.NOT_FOUND();
    const record = { ...found, status: found.a.status as AidStatus };
    const audit = { action: 'hardship.aid', entityType: 'aid_record', entityId: id, orgId: found.a.orgId, orgPath: found.orgPath };
    const opinion = change.action === 'cancel' ? change.reason : null;
    await runStep(AID_MACHINE, AID_HANDLERS, { tx, ctx, record, code: change.action, opinion, errors: AID_ERRORS, audit }, { deps, change });
  });
}

export async function createCampaign(deps: AppDeps, ctx: ActionContext, input: CampaignInput) {
  if (input.endsOn < input.startsOn) throw AidErrors.DATES();
  return deps.db.transaction(async (tx) => {
    const row = await aidRepo.insertCampaign(tx, {
      orgId: ctx.principal.orgId,
      name: input.name,
      season: input.season,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      budgets: Object.fromEntries(Object.entries(input.budgets).filter(([, v]) => v !== undefined)) as Record<string, number>,
      createdBy: ctx.principal.accountId,
    });
    await audit(tx, ctx, { entityType: 'care_campaign', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `新建活动“${input.name}”` });
    return row.id;
  });
}

/**
 * Builds a campaign's recipient list from a ledger (cases on file, or gig workers) under the campaign's union
 * and within the principal's scope: one pending payment each; people already paid in it, or whose household
 * would pass the yearly cap, are skipped and listed with the reason. One transaction.
 */
export async function buildRecipients(deps: AppDeps, ctx: ActionContext, campaignId: number, input: RecipientsInput) {
  const settings = await repo.settings(deps.db);
  return deps.db.transaction(async (tx) => {
    const campaign = await aidRepo.findCampaignInScope(tx, scopeFor(ctx.principal, P.write.name), campaignId);
    if (!campaign) throw AidErrors.CAMPAIGN_NOT_FOUND();
    // The whole list against the campaign's and the year's payments: two keys, however long the list (order as
    // in lockPayment: campaign, then year — exclusive, so single payments of the year wait for the list).
    await lockKey(tx, 'aid.campaign', campaignId);
    await lockKey(tx, 'aid.year', Number(input.givenOn.slice(0, 4)));
    if (campaign.c.status !== 'open') throw AidErrors.CAMPAIGN_CLOSED();
    const writable = scopeFor(ctx.principal, P.write.name);
    const candidates = (await aidRepo.recipientCandidates(tx, input.source, campaign.orgPath)).filter((r) => pathInScope(writable, r.orgPath));
    let added = 0;
    const skipped: { name: string; reason: string }[] = [];
    for (const r of candidates) {
      try {
        await checkPayment(tx, { memberId: r.memberId, caseId: r.caseId, campaignId, amountFen: input.amountFen, givenOn: input.givenOn, capFen: settings.yearlyCapFen, name: r.name });
      } catch (e) {
        skipped.push({ name: r.name, reason: e instanceof Error ? e.message : String(e) });
        continue;
      }
      await aidRepo.insertAid(tx, { orgId: r.orgId, memberId: r.memberId, caseId: r.caseId, campaignId, kind: input.kind, form: input.form, amountFen: input.amountFen, items: input.items || null, givenOn: input.givenOn, fundSource: input.fundSource, createdBy: ctx.principal.accountId });
      added++;
    }
    await audit(tx, ctx, { entityType: 'care_campaign', entityId: campaignId, orgId: campaign.c.orgId, orgPath: campaign.orgPath, summary: `活动“${campaign.c.name}”生成发放名单：新增 ${added} 人，跳过 ${skipped.length} 人`, after: { source: input.source, added, skipped: skipped.length } });
    return { added, skipped };
  });
}

export async function closeCampaign(deps: AppDeps, ctx: ActionContext, id: number) {
  await deps.db.transaction(async (tx) => {
    const campaign = await aidRepo.findCampaignInScope(tx, scopeFor(ctx.principal, P.write.name), id);
    if (!campaign) throw AidErrors.CAMPAIGN_NOT_FOUND();
    await aidRepo.updateCampaign(tx, id, { status: 'closed' });
    await audit(tx, ctx, { entityType: 'care_campaign', entityId: id, orgId: campaign.c.orgId, orgPath: campaign.orgPath, summary: `结束活动“${campaign.c.name}”` });
  });
}

export async function saveEducationRates(deps: AppDeps, ctx: ActionContext, rates: { level: string; onFile: boolean; amountFen: number }[]) {
  await deps.db.transaction(async (tx) => {
    await aidRepo.saveEducationRates(tx, rates);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hardship.settings', entityType: 'education_aid_rates', entityId: 0, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: '修改金秋助学标准', after: rates });
  });
}
