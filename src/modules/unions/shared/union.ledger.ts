import type { z } from 'zod';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';
import { TERM_PAPERS } from './term-papers';
import type { ElectionRowSchema, TermSchema } from './union.schema';

/** Where a union stands in its term (换届状态), against today and the reminder window. */
export const ELECTION_STATUS = defineCodes({ overdue: '已逾期', due: '即将届满', in_term: '在届', unregistered: '未登记届期' });

type ElectionRow = z.infer<typeof ElectionRowSchema>;
type Term = z.infer<typeof TermSchema>;
const names = (list: string[]) => (list.length ? list.join('、') : null);

/** The reminder list's one column list (list page, Excel export, detail drawer). */
export const ELECTION_COLUMNS = defineColumns<ElectionRow>([
  { key: 'orgName', header: '工会名称', width: 32, value: (r) => r.orgName },
  { key: 'orgCode', header: '组织代码', width: 16, in: { list: false }, value: (r) => r.orgCode },
  { key: 'parentName', header: '上级工会', width: 24, value: (r) => r.parentName },
  { key: 'chairName', header: '工会主席', width: 10, value: (r) => r.chairName },
  { key: 'electedOn', header: '选举日期', width: 12, value: (r) => r.electedOn },
  { key: 'termYears', header: '任期（年）', width: 10, value: (r) => r.termYears },
  { key: 'endsOn', header: '届满日期', width: 12, value: (r) => r.endsOn },
  { key: 'daysLeft', header: '剩余天数', width: 10, in: { list: false }, value: (r) => r.daysLeft },
  { key: 'status', header: '状态', width: 12, value: (r) => r.status, codes: ELECTION_STATUS },
]);

/** Committee terms by union: a record is a grassroots union (its id), opening at /elections?open=<orgId>; each term keeps its 选举材料. */
export const ELECTION_LEDGER = defineLedger({ name: 'union-terms', label: '换届', path: '/elections', columns: ELECTION_COLUMNS, attachments: TERM_PAPERS });

/** One election (a union's term) as its detail shows it; the past terms' table lists the first four. */
export const TERM_COLUMNS = defineColumns<Term>([
  { key: 'electedOn', header: '选举日期', value: (t) => t.electedOn },
  { key: 'termYears', header: '任期（年）', value: (t) => t.termYears },
  { key: 'endsOn', header: '届满日期', value: (t) => t.endsOn },
  { key: 'chairName', header: '工会主席', value: (t) => t.chairName },
  { key: 'chairFullTime', header: '主席专职', in: { list: false }, value: (t) => t.chairFullTime },
  { key: 'viceChairs', header: '副主席', in: { list: false }, value: (t) => names(t.viceChairs) },
  { key: 'committeeMembers', header: '委员', in: { list: false }, value: (t) => names(t.committeeMembers) },
  { key: 'fundsCommittee', header: '经费审查委员会委员', in: { list: false }, value: (t) => names(t.fundsCommittee) },
  { key: 'womenCommittee', header: '女职工委员会委员', in: { list: false }, value: (t) => names(t.womenCommittee) },
  { key: 'approvalDoc', header: '批复文号', in: { list: false }, value: (t) => t.approvalDoc },
  { key: 'remark', header: '备注', in: { list: false }, value: (t) => t.remark },
]);
