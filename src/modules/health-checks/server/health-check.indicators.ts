import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';

const section = '大病互助与免费体检';

/** Checks done within the period (by date of the check): one record each or, with `people`, one per person. */
function done(ctx: IndicatorContext, people: boolean) {
  return sql`
    select ${people ? sql`distinct on (s.member_id) s.member_id::text` : sql`s.id::text`} as id, o.id as org_id, o.name as org_name,
           m.name || '：' || p.name as title, s.done_on as occurred_on, null::bigint as amount
      from health_check_signups s
      join health_check_programmes p on p.id = s.programme_id
      join members m on m.id = s.member_id
      join organisations o on o.id = s.org_id
     where s.status = 'done' and ${underPath('o.path', ctx.rootPath)}
       and s.done_on >= ${ctx.period.start} and s.done_on < ${ctx.period.end}
     ${people ? sql`order by s.member_id, s.done_on` : sql``}`;
}

export const healthCheckIndicators: IndicatorDefinition[] = [
  {
    code: 'healthcheck.people',
    name: '免费体检人数',
    definition: '统计期内完成工会组织的免费健康体检的职工人数（按体检日期）；同一人参加多个体检项目只计一人。',
    unit: '人',
    section,
    kind: 'count',
    records: (c) => done(c, true),
  },
  {
    code: 'healthcheck.checks',
    name: '免费体检人次',
    definition: '统计期内完成的免费健康体检人次（按体检日期）；一人参加两个体检项目（如一般体检和“两癌”筛查）计两人次。',
    unit: '人次',
    section,
    kind: 'count',
    records: (c) => done(c, false),
  },
];
