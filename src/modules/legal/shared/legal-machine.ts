import { defineMachine } from '@platform/workflow/machine';
import { LegalPermissions } from './legal.module';

const keeper = { permission: LegalPermissions.write.name };

/**
 * A legal service case (法律服务, domain rules §2.15): a worker's online request waits to be accepted (待受理); a
 * case taken at the counter or by phone starts 办理中. The union records its handling until the case is closed
 * with its outcome, the money recovered and the workers it concerned. The worker may withdraw a request not yet
 * accepted.
 */
export const CASE_MACHINE = defineMachine({
  noun: '法律服务案件',
  states: {
    requested: { label: '待受理' },
    handling: { label: '办理中' },
    closed: { label: '已办结' },
    declined: { label: '不予受理' },
    withdrawn: { label: '已撤回' },
  },
  steps: {
    accept: { label: '受理', from: ['requested'], to: 'handling', who: keeper },
    decline: { label: '不予受理', from: ['requested'], to: 'declined', who: keeper, opinion: true },
    progress: { label: '登记办理情况', from: ['handling'], to: null, who: keeper },
    close: { label: '办结', from: ['handling'], to: 'closed', who: keeper },
    withdraw: { label: '撤回申请', from: ['requested'], to: 'withdrawn', who: 'self' },
  },
});
export type CaseStatus = (typeof CASE_MACHINE.stateCodes)[number];
export type CaseStep = (typeof CASE_MACHINE.stepCodes)[number];
