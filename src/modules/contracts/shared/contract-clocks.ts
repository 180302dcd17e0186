import { addDays, addMonths, addWorkingDays, NO_CALENDAR, type WorkCalendar } from '@platform/periods/dates';

/**
 * The legal clocks of a collective contract, in days (domain rules §2.13): the reply to a 要约 (20 days), the
 * start of talks after the reply (10 working days), filing after signing (10 days, art. 42), correction of an
 * incomplete filing (7 days), review from receipt (15 days, art. 45; no objection by then and it takes effect),
 * publication after taking effect (10 days), renegotiation before expiry (3 months).
 */
export interface ContractClockRules {
  replyDays: number;
  replyWorking: boolean;
  talksDays: number;
  talksWorking: boolean;
  filingDays: number;
  filingWorking: boolean;
  correctionDays: number;
  correctionWorking: boolean;
  reviewDays: number;
  reviewWorking: boolean;
  publishDays: number;
  publishWorking: boolean;
  renewalMonths: number;
}
/** The days the regulations set; a district may set its own from a day on (contract.clocks, decision 0025). */
export const CONTRACT_CLOCK_RULES: ContractClockRules = {
  replyDays: 20, replyWorking: false, talksDays: 10, talksWorking: true, filingDays: 10, filingWorking: false, correctionDays: 7, correctionWorking: false,
  reviewDays: 15, reviewWorking: false, publishDays: 10, publishWorking: false, renewalMonths: 3,
};
export type ClockName = 'reply' | 'talks' | 'filing' | 'correction' | 'review' | 'publish';
/** The due day of a clock started on `from`: its days, calendar or working (under the district's calendar). */
export function dueAfter(from: string, clock: ClockName, rules: ContractClockRules = CONTRACT_CLOCK_RULES, cal: WorkCalendar = NO_CALENDAR): string {
  const days = rules[`${clock}Days`];
  return rules[`${clock}Working`] ? addWorkingDays(from, days, cal) : addDays(from, days);
}
/** "10 日" or "10 个工作日". */
export const daysText = (clock: ClockName, rules: ContractClockRules = CONTRACT_CLOCK_RULES) => `${rules[`${clock}Days`]} ${rules[`${clock}Working`] ? '个工作日' : '日'}`;

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
  /** Fixed when the clock starts (signing, receipt) by the rules then in force: the figures and the law read them. */
  filingDueOn: string | null;
  reviewDueOn: string | null;
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
export const deemedEffectiveOn = (reviewDueOn: string) => addDays(reviewDueOn, 1);
/** Took effect by itself (the review ran out) rather than by a recorded approval. */
export const tookEffectByItself = (c: { status: string; reviewDueOn: string | null; effectiveOn: string | null }) => c.status === 'effective' && !!c.reviewDueOn && c.effectiveOn === deemedEffectiveOn(c.reviewDueOn);
/** Filed by the filing deadline fixed at signing (with the regulations' 10 days: day 10 on time, day 11 late). */
export const filedOnTime = (c: { filingDueOn: string | null }, filedOn: string) => !!c.filingDueOn && filedOn <= c.filingDueOn;

/** Every clock that has started, with its deadline and whether it was met; a terminated contract's open clocks stop. */
export function contractClocks(c: ContractDates, today: string, rules = CONTRACT_CLOCK_RULES, cal: WorkCalendar = NO_CALENDAR): ContractClock[] {
  const out: ContractClock[] = [];
  const add = (code: ContractClock['code'], label: string, dueOn: string, doneOn: string | null, opensOn?: string) => {
    if (!doneOn && c.terminatedOn) return;
    const state: ClockState = doneOn ? (doneOn > dueOn ? 'late' : 'done') : dueOn < today ? 'overdue' : today >= attentionOn({ dueOn, opensOn }) ? 'soon' : 'open';
    out.push({ code, label, dueOn, doneOn, state, ...(opensOn ? { opensOn } : {}) });
  };
  const t = (clock: ClockName) => daysText(clock, rules);
  add('reply', `答复要约（${t('reply')}内）`, dueAfter(c.offerOn, 'reply', rules, cal), c.replyOn);
  if (c.replyOn) add('talks', `开始协商（答复后 ${t('talks')}内）`, dueAfter(c.replyOn, 'talks', rules, cal), c.firstRoundOn);
  if (c.signedOn) add('filing', `报送审查（签订后 ${t('filing')}内）`, c.filingDueOn ?? dueAfter(c.signedOn, 'filing', rules, cal), c.filedOn);
  if (c.correctionOn) add('correction', `补正材料（${t('correction')}内）`, dueAfter(c.correctionOn, 'correction', rules, cal), c.refiledOn);
  if (c.receivedOn) {
    const due = c.reviewDueOn ?? dueAfter(c.receivedOn, 'review', rules, cal);
    add('review', `审查（受理后 ${t('review')}内，期满无异议即生效）`, due, c.objectionOn ?? (c.effectiveOn ? (c.effectiveOn < due ? c.effectiveOn : due) : null));
  }
  if (c.effectiveOn) add('publish', `向职工公布（生效后 ${t('publish')}内）`, dueAfter(c.effectiveOn, 'publish', rules, cal), c.publishedOn);
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
