import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { HIRING } from '../shared/hiring.ledger';

const section = '就业创业服务';

/** Posts recorded in the period (by 录入日期) by unions of the subtree; with `byEnterprise`, one row per enterprise. */
function recorded(ctx: IndicatorContext, byEnterprise: boolean) {
  return sql`
    select ${byEnterprise ? sql`distinct on (h.employer_uscc)` : sql``} h.id, o.id as org_id, o.name as org_name,
           h.employer_name || '：' || ${byEnterprise ? sql`'共 ' || count(*) over (partition by h.employer_uscc) || ' 条'` : sql`h.post`} as title,
           h.recorded_on as occurred_on, ${byEnterprise ? sql`(count(*) over (partition by h.employer_uscc))::bigint` : sql`h.headcount::bigint`} as amount
      from hiring_posts h join organisations o on o.id = h.org_id
     where ${underPath('o.path', ctx.rootPath)} and h.recorded_on >= ${ctx.period.start} and h.recorded_on < ${ctx.period.end}
     ${byEnterprise ? sql`order by h.employer_uscc, h.recorded_on, h.id` : sql``}`;
}

export const hiringIndicators: IndicatorDefinition[] = [
  {
    code: 'employment.hiring_enterprises',
    name: '录入用工信息企业数',
    definition: '统计期内（按录入日期）辖区工会录入了用工信息的企业数，按统一社会信用代码计，一家企业录入多条只计一家。',
    unit: '家',
    section,
    kind: 'count',
    ledger: HIRING,
    amount: { kind: 'number', label: '用工信息（条）' },
    records: (c) => recorded(c, true),
  },
  {
    code: 'employment.hiring_posts',
    name: '用工信息条数',
    definition: '统计期内（按录入日期）辖区工会录入的企业用工信息条数，一个岗位一条；已招满或已过期的仍计入。',
    unit: '条',
    section,
    kind: 'count',
    ledger: HIRING,
    amount: { kind: 'number', label: '招聘人数' },
    records: (c) => recorded(c, false),
  },
];
