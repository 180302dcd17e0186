import { sql, type SQL } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';

const section = '困难职工帮扶';
const day = (col: string) => sql.raw(`(${col} at time zone 'Asia/Shanghai')::date`);

/** Steps of the case timeline taken within the period (one record per step), e.g. exits or reviews. */
function steps(ctx: IndicatorContext, action: string, extra: SQL = sql``) {
  return sql`
    select e.id::text as id, o.id as org_id, o.name as org_name,
           m.name || '（' || c.case_no || '）' || coalesce('：' || (e.detail ->> 'exitReasonLabel'), '') as title,
           ${day('e.at')} as occurred_on, null::bigint as amount
      from hardship_case_events e
      join hardship_cases c on c.id = e.case_id
      join members m on m.id = c.member_id
      join organisations o on o.id = c.org_id
     where e.action = ${action} and ${underPath('o.path', ctx.rootPath)}
       and ${day('e.at')} >= ${ctx.period.start} and ${day('e.at')} < ${ctx.period.end} ${extra}`;
}

/** Cases filed by the district, from their filing step (a relapse reopens without a second filing). */
function filed(ctx: IndicatorContext, onFileAtEnd: boolean) {
  const window = onFileAtEnd
    ? sql`c.filed_on < ${ctx.period.end} and (c.status = 'assisted' or (c.status = 'exited' and c.exited_on >= ${ctx.period.end}))`
    : sql`c.filed_on >= ${ctx.period.start} and c.filed_on < ${ctx.period.end}`;
  return sql`
    select c.id::text as id, o.id as org_id, o.name as org_name, m.name || '（' || c.case_no || '）' as title,
           c.filed_on as occurred_on, null::bigint as amount
      from hardship_cases c
      join members m on m.id = c.member_id
      join organisations o on o.id = c.org_id
     where c.filed_on is not null and ${underPath('o.path', ctx.rootPath)} and ${window}`;
}

export const hardshipIndicators: IndicatorDefinition[] = [
  {
    code: 'hardship.on_file',
    name: '在档困难职工户数',
    definition: '统计期末在档（帮扶中，或期末之后才退出）的困难职工家庭户数。',
    unit: '户',
    section,
    kind: 'count',
    records: (c) => filed(c, true),
  },
  {
    code: 'hardship.new_cases',
    name: '新建档困难职工户数',
    definition: '统计期内经区总工会审批建档的困难职工家庭户数。',
    unit: '户',
    section,
    kind: 'count',
    records: (c) => filed(c, false),
  },
  {
    code: 'hardship.exits',
    name: '解困脱困户数',
    definition: '统计期内办理退出的档案数（脱困、解困、死亡、识别不准、不再符合、迁出），按办理日期计。',
    unit: '户',
    section,
    kind: 'count',
    records: (c) => steps(c, 'exit'),
  },
  {
    code: 'hardship.exits_escaped',
    name: '其中：脱困户数',
    definition: '统计期内以“脱困”（家庭人均收入连续高于低保标准）退出的档案数。',
    unit: '户',
    section,
    kind: 'count',
    records: (c) => steps(c, 'exit', sql`and e.detail ->> 'exitReason' = 'escaped'`),
  },
  {
    code: 'hardship.relapses',
    name: '返困户数',
    definition: '统计期内退出后又因家庭人均收入重新低于认定标准而重新纳入帮扶的次数。',
    unit: '户',
    section,
    kind: 'count',
    records: (c) => steps(c, 'relapse'),
  },
  {
    code: 'hardship.reviews',
    name: '回头看复核户次',
    definition: '统计期内对在档家庭完成的回头看复核次数（每次复核重新核定家庭经济状况）。',
    unit: '人次',
    section,
    kind: 'count',
    records: (c) => steps(c, 'review'),
  },
];
