import { defineMachine } from '@platform/workflow/machine';
import { ContractPermissions } from './contracts.module';

const keeper = { permission: ContractPermissions.write.name };

/** What the guards read: whether an effective contract took effect by itself (no approval was recorded). */
export interface ContractFacts {
  status: string;
  deemed: boolean;
}

/**
 * A collective contract's lifecycle (domain rules §2.13, 《集体合同规定》 arts. 42–46, 劳动合同法 art. 54):
 * 要约 → 协商 → 草案 → 职代会通过 → 签订 → 报送 (≤ 10 days) → 受理 (补正 ≤ 7 days) → 审查 (≤ 15 days) → 生效
 * (by itself when no objection within 15 days of receipt) or 有异议 → renegotiate → 公布 (≤ 10 days) → 履行 →
 * 续签 / 终止. The union keeping the contract records every step; the clocks are computed from the dates.
 */
export const CONTRACT_MACHINE = defineMachine({
  noun: '集体合同',
  states: {
    offered: { label: '已发出要约' },
    negotiating: { label: '协商中' },
    draft: { label: '草案待表决' },
    adopted: { label: '职代会已通过' },
    signed: { label: '已签订待报送' },
    filed: { label: '已报送待受理' },
    correcting: { label: '补正中' },
    reviewing: { label: '审查中' },
    objected: { label: '审查有异议' },
    effective: { label: '已生效待公布' },
    published: { label: '履行中' },
    expired: { label: '已期满待续签' },
    renewed: { label: '已续签' },
    terminated: { label: '已终止' },
  },
  steps: {
    reply: { label: '登记要约回复', from: ['offered'], to: 'negotiating', who: keeper },
    round: { label: '登记协商会议', from: ['negotiating'], to: null, who: keeper },
    draft: { label: '形成草案', from: ['negotiating'], to: 'draft', who: keeper },
    vote: { label: '登记职代会表决', from: ['draft'], to: 'adopted', who: keeper },
    sign: { label: '登记签订', from: ['adopted'], to: 'signed', who: keeper },
    file: { label: '登记报送', from: ['signed'], to: 'filed', who: keeper },
    receive: { label: '登记受理', from: ['filed'], to: 'reviewing', who: keeper },
    ask_correction: { label: '登记补正通知', from: ['filed'], to: 'correcting', who: keeper, opinion: true },
    refile: { label: '补正后重新报送', from: ['correcting'], to: 'filed', who: keeper },
    object: { label: '登记审查异议', from: ['reviewing'], to: 'objected', who: keeper, opinion: true },
    // From 'effective' only to record the real approval date of a contract that had taken effect by itself.
    approve: { label: '登记审查通过', from: ['reviewing', 'effective'], to: 'effective', who: keeper, guard: (c: ContractFacts) => (c.status === 'reviewing' || c.deemed ? null : '已登记审查通过') },
    renegotiate: { label: '重新协商', from: ['objected'], to: 'negotiating', who: keeper },
    publish: { label: '登记公布', from: ['effective'], to: 'published', who: keeper },
    report: { label: '登记年度履行报告', from: ['published'], to: null, who: keeper },
    renew: { label: '登记续签', from: ['published', 'expired'], to: 'renewed', who: keeper },
    terminate: { label: '终止', from: ['offered', 'negotiating', 'draft', 'adopted', 'signed', 'objected', 'effective', 'published', 'expired'], to: 'terminated', who: keeper, opinion: true },
  },
});
export type ContractStatus = (typeof CONTRACT_MACHINE.stateCodes)[number];
export type ContractStep = (typeof CONTRACT_MACHINE.stepCodes)[number];
