import { defineMachine } from '@platform/workflow/machine';
import { MutualAidPermissions } from './mutual-aid.permissions';
import { CLAIM_STATUS_LABELS } from './mutual-aid.schema';

const district = { permission: MutualAidPermissions.manage.name };

/** A claim (理赔): the district approves it with an amount or refuses it with an opinion, then pays it. */
export const CLAIM_MACHINE = defineMachine({
  noun: '理赔',
  states: {
    submitted: { label: CLAIM_STATUS_LABELS.submitted },
    approved: { label: CLAIM_STATUS_LABELS.approved },
    rejected: { label: CLAIM_STATUS_LABELS.rejected },
    paid: { label: CLAIM_STATUS_LABELS.paid },
  },
  steps: {
    approve: { label: '核准', from: ['submitted'], to: 'approved', who: district },
    reject: { label: '不予给付', from: ['submitted'], to: 'rejected', who: district, opinion: true },
    pay: { label: '支付', from: ['approved'], to: 'paid', who: district },
  },
});
export type ClaimStatus = (typeof CLAIM_MACHINE.stateCodes)[number];
