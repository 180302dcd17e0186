import { get, query } from '@ui/api';
import type { OrgPickerNode } from '@ui/OrgPicker';
import type { Application, MemberDetail, MemberRow } from '../shared/member.schema';

/** One level of the district's union tree for the transfer destination picker. */
export const loadTransferTargets = (parentId?: number) => get<OrgPickerNode[]>(`/api/member-transfers/unions${query({ parentId })}`);

export type { Application, MemberDetail, MemberRow };
export interface Page<T> {
  items: T[];
  total: number;
  /** The member list's search count stopped at `total`: more match. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}
