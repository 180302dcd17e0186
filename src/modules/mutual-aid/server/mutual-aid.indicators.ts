import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';

const section = '大病互助与免费体检';

/**
 * Enrolments paid within the period and still in force on its last day (not withdrawn by then; a withdrawal after
 * the period does not change it): one record each or, with `people`, one per person.
 */
function enrolments(ctx: IndicatorContext, people: boolean) {
  return sql`
    select ${people ? sql`distinct on (e.member_id) e.member_id::text` : sql`e.id::text`} as id, o.id as org_id, o.name as org_name,
           m.name || '：' || p.name || ' ' || e.shares || ' 份' as title, e.paid_on as occurred_on, e.premium_fen::bigint as amount
      from mutual_aid_enrolments e
      join mutual_aid_plans p on p.id = e.plan_id
      join members m on m.id = e.member_id
      join organisations o on o.id = e.org_id
     where (e.status = 'enrolled' or e.withdrawn_on >= ${ctx.period.end}) and ${underPath('o.path', ctx.rootPath)}
       and e.paid_on >= ${ctx.period.start} and e.paid_on < ${ctx.period.end}
     ${people ? sql`order by e.member_id, e.paid_on` : sql``}`;
}

/** Claims paid within the period, with the amount paid. */
function claimsPaid(ctx: IndicatorContext) {
  return sql`
    select c.id::text as id, o.id as org_id, o.name as org_name, m.name || '：' || p.name || '理赔（' || c.hospital || '）' as title,
           c.paid_on as occurred_on, c.approved_fen::bigint as amount
      from mutual_aid_claims c
      join mutual_aid_enrolments e on e.id = c.enrolment_id
      join mutual_aid_plans p on p.id = e.plan_id
      join members m on m.id = e.member_id
      join organisations o on o.id = c.org_id
     where c.status = 'paid' and ${underPath('o.path', ctx.rootPath)}
       and c.paid_on >= ${ctx.period.start} and c.paid_on < ${ctx.period.end}`;
}

export const mutualAidIndicators: IndicatorDefinition[] = [
  {
    code: 'mutualaid.enrolled_people',
    name: '大病互助参保人数',
    definition: '统计期内缴费参加职工大病互助、且至统计期末（最后一日）未退保的职工人数（按缴费日期、退保日期计，期末之后退保不改变本期数值）；同一人参加多个互助计划只计一人。',
    unit: '人',
    section,
    kind: 'count',
    records: (c) => enrolments(c, true),
  },
  {
    code: 'mutualaid.enrolments',
    name: '大病互助参保人次',
    definition: '统计期内缴费参加职工大病互助、且至统计期末未退保的人次（按缴费日期、退保日期计；退保后重新参保另计一次）；一人参加两个互助计划计两人次。',
    unit: '人次',
    section,
    kind: 'count',
    amount: { kind: 'money' },
    records: (c) => enrolments(c, false),
  },
  {
    code: 'mutualaid.premium_total',
    name: '大病互助互助金',
    definition: '统计期内缴费参保、且至统计期末未退保的互助金合计（份数 × 每份互助金；按缴费日期、退保日期计）。',
    unit: '元',
    section,
    kind: 'sum',
    amount: { kind: 'money' },
    records: (c) => enrolments(c, false),
  },
  {
    code: 'mutualaid.claims_paid',
    name: '大病互助理赔件数',
    definition: '统计期内已支付的大病互助理赔件数（按支付日期）。',
    unit: '件',
    section,
    kind: 'count',
    amount: { kind: 'money' },
    records: claimsPaid,
  },
  {
    code: 'mutualaid.paid_total',
    name: '大病互助理赔金额',
    definition: '统计期内已支付的大病互助理赔金额合计（按核准金额、支付日期）。',
    unit: '元',
    section,
    kind: 'sum',
    amount: { kind: 'money' },
    records: claimsPaid,
  },
];
