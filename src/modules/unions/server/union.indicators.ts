import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { ELECTION_LEDGER } from '../shared/union.ledger';

/** Every union figure counts grassroots unions: a drill-down row opens the union's terms. */
const unions = { unit: '家', section: '组织建设', ledger: ELECTION_LEDGER, kind: 'count' } as const;

/** Open grassroots unions at period end with the latest election held before the period ended. */
function currentTerms(ctx: IndicatorContext) {
  return sql`
    select o.id, o.name, o.path, t.elected_on, (t.elected_on + make_interval(years => t.term_years))::date as ends_on
      from organisations o
      join lateral (select * from union_terms x where x.org_id = o.id and x.elected_on < ${ctx.period.end}
                     order by x.elected_on desc, x.id desc limit 1) t on true
     where ${underPath('o.path', ctx.rootPath)}
       and (o.closed_on is null or o.closed_on >= ${ctx.period.end})`;
}

export const unionIndicators: IndicatorDefinition[] = [
  {
    code: 'union.elections_held',
    name: '完成换届工会数',
    definition: '统计期内登记了换届选举的基层工会数（一家工会期内多次选举计一次）。',
    ...unions,
    records: (ctx) => sql`
      select distinct on (o.id) o.id, o.id as org_id, o.name as org_name, o.name as title, t.elected_on as occurred_on, null::bigint as amount
        from union_terms t join organisations o on o.id = t.org_id
       where ${underPath('o.path', ctx.rootPath)} and t.elected_on >= ${ctx.period.start} and t.elected_on < ${ctx.period.end}
       order by o.id, t.elected_on desc`,
  },
  {
    code: 'union.elections_overdue',
    name: '逾期未换届工会数',
    definition: '期末时当前届期已经届满（届满日期即选举日期加任期，早于统计期最后一天；届满日当天尚未逾期）而没有新的换届选举的基层工会数。',
    ...unions,
    records: (ctx) => sql`
      select c.id, c.id as org_id, c.name as org_name, c.name as title, c.ends_on as occurred_on, null::bigint as amount
        from (${currentTerms(ctx)}) c where c.ends_on < ${ctx.period.last}`,
  },
  {
    code: 'union.elections_due',
    name: '半年内届满工会数',
    definition: '期末时当前届期将在 6 个月（含）内届满的基层工会数（含恰在统计期最后一天届满的），即需要着手换届的工会。',
    ...unions,
    records: (ctx) => sql`
      select c.id, c.id as org_id, c.name as org_name, c.name as title, c.ends_on as occurred_on, null::bigint as amount
        from (${currentTerms(ctx)}) c
       where c.ends_on >= ${ctx.period.last} and c.ends_on < (${ctx.period.end}::date + interval '6 months')::date`,
  },
];
