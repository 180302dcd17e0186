import { defineMachine } from '@platform/workflow/machine';
import { HealthCheckPermissions as P } from './health-check.permissions';
import { SIGNUP_STATUS_LABELS } from './health-check.schema';

/**
 * A sign-up for a free health check (免费体检报名): cancelled by the worker's union or by the worker, marked done by
 * the union, then its results recorded (again, to correct them) by whoever holds the results permission.
 */
export const SIGNUP_MACHINE = defineMachine({
  noun: '报名记录',
  states: {
    signed_up: { label: SIGNUP_STATUS_LABELS.signed_up },
    done: { label: SIGNUP_STATUS_LABELS.done },
    cancelled: { label: SIGNUP_STATUS_LABELS.cancelled },
  },
  steps: {
    cancel: { label: '取消', from: ['signed_up'], to: 'cancelled', who: [{ permission: P.write.name }, 'self'] },
    mark_done: { label: '登记体检完成', from: ['signed_up'], to: 'done', who: { permission: P.write.name } },
    record_results: { label: '登记体检结果', from: ['done'], to: null, who: { permission: P.results.name } },
  },
});
export type SignupStatus = (typeof SIGNUP_MACHINE.stateCodes)[number];
export type SignupStep = (typeof SIGNUP_MACHINE.stepCodes)[number];
