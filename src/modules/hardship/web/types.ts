import type { CaseDetail, CaseListItem, Finances } from '../shared/hardship.schema';

export type { CaseDetail, CaseListItem, Finances };

export const STATUS_COLORS: Record<string, string> = {
  applied: 'blue',
  visiting: 'cyan',
  visited: 'geekblue',
  notice: 'purple',
  pending_filing: 'gold',
  assisted: 'green',
  exited: 'default',
  rejected: 'red',
  withdrawn: 'default',
};
export const CATEGORY_COLORS: Record<string, string> = { deep: 'red', relative: 'orange', accident: 'magenta', none: 'default' };
