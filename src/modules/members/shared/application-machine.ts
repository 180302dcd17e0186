import { defineMachine } from '@platform/workflow/machine';
import { APPLICATION_STATUS_LABELS } from './member-codes';
import { MemberPermissions } from './member.permissions';

const union = { permission: MemberPermissions.write.name };

/**
 * An online application to join (网上入会申请): the union decides it within `joinReviewDays` working days of its
 * submission; a rejection states its reason, which the applicant reads with their application number.
 */
export const APPLICATION_MACHINE = defineMachine({
  noun: '入会申请',
  states: {
    pending: { label: APPLICATION_STATUS_LABELS.pending, deadline: { days: { setting: 'joinReviewDays' }, working: true, action: '审核入会申请' } },
    approved: { label: APPLICATION_STATUS_LABELS.approved },
    rejected: { label: APPLICATION_STATUS_LABELS.rejected },
  },
  steps: {
    approve: { label: '批准', from: ['pending'], to: 'approved', who: union },
    reject: { label: '驳回', from: ['pending'], to: 'rejected', who: union, opinion: true },
  },
});
