import { defineMachine } from '@platform/workflow/machine';
import { ASSESSMENT_STATUS_LABELS } from './standard.schema';
import { StandardPermissions } from './standard.permissions';

const reviewer = { permission: StandardPermissions.review.name };

/**
 * A union's standardisation self-assessment (规范化建设自评): filled in and submitted by the union (or for it), then
 * approved with review scores or returned with an opinion by a union above that did not fill it in (that
 * exclusion is checked by the service before the step, as `filledBy`). Scores and evidence change only while
 * 提交 is open (自评中, 已退回).
 */
export const ASSESSMENT_MACHINE = defineMachine({
  noun: '自评',
  states: {
    draft: { label: ASSESSMENT_STATUS_LABELS.draft },
    submitted: { label: ASSESSMENT_STATUS_LABELS.submitted },
    returned: { label: ASSESSMENT_STATUS_LABELS.returned },
    reviewed: { label: ASSESSMENT_STATUS_LABELS.reviewed },
  },
  steps: {
    submit: { label: '提交', from: ['draft', 'returned'], to: 'submitted', who: { permission: StandardPermissions.assess.name } },
    approve: { label: '审核通过', from: ['submitted'], to: 'reviewed', who: reviewer },
    return: { label: '退回', from: ['submitted'], to: 'returned', who: reviewer, opinion: true },
  },
});
export type AssessmentState = (typeof ASSESSMENT_MACHINE.stateCodes)[number];
