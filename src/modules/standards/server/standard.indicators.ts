import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';

const section = '组织建设';

/** Assessments whose parent's review was completed within the period (China time), optionally only the passed ones. */
function reviewed(ctx: IndicatorContext, passedOnly: boolean) {
  return sql`
    select a.id, o.id as org_id, o.name as org_name,
           o.name || '：' || a.year || ' 年度' || c.name || ' ' || a.review_total || ' 分（' || a.grade || '）' as title,
           (a.reviewed_at at time zone 'Asia/Shanghai')::date as occurred_on, null::bigint as amount
      from standard_assessments a
      join organisations o on o.id = a.org_id
      join standard_checklists c on c.id = a.checklist_id
     where a.status = 'reviewed' and ${underPath('o.path', ctx.rootPath)}
       and (a.reviewed_at at time zone 'Asia/Shanghai')::date >= ${ctx.period.start}
       and (a.reviewed_at at time zone 'Asia/Shanghai')::date < ${ctx.period.end}
       ${passedOnly ? sql`and a.passed` : sql``}`;
}

export const standardIndicators: IndicatorDefinition[] = [
  {
    code: 'standard.assessed',
    name: '完成规范化建设评定工会数',
    definition: '统计期内由上级工会审核完成的基层工会规范化建设自评数（每家工会每项标准每年度一份）。',
    unit: '家',
    section,
    kind: 'count',
    records: (c) => reviewed(c, false),
  },
  {
    code: 'standard.passed',
    name: '规范化建设达标工会数',
    definition: '统计期内审核完成、审核得分达到该标准最低等级分数线的基层工会数。',
    unit: '家',
    section,
    kind: 'count',
    records: (c) => reviewed(c, true),
  },
  {
    code: 'standard.pass_rate',
    name: '规范化建设达标率',
    definition: '规范化建设达标工会数 ÷ 完成规范化建设评定工会数 × 100%。',
    unit: '%',
    section,
    kind: 'rate',
    numerator: 'standard.passed',
    denominator: 'standard.assessed',
    factor: 100,
  },
  {
    code: 'standard.honours',
    name: '获评职工之家类荣誉数',
    definition: '命名年度落在统计期内的模范职工之家、职工小家等荣誉数（以 1 月 1 日计；已撤销的不计）。',
    unit: '项',
    section,
    kind: 'count',
    records: (ctx) => sql`
      select h.id, o.id as org_id, o.name as org_name, o.name || '：' || h.title || '（' || h.awarding_body || '）' as title,
             make_date(h.year, 1, 1) as occurred_on, null::bigint as amount
        from union_honours h join organisations o on o.id = h.org_id
       where ${underPath('o.path', ctx.rootPath)} and h.revoked_on is null
         and make_date(h.year, 1, 1) >= ${ctx.period.start} and make_date(h.year, 1, 1) < ${ctx.period.end}`,
  },
];
