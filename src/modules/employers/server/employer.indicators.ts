import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { GAP_THRESHOLD } from '../shared/employer-codes';
import { EMPLOYER_LEDGER } from '../shared/employer.ledger';

const section = '组织建设';
const ledger = EMPLOYER_LEDGER;

/**
 * The coverage of employer `e` in force on the last day of the period (the latest one begun by then and not
 * ended by then), as a lateral row `c`; history rows ended before period end, and rows begun after it, don't count.
 */
function coverageAtEnd(ctx: IndicatorContext) {
  return sql`lateral (
        select h.org_id, h.since from union_coverages h
         where h.employer_id = e.id and h.since < ${ctx.period.end} and (h.until is null or h.until >= ${ctx.period.end})
         order by h.since desc, h.id desc limit 1) c`;
}

/**
 * Employers of 25+ employees in the subtree (by the organisation that keeps them), covered by an open union
 * at the end of the period or not. Employee counts are the current register values (the register keeps no
 * history of head counts).
 */
function employers25(ctx: IndicatorContext, covered: boolean | null) {
  const isCovered = sql`(c.org_id is not null and (u.closed_on is null or u.closed_on >= ${ctx.period.end}))`;
  return sql`
    select e.id, k.id as org_id, k.name as org_name, e.name as title, c.since as occurred_on, e.employees::bigint as amount
      from employers e join organisations k on k.id = e.org_id
      left join ${coverageAtEnd(ctx)} on true
      left join organisations u on u.id = c.org_id
     where ${underPath('k.path', ctx.rootPath)} and e.employees >= ${GAP_THRESHOLD}
       and ${covered === null ? sql`true` : covered ? isCovered : sql`not ${isCovered}`}`;
}

/**
 * Employers of any size kept in the subtree and covered by an open union at the end of the period (已建会企业), as
 * indicator records with their USCC: the denominator other ledgers measure coverage against (collective contracts).
 */
export function unionisedEmployers(ctx: IndicatorContext) {
  return sql`
    select e.id, k.id as org_id, k.name as org_name, e.name as title, c.since as occurred_on, e.employees::bigint as amount, e.uscc
      from employers e join organisations k on k.id = e.org_id
      join ${coverageAtEnd(ctx)} on true
      join organisations u on u.id = c.org_id
     where ${underPath('k.path', ctx.rootPath)} and (u.closed_on is null or u.closed_on >= ${ctx.period.end})`;
}

/** Employees of the employers covered by unions of the subtree at period end (the membership-rate denominator). */
function coveredEmployees(ctx: IndicatorContext) {
  return sql`
    select e.id, u.id as org_id, u.name as org_name, e.name as title, c.since as occurred_on, e.employees::bigint as amount
      from employers e join ${coverageAtEnd(ctx)} on true join organisations u on u.id = c.org_id
     where ${underPath('u.path', ctx.rootPath)} and (u.closed_on is null or u.closed_on >= ${ctx.period.end})`;
}

export const employerIndicators: IndicatorDefinition[] = [
  { code: 'employer.total_25', name: '25人以上用人单位数', definition: '用人单位名录中职工人数 25 人及以上的单位数（按登记单位所属的街道、园区统计）。', unit: '家', section, ledger, kind: 'count', amount: { kind: 'number', label: '职工人数' }, records: (c) => employers25(c, null) },
  { code: 'employer.covered_25', name: '25人以上已建会单位数', definition: '25 人以上用人单位中，统计期末（最后一日）仍由基层工会（单独或联合）覆盖的单位数；按覆盖起止日期计，期末之后取消或变更覆盖不改变本期数值。', unit: '家', section, ledger, kind: 'count', amount: { kind: 'number', label: '职工人数' }, records: (c) => employers25(c, true) },
  { code: 'employer.gaps', name: '建会空白点数', definition: '25 人以上用人单位中，统计期末（最后一日）没有工会覆盖的单位数，按覆盖起止日期计（《工会法》第十一条：25 人以上应当建立基层工会委员会）。', unit: '家', section, ledger, kind: 'count', amount: { kind: 'number', label: '职工人数' }, records: (c) => employers25(c, false) },
  { code: 'employer.founding_rate', name: '建会率', definition: '25人以上已建会单位数 ÷ 25人以上用人单位数 × 100%。', unit: '%', section, kind: 'rate', numerator: 'employer.covered_25', denominator: 'employer.total_25', factor: 100 },
  { code: 'employer.covered_employees', name: '已建会单位职工人数', definition: '统计期末（最后一日）由本级及下级基层工会覆盖的用人单位的职工人数之和（按覆盖起止日期计；职工人数为名录现登记值）。', unit: '人', section, ledger, kind: 'sum', amount: { kind: 'number', label: '职工人数' }, records: (c) => coveredEmployees(c) },
  { code: 'employer.membership_rate', name: '入会率', definition: '会员总数 ÷ 已建会单位职工人数 × 100%。', unit: '%', section, kind: 'rate', numerator: 'member.total', denominator: 'employer.covered_employees', factor: 100 },
];
