import { defineMachine } from '@platform/workflow/machine';
import { CongressPermissions } from './congresses.module';

const keeper = { permission: CongressPermissions.write.name };

/**
 * A delegate's proposal (提案, domain rules §2.14): the union's proposals committee puts it on file (立案) and hands it
 * to a department, or does not (不予立案, the reason given; it is handled as an opinion). The department replies;
 * the proposer says whether they are satisfied (on their phone, or the union records it).
 */
export const PROPOSAL_MACHINE = defineMachine({
  noun: '提案',
  states: {
    submitted: { label: '待立案' },
    accepted: { label: '已立案' },
    rejected: { label: '不予立案' },
    replied: { label: '已答复' },
    rated: { label: '已评价' },
  },
  steps: {
    accept: { label: '立案', from: ['submitted'], to: 'accepted', who: keeper },
    reject: { label: '不予立案', from: ['submitted'], to: 'rejected', who: keeper, opinion: true },
    reply: { label: '登记答复', from: ['accepted'], to: 'replied', who: keeper },
    rate: { label: '评价答复', from: ['replied'], to: 'rated', who: [keeper, 'self'] },
  },
});
export type ProposalStatus = (typeof PROPOSAL_MACHINE.stateCodes)[number];
export type ProposalStep = (typeof PROPOSAL_MACHINE.stepCodes)[number];
