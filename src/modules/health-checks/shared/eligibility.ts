import { GROUP_LABELS, type HealthGroup } from './health-check.schema';

export interface WorkerFacts {
  sex: string;
  gigKind: string | null;
  migrantWorker: boolean;
}

/**
 * Why a worker may not take a place in a group, from what the member register holds, or null when they may.
 * Groups the register does not record (sanitation, model workers, other front-line workers) rest on the
 * union's word when it signs the worker up.
 */
export function ineligibility(group: HealthGroup, w: WorkerFacts): string | null {
  switch (group) {
    case 'women_screening':
      return w.sex === 'female' ? null : '“两癌”筛查名额仅限女职工';
    case 'courier':
    case 'food_delivery':
    case 'ride_hailing':
      return w.gigKind === group ? null : `会员档案中的职业不是${GROUP_LABELS[group]}`;
    case 'migrant':
      return w.migrantWorker ? null : '会员档案中未登记为农民工';
    default:
      return null;
  }
}
