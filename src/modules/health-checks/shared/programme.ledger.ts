import { z } from 'zod';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';
import { yuan } from '@platform/money';
import type { Programme } from './health-check.schema';

/** A programme's status: open for sign-ups (报名中) until the district closes it (已结束). */
export const PROGRAMME_STATUS = defineCodes({ open: '报名中', closed: '已结束' });

/** The programme list's filters (all optional: the page without them lists every programme it reaches). */
export const ProgrammeListQuerySchema = z.object({
  q: z.string().trim().max(60).optional().meta({ title: '项目名称或体检机构' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  status: z.enum(PROGRAMME_STATUS.values).optional().meta({ title: '状态' }),
});

/** The programme's one column list (the picker's summary, and an export when one is added). */
export const PROGRAMME_COLUMNS = defineColumns<Programme>([
  { key: 'name', header: '项目名称', width: 30, in: { detail: false }, value: (p) => p.name },
  { key: 'year', header: '年度', width: 8, in: { detail: false }, value: (p) => p.year },
  { key: 'orgName', header: '设立单位', width: 24, in: { detail: false }, value: (p) => p.orgName },
  { key: 'provider', header: '体检机构', width: 24, value: (p) => p.provider },
  { key: 'period', header: '体检时间', width: 24, value: (p) => `${p.startsOn} 至 ${p.endsOn}` },
  { key: 'budgetFen', header: '预算', width: 14, value: (p) => p.budgetFen, text: (p) => (p.budgetFen === null ? null : yuan(p.budgetFen)) },
  { key: 'total', header: '合计', width: 30, value: (p) => p.places, text: (p) => `名额 ${p.places}，已报名 ${p.signedUp}，已体检 ${p.done}` },
  { key: 'status', header: '状态', width: 10, in: { detail: false }, value: (p) => p.status, codes: PROGRAMME_STATUS },
  { key: 'package', header: '体检套餐', width: 40, value: (p) => p.package },
]);

/** 免费体检项目: a programme opens on the health-check page (`?programme=<id>`). */
export const PROGRAMME_LEDGER = defineLedger({ name: 'health-check-programmes', label: '免费体检项目', path: '/health-checks', param: 'programme', columns: PROGRAMME_COLUMNS });
