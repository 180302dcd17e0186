import { defineMachine } from '@platform/workflow/machine';
import { FacilityPermissions } from './facilities.module';

/** A superior union inspects (the district or a street for the unions below it), never the keeping union itself. */
const above = { permission: FacilityPermissions.inspect.name, side: 'above' } as const;
const keeper = { permission: FacilityPermissions.write.name };

/**
 * A facility's lifecycle (domain rules §2.11): 申报 → 验收 → 挂牌/上图 → 运行 → 年度复验 → 整改 / 摘牌. A failed
 * acceptance leaves it 已申报 with its rectification recorded; a failed yearly review puts it 整改中 until a
 * recheck passes. Every inspection is kept, so "new in the period" counts by the date an inspection passed.
 */
export const FACILITY_MACHINE = defineMachine({
  noun: '阵地',
  states: {
    declared: { label: '已申报' },
    accepted: { label: '已验收' },
    operating: { label: '运行中' },
    rectifying: { label: '整改中' },
    delisted: { label: '已摘牌' },
  },
  steps: {
    accept: { label: '验收通过', from: ['declared'], to: 'accepted', who: above },
    reject: { label: '验收不通过', from: ['declared'], to: null, who: above, opinion: true },
    list: { label: '挂牌上图', from: ['accepted'], to: 'operating', who: [keeper, above] },
    review: { label: '年度复验通过', from: ['operating'], to: null, who: above },
    upgrade: { label: '提升验收通过', from: ['operating'], to: null, who: above },
    fail_review: { label: '复验不通过', from: ['operating'], to: 'rectifying', who: above, opinion: true },
    recheck: { label: '整改复查通过', from: ['rectifying'], to: 'operating', who: above },
    delist: { label: '摘牌', from: ['accepted', 'operating', 'rectifying'], to: 'delisted', who: above, opinion: true },
  },
});
export type FacilityStatus = (typeof FACILITY_MACHINE.stateCodes)[number];
export type FacilityStep = (typeof FACILITY_MACHINE.stepCodes)[number];
