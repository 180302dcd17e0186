/**
 * The lifecycle of a hardship case file, declared once (domain-rules.md §2.5; the lifecycle):
 *
 *   applied ─first_review─▶ visiting ─record_visit─▶ visited ─start_notice─▶ notice ─end_notice─▶ pending_filing
 *      ▲  │                                                    (needs consent)  │ (window over)        │
 *      └──┴──return (opinion) ◀── visited / pending_filing                      └─ object (stays)     │
 *   applied / visiting / visited / notice / pending_filing ──reject (opinion)──▶ rejected               │
 *   applied ──withdraw──▶ withdrawn                                                                    │
 *   pending_filing ──file (district; category qualifies)──▶ assisted ◀───────────────────────────────┘
 *   assisted ──review (回头看, new assessment)──▶ assisted
 *   assisted ──exit (脱困 / 解困 / death / mis-identified / no longer eligible / moved)──▶ exited
 *   exited ──watch_visit (during the watch period)──▶ exited
 *   exited ──relapse (new assessment crossing the threshold)──▶ assisted (same case, history kept)
 *
 * Declared on the workflow kit (`@platform/workflow`): the server refuses any other step in the kit's words.
 */
import { actorsOf, defineMachine, nextState, stateRefusal, stepsFrom, type Actor } from '@platform/workflow/machine';
import { HardshipPermissions as P } from './hardship.permissions';

/** The facts the guards read, loaded with the case. */
export interface CaseFacts {
  /** The signed 《家庭经济状况核对授权委托书》 is among the case's documents. */
  hasAuthorization: boolean;
  /** The applicant consented to a public notice covering at least one item. */
  hasNoticeConsent: boolean;
}

const union: Actor = { permission: P.write.name };
const district: Actor = { permission: P.file.name };
/** Returns and rejections at the district's filing step are the district's to make. */
const atFilingDistrict = (from: string): Actor => (from === 'pending_filing' ? district : union);

export const CASE_MACHINE = defineMachine({
  noun: '档案',
  states: {
    applied: { label: '待初审' },
    visiting: { label: '待入户调查', deadline: { days: { setting: 'visitDueDays' }, action: '入户调查' } },
    visited: { label: '已入户调查' },
    notice: { label: '公示中' },
    pending_filing: { label: '待审批建档' },
    assisted: { label: '帮扶中' },
    exited: { label: '已退出' },
    rejected: { label: '不予建档' },
    withdrawn: { label: '已撤回' },
  },
  steps: {
    first_review: { label: '初审通过', from: ['applied'], to: 'visiting', who: union },
    record_visit: {
      label: '记录入户调查',
      from: ['visiting'],
      to: 'visited',
      who: union,
      guard: (c: CaseFacts) => (c.hasAuthorization ? null : '请先上传申请人签字的《家庭经济状况核对授权委托书》，再记录入户调查'),
    },
    start_notice: {
      label: '开始公示',
      from: ['visited'],
      to: 'notice',
      who: union,
      guard: (c: CaseFacts) => (c.hasNoticeConsent ? null : '申请人还没有同意公示，不能开始公示。请先登记公示同意书'),
    },
    object: { label: '登记公示异议', from: ['notice'], to: null, who: union, opinion: true },
    end_notice: { label: '公示结束，报送建档', from: ['notice'], to: 'pending_filing', who: union },
    file: { label: '审批建档', from: ['pending_filing'], to: 'assisted', who: district },
    return: { label: '退回补充', from: ['visited', 'pending_filing'], to: 'applied', who: atFilingDistrict, opinion: true },
    reject: { label: '不予建档', from: ['applied', 'visiting', 'visited', 'notice', 'pending_filing'], to: 'rejected', who: atFilingDistrict, opinion: true },
    withdraw: { label: '撤回申请', from: ['applied'], to: 'withdrawn', who: 'self' },
    review: { label: '回头看（复核）', from: ['assisted'], to: null, who: union },
    exit: { label: '退出（解困脱困）', from: ['assisted'], to: 'exited', who: union, opinion: true },
    watch_visit: { label: '防返困回访', from: ['exited'], to: null, who: union },
    relapse: { label: '返困，重新纳入帮扶', from: ['exited'], to: 'assisted', who: union, opinion: true },
  },
});

export type CaseStatus = (typeof CASE_MACHINE.stateCodes)[number];
export type CaseAction = (typeof CASE_MACHINE.stepCodes)[number];
export const CASE_STATUSES = CASE_MACHINE.stateCodes;
export const CASE_ACTIONS = CASE_MACHINE.stepCodes;
export const CASE_STATUS_LABELS = Object.fromEntries(CASE_STATUSES.map((s) => [s, CASE_MACHINE.states[s].label])) as Record<CaseStatus, string>;
/** The steps as labels and opinion flags (history labels, the demo). */
export const CASE_STEPS = Object.fromEntries(CASE_ACTIONS.map((a) => [a, { label: CASE_MACHINE.steps[a].label, opinion: CASE_MACHINE.steps[a].opinion === true }])) as Record<CaseAction, { label: string; opinion: boolean }>;

/** Who may take a step: the owning union (`write`), the district (`file`), or the member (`self`). */
export type StepActor = 'write' | 'file' | 'self';

/** The actor of `action` from `status`, named by its permission. */
export function stepActor(action: CaseAction, status: CaseStatus): StepActor {
  const actor = actorsOf(CASE_MACHINE, action, status)[0]!;
  return actor === 'self' ? 'self' : actor.permission === P.file.name ? 'file' : 'write';
}

/** Why `action` cannot be taken on a case in `status`, in Chinese; null when it can. */
export const refusal = (status: CaseStatus, action: CaseAction): string | null => stateRefusal(CASE_MACHINE, status, action);

/** The status after `action` (the same status for steps that record without moving). */
export const nextStatus = (status: CaseStatus, action: CaseAction): CaseStatus => nextState(CASE_MACHINE, status, action);

/** The steps open on a case in `status`, whoever may take them. */
export const openSteps = (status: CaseStatus): CaseAction[] => stepsFrom(CASE_MACHINE, status);

export const EXIT_REASON_LABELS = {
  escaped: '脱困（家庭人均收入连续高于低保标准）',
  relieved: '解困（纳入政府兜底保障）',
  death: '死亡',
  misidentified: '识别不准',
  ineligible: '不再符合条件',
  moved: '迁出',
} as const;
export type ExitReason = keyof typeof EXIT_REASON_LABELS;
/** Exits after which the household is watched against relapse (防返困监测). */
export const WATCHED_EXITS: ExitReason[] = ['escaped', 'relieved', 'ineligible'];
