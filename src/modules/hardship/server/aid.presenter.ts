import { availableSteps, type WorkflowPrincipal } from '@platform/workflow/machine';
import { AID_MACHINE, type AidStatus } from '../shared/aid-machine';
import { AID_FORM_LABELS, AID_KIND_LABELS, AID_STATUS_LABELS, FUND_SOURCE_LABELS, SCHOOL_LEVEL_LABELS } from '../shared/aid.schema';
import type * as aidRepo from './aid.repository';

/** A code's Chinese label (the code itself when unknown; null for null). */
export const label = <T extends Record<string, string>>(labels: T, key: string | null) => (key ? (labels[key as keyof T] ?? key) : null);

/**
 * An aid record as lists, details, exports and the member's own page show it; with a principal, the steps open
 * to them (审批 / 签收 / 撤销), else none.
 */
export function presentAid(r: aidRepo.AidWithNames, principal?: WorkflowPrincipal) {
  const a = r.a;
  return {
    id: a.id,
    memberId: a.memberId,
    memberName: r.memberName,
    idNumberMasked: r.idNumberMasked,
    orgName: r.orgName,
    caseNo: r.caseNo,
    campaignName: r.campaignName,
    kind: a.kind,
    kindLabel: label(AID_KIND_LABELS, a.kind)!,
    form: a.form,
    formLabel: label(AID_FORM_LABELS, a.form)!,
    amountFen: a.amountFen,
    items: a.items,
    schoolLevelLabel: label(SCHOOL_LEVEL_LABELS, a.schoolLevel),
    givenOn: a.givenOn,
    fundSource: a.fundSource,
    fundSourceLabel: label(FUND_SOURCE_LABELS, a.fundSource)!,
    status: a.status,
    statusLabel: label(AID_STATUS_LABELS, a.status)!,
    signedOn: a.signedOn,
    cancelReason: a.cancelReason,
    steps: principal ? availableSteps(AID_MACHINE, { status: a.status as AidStatus, orgPath: r.orgPath }, principal) : [],
  };
}
