import { sql, type SQL } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { AID_PAID_STATUSES } from '../shared/aid.schema';

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

/** Cases filed by the district within the period, from their filing date (a relapse reopens without a second filing). */
function filed(ctx: IndicatorContext) {
  return sql`
    select c.id::text as id, o.id as org_id, o.name as org_name, m.name || '（' || c.case_no || '）' as title,
           c.filed_on as occurred_on, null::bigint as amount
      from hardship_cases c
      join members m on m.id = c.member_id
      join organisations o on o.id = c.org_id
     where c.filed_on is not null and ${underPath('o.path', ctx.rootPath)}
       and c.filed_on >= ${ctx.period.start} and c.filed_on < ${ctx.period.end}`;
}

/**
 * Cases on file (帮扶中) at the end of the period, read from the dated timeline: the status a case had after its
 * last step taken before the period ended (China time). Today's status never enters, so a later exit, relapse
 * or correction leaves past periods as they were.
 */
function onFileAtEnd(ctx: IndicatorContext) {
  return sql`
    select c.id::text as id, o.id as org_id, o.name as org_name, m.name || '（' || c.case_no || '）' as title,
           c.filed_on as occurred_on, null::bigint as amount
      from hardship_cases c
      join members m on m.id = c.member_id
      join organisations o on o.id = c.org_id
      join lateral (select e.to_status from hardship_case_events e
                     where e.case_id = c.id and e.at < (${ctx.period.end}::date::timestamp at time zone 'Asia/Shanghai')
                     order by e.at desc, e.id desc limit 1) s on true
     where s.to_status = 'assisted' and ${underPath('o.path', ctx.rootPath)}`;
}

/**
 * Aid paid within the period — approved by the district or signed for (`AID_PAID_STATUSES`); a pending request
 * and a cancelled record never count — one record per payment or, with `people`, per person.
 */
function aidPaid(ctx: IndicatorContext, extra: SQL = sql``, people = false) {
  return sql`
    select ${people ? sql`distinct on (a.member_id) a.member_id::text` : sql`a.id::text`} as id, o.id as org_id, o.name as org_name,
           m.name || '：' || case a.kind when 'living' then '生活救助' when 'medical' then '医疗救助' when 'education' then '金秋助学'
                                         when 'seasonal' then '节日慰问' else '其他帮扶' end
             || coalesce('（' || cc.name || '）', '') as title,
           a.given_on as occurred_on, a.amount_fen::bigint as amount
      from aid_records a
      join members m on m.id = a.member_id
      join organisations o on o.id = a.org_id
      left join care_campaigns cc on cc.id = a.campaign_id
     where a.status in (${sql.join(AID_PAID_STATUSES.map((x) => sql`${x}`), sql`, `)}) and ${underPath('o.path', ctx.rootPath)}
       and a.given_on >= ${ctx.period.start} and a.given_on < ${ctx.period.end} ${extra}
     ${people ? sql`order by a.member_id, a.given_on` : sql``}`;
}

const aidSection = '帮扶与送温暖';

export const hardshipIndicators: IndicatorDefinition[] = [
  {
    code: 'hardship.on_file',
    name: '在档困难职工户数',
    definition: '统计期最后一天结束时在档（帮扶中）的困难职工家庭户数，按档案办理记录的日期计：期末之后才退出的仍计入，期内已退出、期末之后才返困的不计入。',
    unit: '户',
    section,
    kind: 'count',
    records: (c) => onFileAtEnd(c),
  },
  {
    code: 'hardship.new_cases',
    name: '新建档困难职工户数',
    definition: '统计期内经区总工会审批建档的困难职工家庭户数。',
    unit: '户',
    section,
    kind: 'count',
    records: (c) => filed(c),
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
  {
    code: 'aid.paid_total',
    name: '帮扶资金总额',
    definition: '统计期内已发放的帮扶（现金，及按价值计的实物、服务）合计：只计区总工会已审批或受助人已签收的记录，待审批和已撤销的不计，按发放日期计。',
    unit: '元',
    section: aidSection,
    kind: 'sum',
    amount: { kind: 'money' },
    records: (c) => aidPaid(c),
  },
  {
    code: 'aid.people',
    name: '受助职工人数',
    definition: '统计期内获得帮扶（已审批或已签收）的会员人数（同一人多次受助计一人）。',
    unit: '人',
    section: aidSection,
    kind: 'count',
    records: (c) => aidPaid(c, sql``, true),
  },
  {
    code: 'aid.paid_education',
    name: '金秋助学金额',
    definition: '统计期内发放的助学（金秋助学）金额。',
    unit: '元',
    section: aidSection,
    kind: 'sum',
    amount: { kind: 'money' },
    records: (c) => aidPaid(c, sql`and a.kind = 'education'`),
  },
  {
    code: 'aid.paid_government',
    name: '其中：财政资金',
    definition: '统计期内资金来源为财政资金的帮扶金额。',
    unit: '元',
    section: aidSection,
    kind: 'sum',
    amount: { kind: 'money' },
    records: (c) => aidPaid(c, sql`and a.fund_source = 'government'`),
  },
  {
    code: 'aid.paid_union',
    name: '其中：工会经费',
    definition: '统计期内资金来源为工会经费的帮扶金额。',
    unit: '元',
    section: aidSection,
    kind: 'sum',
    amount: { kind: 'money' },
    records: (c) => aidPaid(c, sql`and a.fund_source = 'union'`),
  },
  {
    code: 'aid.paid_donation',
    name: '其中：社会捐助',
    definition: '统计期内资金来源为社会捐助的帮扶金额。',
    unit: '元',
    section: aidSection,
    kind: 'sum',
    amount: { kind: 'money' },
    records: (c) => aidPaid(c, sql`and a.fund_source = 'donation'`),
  },
  {
    code: 'aid.government_to_union',
    name: '财政资金与工会经费之比',
    definition: '统计期内帮扶使用的财政资金相当于工会经费的百分比。',
    unit: '%',
    section: aidSection,
    kind: 'rate',
    numerator: 'aid.paid_government',
    denominator: 'aid.paid_union',
    factor: 100,
  },
  {
    code: 'aid.campaign_people',
    name: '送温暖等活动慰问人次',
    definition: '统计期内各项活动（冬送温暖、夏送清凉、秋送助学等）发放到人的人次，每项活动每人计一次。',
    unit: '人次',
    section: aidSection,
    kind: 'count',
    amount: { kind: 'money' },
    records: (c) => aidPaid(c, sql`and a.campaign_id is not null`),
  },
  {
    code: 'aid.campaign_people_distinct',
    name: '送温暖慰问职工人数',
    definition: '统计期内在各项活动（冬送温暖、夏送清凉、秋送助学等）中受到慰问的职工人数；同一人在多项活动中受慰问只计一人。',
    unit: '人',
    section: aidSection,
    kind: 'count',
    records: (c) => aidPaid(c, sql`and a.campaign_id is not null`, true),
  },
];
