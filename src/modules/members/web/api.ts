import type { Application, MemberDetail, MemberRow } from '../shared/member.schema';

export type { Application, MemberDetail, MemberRow };
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
