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
 * The server refuses any other step with the message of `refusal`.
 */

export const CASE_STATUS_LABELS = {
  applied: '待初审',
  visiting: '待入户调查',
  visited: '已入户调查',
  notice: '公示中',
  pending_filing: '待审批建档',
  assisted: '帮扶中',
  exited: '已退出',
  rejected: '不予建档',
  withdrawn: '已撤回',
} as const;
export type CaseStatus = keyof typeof CASE_STATUS_LABELS;
export const CASE_STATUSES = Object.keys(CASE_STATUS_LABELS) as [CaseStatus, ...CaseStatus[]];

/** Who may take a step: the owning union (`write`), the district (`file`), or the member (`self`). */
export type StepActor = 'write' | 'file' | 'self';

export interface CaseStep {
  label: string;
  from: CaseStatus[];
  /** The status after the step; `null` keeps the current one. */
  to: CaseStatus | null;
  actor: StepActor;
  /** A written opinion is required (rejections and returns). */
  opinion: boolean;
}

export const CASE_STEPS = {
  first_review: { label: '初审通过', from: ['applied'], to: 'visiting', actor: 'write', opinion: false },
  record_visit: { label: '记录入户调查', from: ['visiting'], to: 'visited', actor: 'write', opinion: false },
  start_notice: { label: '开始公示', from: ['visited'], to: 'notice', actor: 'write', opinion: false },
  object: { label: '登记公示异议', from: ['notice'], to: null, actor: 'write', opinion: true },
  end_notice: { label: '公示结束，报送建档', from: ['notice'], to: 'pending_filing', actor: 'write', opinion: false },
  file: { label: '审批建档', from: ['pending_filing'], to: 'assisted', actor: 'file', opinion: false },
  return: { label: '退回补充', from: ['visited', 'pending_filing'], to: 'applied', actor: 'write', opinion: true },
  reject: { label: '不予建档', from: ['applied', 'visiting', 'visited', 'notice', 'pending_filing'], to: 'rejected', actor: 'write', opinion: true },
  withdraw: { label: '撤回申请', from: ['applied'], to: 'withdrawn', actor: 'self', opinion: false },
  review: { label: '回头看（复核）', from: ['assisted'], to: null, actor: 'write', opinion: false },
  exit: { label: '退出（解困脱困）', from: ['assisted'], to: 'exited', actor: 'write', opinion: true },
  watch_visit: { label: '防返困回访', from: ['exited'], to: null, actor: 'write', opinion: false },
  relapse: { label: '返困，重新纳入帮扶', from: ['exited'], to: 'assisted', actor: 'write', opinion: true },
} as const satisfies Record<string, CaseStep>;
export type CaseAction = keyof typeof CASE_STEPS;
export const CASE_ACTIONS = Object.keys(CASE_STEPS) as [CaseAction, ...CaseAction[]];

/** Returns and rejections at the district's filing step are the district's to make. */
export function stepActor(action: CaseAction, status: CaseStatus): StepActor {
  if ((action === 'return' || action === 'reject') && status === 'pending_filing') return 'file';
  return CASE_STEPS[action].actor;
}

/** Why `action` cannot be taken on a case in `status`, in Chinese; null when it can. */
export function refusal(status: CaseStatus, action: CaseAction): string | null {
  const step: CaseStep = CASE_STEPS[action];
  if (step.from.includes(status)) return null;
  const allowed = step.from.map((s) => `“${CASE_STATUS_LABELS[s]}”`).join('、');
  return `档案当前为“${CASE_STATUS_LABELS[status]}”，不能${step.label}（只有${allowed}的档案可以）`;
}

/** The status after `action` (the same status for steps that record without moving). */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus {
  const reason = refusal(status, action);
  if (reason) throw new Error(reason);
  return CASE_STEPS[action].to ?? status;
}

/** The steps open on a case in `status` (for the buttons a user sees). */
export function openSteps(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => refusal(status, a) === null);
}

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
