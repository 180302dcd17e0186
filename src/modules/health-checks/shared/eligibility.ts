import { GROUP_LABELS, type HealthGroup } from './health-check.schema';

export interface WorkerFacts {
  sex: string;
  /** 从业类别, coded in the member register (members/shared/member-codes.ts WORKER_KINDS). */
  workerKind: string | null;
  migrantWorker: boolean;
}

/**
 * Why a worker may not take a place in a group, from what the member register holds, or null when they may.
 * Every group the register can tell is checked: sex, the coded worker kind (环卫工人, 快递员, 外卖配送员, 网约车司机)
 * and 农民工. Groups it does not record (model workers, other front-line workers) rest on the union's word.
 */
export function ineligibility(group: HealthGroup, w: WorkerFacts): string | null {
  switch (group) {
    case 'women_screening':
      return w.sex === 'female' ? null : '“两癌”筛查名额仅限女职工';
    case 'sanitation':
    case 'courier':
    case 'food_delivery':
    case 'ride_hailing':
      return w.workerKind === group ? null : `会员档案中的从业类别不是${GROUP_LABELS[group]}`;
    case 'migrant':
      return w.migrantWorker ? null : '会员档案中未登记为农民工';
    default:
      return null;
  }
}
