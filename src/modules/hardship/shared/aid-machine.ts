import { defineMachine } from '@platform/workflow/machine';
import { AID_STATUS_LABELS } from './aid.schema';
import { HardshipPermissions as P } from './hardship.permissions';

const union = { permission: P.write.name };

/** An aid payment (帮扶发放): 审批 by the district, then 签收 by the paying union; 撤销 with a reason before signing. */
export const AID_MACHINE = defineMachine({
  noun: '帮扶记录',
  states: {
    pending: { label: AID_STATUS_LABELS.pending },
    approved: { label: AID_STATUS_LABELS.approved },
    signed: { label: AID_STATUS_LABELS.signed },
    cancelled: { label: AID_STATUS_LABELS.cancelled },
  },
  steps: {
    approve: { label: '审批', from: ['pending'], to: 'approved', who: { permission: P.file.name } },
    sign: { label: '签收', from: ['approved'], to: 'signed', who: union },
    cancel: { label: '撤销', from: ['pending', 'approved'], to: 'cancelled', who: union, opinion: true },
  },
});
export type AidStatus = (typeof AID_MACHINE.stateCodes)[number];
export type AidStep = (typeof AID_MACHINE.stepCodes)[number];
