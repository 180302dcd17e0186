import { sql, type SQL } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { LEGAL_CASES, LEGAL_EVENTS } from '../shared/legal.ledger';

const section = '普法和法律服务';

/** Legal education events of the subtree held in the period (by date). */
const events = (c: IndicatorContext, amount: SQL) => sql`
  select e.id, o.id as org_id, o.name as org_name, e.title, e.held_on as occurred_on, (${amount})::bigint as amount
    from legal_events e join organisations o on o.id = e.org_id
   where ${underPath('o.path', c.rootPath)} and e.held_on >= ${c.period.start} and e.held_on < ${c.period.end}`;

/** Cases of the subtree by `on` in the period (accepted, or closed); titles carry no personal data. */
const cases = (c: IndicatorContext, on: SQL, amount: SQL, where: SQL = sql`true`) => sql`
  select k.id, o.id as org_id, o.name as org_name, k.case_no || ' ' || k.employer_name as title, ${on} as occurred_on, (${amount})::bigint as amount
    from legal_cases k join organisations o on o.id = k.org_id
   where ${underPath('o.path', c.rootPath)} and ${on} >= ${c.period.start} and ${on} < ${c.period.end} and ${where}`;
const accepted = sql`k.accepted_on`;
const workers = { kind: 'number', label: '涉及职工' } as const;

export const legalIndicators: IndicatorDefinition[] = [
  { code: 'legal.events', name: '普法活动场次', definition: '统计期内（按活动日期）辖区工会开展的送法进企业、进社区、进工地，法治讲座，法律知识竞赛和法律咨询日等普法教育和法律服务活动场次。', unit: '场', section, ledger: LEGAL_EVENTS, kind: 'count', amount: { kind: 'number', label: '服务职工' }, records: (c) => events(c, sql`e.audience`) },
  { code: 'legal.audience', name: '普法服务职工人数', definition: '统计期内（按活动日期）各场普法活动登记的服务职工人数之和（到场听讲、参加竞赛和现场咨询的职工；一人参加多场按场计）。', unit: '人', section, ledger: LEGAL_EVENTS, kind: 'sum', amount: { kind: 'number', label: '服务职工' }, records: (c) => events(c, sql`e.audience`) },
  { code: 'legal.materials', name: '发放普法资料', definition: '统计期内（按活动日期）各场普法活动登记的发放宣传资料份数之和；没有登记的计 0。', unit: '份', section, ledger: LEGAL_EVENTS, kind: 'sum', amount: { kind: 'number', label: '发放资料（份）' }, records: (c) => events(c, sql`coalesce(e.materials, 0)`) },
  { code: 'legal.cases', name: '法律服务案件数', definition: '统计期内（按受理日期）辖区工会受理的法律咨询、劳动争议调解、法律援助、仲裁代理和诉讼代理案件数；网上求助按工会受理的日期计，不予受理和撤回的不计。', unit: '件', section, ledger: LEGAL_CASES, kind: 'count', amount: workers, records: (c) => cases(c, accepted, sql`k.workers_affected`) },
  { code: 'legal.aid_cases', name: '法律援助案件数', definition: '统计期内（按受理日期）受理的法律援助、仲裁代理和诉讼代理案件数。', unit: '件', section, ledger: LEGAL_CASES, kind: 'count', amount: workers, records: (c) => cases(c, accepted, sql`k.workers_affected`, sql`k.kind in ('aid', 'arbitration', 'litigation')`) },
  { code: 'legal.workers', name: '法律服务涉及职工人数', definition: '统计期内（按受理日期）受理的法律服务案件涉及的职工人数之和（集体争议按涉及人数计）。', unit: '人', section, ledger: LEGAL_CASES, kind: 'sum', amount: workers, records: (c) => cases(c, accepted, sql`k.workers_affected`) },
  { code: 'legal.closed', name: '法律服务案件办结数', definition: '统计期内（按办结日期）办结的法律服务案件数（不予受理和撤回的不计）。', unit: '件', section, ledger: LEGAL_CASES, kind: 'count', amount: { kind: 'money' }, records: (c) => cases(c, sql`k.closed_on`, sql`coalesce(k.amount_recovered_fen, 0)`, sql`k.status = 'closed'`) },
  { code: 'legal.recovered', name: '为职工挽回经济损失', definition: '统计期内（按办结日期）办结的法律服务案件登记的追回工资、工伤待遇、经济补偿等金额之和（元）。', unit: '元', section, ledger: LEGAL_CASES, kind: 'sum', amount: { kind: 'money' }, records: (c) => cases(c, sql`k.closed_on`, sql`coalesce(k.amount_recovered_fen, 0)`, sql`k.status = 'closed'`) },
];
