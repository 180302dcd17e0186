import { addDays, addMonths, addWorkingDays } from '@platform/periods/dates';

/**
 * The legal clocks of a collective contract, in days (domain rules §2.13): the reply to a 要约 (20 days), the
 * start of talks after the reply (10 working days), filing after signing (10 days, art. 42), correction of an
 * incomplete filing (7 days), review from receipt (15 days, art. 45; no objection by then and it takes effect),
 * publication after taking effect (10 days), renegotiation before expiry (3 months).
 */
export interface ContractClockRules {
  replyDays: number;
  talksDays: number;
  talksWorking: boolean;
  filingDays: number;
  correctionDays: number;
  reviewDays: number;
  publishDays: number;
  renewalMonths: number;
}
export const CONTRACT_CLOCK_RULES: ContractClockRules = { replyDays: 20, talksDays: 10, talksWorking: true, filingDays: 10, correctionDays: 7, reviewDays: 15, publishDays: 10, renewalMonths: 3 };
/** A clock due within this many days is 待办 already. */
export const DUE_SOON_DAYS = 7;

/** The dates a contract's clocks are computed from. */
export interface ContractDates {
  status: string;
  offerOn: string;
  replyOn: string | null;
  firstRoundOn: string | null;
  signedOn: string | null;
  filedOn: string | null;
  correctionOn: string | null;
  refiledOn: string | null;
  receivedOn: string | null;
  objectionOn: string | null;
  effectiveOn: string | null;
  publishedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  lastReportOn: string | null;
  renewedOn: string | null;
  terminatedOn: string | null;
}

export type ClockState = 'done' | 'late' | 'open' | 'soon' | 'overdue';
export const CLOCK_CODES = ['reply', 'talks', 'filing', 'correction', 'review', 'publish', 'report', 'renewal'] as const;
export interface ContractClock {
  code: (typeof CLOCK_CODES)[number];
  label: string;
  dueOn: string;
  doneOn: string | null;
  state: ClockState;
  /** A window rather than a deadline (renewal): 待办 from this day, not only in the week before `dueOn`. */
  opensOn?: string;
}

/** The day a contract under review takes effect by itself: the day after the review period ends without objection. */
export const deemedEffectiveOn = (receivedOn: string, rules = CONTRACT_CLOCK_RULES) => addDays(receivedOn, rules.reviewDays + 1);
/** Took effect by itself (the review ran out) rather than by a recorded approval. */
export const tookEffectByItself = (c: { status: string; receivedOn: string | null; effectiveOn: string | null }, rules = CONTRACT_CLOCK_RULES) =>
  c.status === 'effective' && !!c.receivedOn && c.effectiveOn === deemedEffectiveOn(c.receivedOn, rules);
/** Filed within the legal days of signing (day 10 is on time, day 11 late). */
export const filedOnTime = (signedOn: string, filedOn: string, rules = CONTRACT_CLOCK_RULES) => filedOn <= addDays(signedOn, rules.filingDays);

/** Every clock that has started, with its deadline and whether it was met; a terminated contract's open clocks stop. */
export function contractClocks(c: ContractDates, today: string, rules = CONTRACT_CLOCK_RULES): ContractClock[] {
  const out: ContractClock[] = [];
  const add = (code: ContractClock['code'], label: string, dueOn: string, doneOn: string | null, opensOn?: string) => {
    if (!doneOn && c.terminatedOn) return;
    const state: ClockState = doneOn ? (doneOn > dueOn ? 'late' : 'done') : dueOn < today ? 'overdue' : today >= attentionOn({ dueOn, opensOn }) ? 'soon' : 'open';
    out.push({ code, label, dueOn, doneOn, state, ...(opensOn ? { opensOn } : {}) });
  };
  add('reply', `答复要约（${rules.replyDays} 日内）`, addDays(c.offerOn, rules.replyDays), c.replyOn);
  if (c.replyOn) add('talks', `开始协商（答复后 ${rules.talksDays} 个${rules.talksWorking ? '工作日' : '日'}内）`, rules.talksWorking ? addWorkingDays(c.replyOn, rules.talksDays) : addDays(c.replyOn, rules.talksDays), c.firstRoundOn);
  if (c.signedOn) add('filing', `报送审查（签订后 ${rules.filingDays} 日内）`, addDays(c.signedOn, rules.filingDays), c.filedOn);
  if (c.correctionOn) add('correction', `补正材料（${rules.correctionDays} 日内）`, addDays(c.correctionOn, rules.correctionDays), c.refiledOn);
  if (c.receivedOn) {
    const due = addDays(c.receivedOn, rules.reviewDays);
    add('review', `审查（受理后 ${rules.reviewDays} 日内，期满无异议即生效）`, due, c.objectionOn ?? (c.effectiveOn ? (c.effectiveOn < due ? c.effectiveOn : due) : null));
  }
  if (c.effectiveOn) add('publish', `向职工公布（生效后 ${rules.publishDays} 日内）`, addDays(c.effectiveOn, rules.publishDays), c.publishedOn);
  // Each contract year the union reports on its performance to the 职代会 (§2.13: 履行, 年度检查): due by the end of the
  // contract year after the one last reported on (the first year when none, shown before it begins so the list's 待办
  // day is known), 待办 from a month before; once the term is over the renewal is what is due.
  if (c.publishedOn && c.startsOn && c.endsOn && today <= c.endsOn) {
    const yearsIn = (day: string) => {
      let k = 0;
      while (addMonths(c.startsOn!, 12 * (k + 1)) <= day) k++;
      return k;
    };
    const k = c.lastReportOn && c.lastReportOn >= c.startsOn ? yearsIn(c.lastReportOn) + 1 : 0;
    const due = addDays(addMonths(c.startsOn, 12 * (k + 1)), -1);
    if (due <= c.endsOn) add('report', `年度履行情况报告（第 ${k + 1} 个合同年度，向职代会报告）`, due, null, addDays(due, -30));
  }
  // Within the last months of the term either side may ask to renew (《集体合同规定》 art. 38): a window that opens
  // then and closes when the contract ends.
  if (c.endsOn && c.effectiveOn) add('renewal', `续签（期满前 ${rules.renewalMonths} 个月内提出，期满前办结）`, c.endsOn, c.renewedOn, addMonths(c.endsOn, -rules.renewalMonths));
  return out;
}

/** The day a running clock becomes 待办: its window's opening, or a week before its deadline. */
export const attentionOn = (k: { dueOn: string; opensOn?: string }) => k.opensOn ?? addDays(k.dueOn, -DUE_SOON_DAYS);

/** The clocks that are 待办: overdue, or due within a week. */
export const dueClocks = (clocks: ContractClock[]) => clocks.filter((k) => k.state === 'overdue' || k.state === 'soon');
