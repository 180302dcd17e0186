import { sql, type SQL } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { CONGRESSES, DISCLOSURES, PROPOSALS } from '../shared/congress.ledger';

const section = '民主管理';
/** Last day of the period: "at period end" figures read the ledgers as they stood that day. */
const lastDay = (c: IndicatorContext) => sql`(${c.period.end}::date - 1)`;
const inPeriod = (c: IndicatorContext, column: SQL) => sql`${column} >= ${c.period.start} and ${column} < ${c.period.end}`;
const openUnion = (c: IndicatorContext) => sql`${underPath('o.path', c.rootPath)} and (o.closed_on is null or o.closed_on > ${lastDay(c)})`;
const inOffice = (c: IndicatorContext) => sql`w.elected_on <= ${lastDay(c)} and w.term_ends_on >= ${lastDay(c)} and (w.ended_on is null or w.ended_on > ${lastDay(c)})`;

/** Congresses of the subtree established by the period's last day, their union still open then (amount: staff). */
const congresses = (c: IndicatorContext, where: SQL = sql`true`) => sql`
  select k.id, o.id as org_id, o.name as org_name, o.name || '职代会' as title, k.established_on as occurred_on, k.staff::bigint as amount
    from congresses k join organisations o on o.id = k.org_id
   where ${openUnion(c)} and k.established_on <= ${lastDay(c)} and ${where}`;

/** Delegates on a roster on the period's last day. */
const delegates = (c: IndicatorContext, where: SQL = sql`true`) => sql`
  select d.id, o.id as org_id, o.name as org_name, d.name as title, d.elected_on as occurred_on, null::bigint as amount
    from congress_delegates d join congresses k on k.id = d.congress_id join organisations o on o.id = k.org_id
   where ${openUnion(c)} and d.elected_on <= ${lastDay(c)} and (d.left_on is null or d.left_on > ${lastDay(c)}) and ${where}`;

const proposals = (c: IndicatorContext, on: SQL) => sql`
  select p.id, o.id as org_id, o.name as org_name, p.title, ${on} as occurred_on, null::bigint as amount
    from congress_proposals p join congresses k on k.id = p.congress_id join organisations o on o.id = k.org_id
   where ${underPath('o.path', c.rootPath)} and ${inPeriod(c, on)}`;

const staff = { kind: 'number', label: '职工人数' } as const;

export const congressIndicators: IndicatorDefinition[] = [
  { code: 'congress.units', name: '建立职代会制度的单位数', definition: '统计期末已建立职工代表大会（含职工大会、区域和行业职代会）制度的单位数；工会在期末前已撤销的不计。', unit: '家', section, ledger: CONGRESSES, kind: 'count', amount: staff, records: (c) => congresses(c) },
  { code: 'congress.sessions', name: '召开职代会次数', definition: '统计期内（按会议日期）依法召开的职代会（职工大会）全体会议和临时会议次数：代表构成符合标准、出席人数达到三分之二的会议才能登记。', unit: '次', section, ledger: CONGRESSES, kind: 'count',
    records: (c) => sql`select s.id, o.id as org_id, o.name as org_name, o.name || '第' || s.term_no || '届第' || s.session_no || '次会议' as title, s.held_on as occurred_on, null::bigint as amount
      from congress_sessions s join congresses k on k.id = s.congress_id join organisations o on o.id = k.org_id where ${underPath('o.path', c.rootPath)} and ${inPeriod(c, sql`s.held_on`)}` },
  { code: 'congress.delegates', name: '职工代表人数', definition: '统计期末各职代会代表名册上的在任职工代表人数（期末前退出的不计）。', unit: '人', section, kind: 'count', records: (c) => delegates(c) },
  { code: 'congress.women_delegates', name: '其中女职工代表', definition: '统计期末在任职工代表中的女职工人数。', unit: '人', section, kind: 'count', records: (c) => delegates(c, sql`d.sex = 'female'`) },
  { code: 'congress.proposals', name: '职工代表提案件数', definition: '统计期内（按提交日期）职工代表提交的提案件数，含网上提交的和不予立案的。', unit: '件', section, ledger: PROPOSALS, kind: 'count', records: (c) => proposals(c, sql`p.submitted_on`) },
  { code: 'congress.proposals_accepted', name: '提案立案件数', definition: '统计期内（按立案日期）立案交承办部门办理的提案件数。', unit: '件', section, ledger: PROPOSALS, kind: 'count', records: (c) => proposals(c, sql`p.accepted_on`) },
  { code: 'congress.disclosure_units', name: '实行厂务公开的单位数', definition: '统计期内（按公开日期）至少公开过一项厂务公开事项的单位数；一个单位公开多项计 1 家，明细金额列为公开事项数。', unit: '家', section, ledger: DISCLOSURES, kind: 'count', amount: { kind: 'number', label: '公开事项' },
    records: (c) => sql`select min(x.id) as id, o.id as org_id, o.name as org_name, o.name as title, max(x.disclosed_on) as occurred_on, count(*)::bigint as amount
      from disclosures x join organisations o on o.id = x.org_id where ${underPath('o.path', c.rootPath)} and ${inPeriod(c, sql`x.disclosed_on`)} group by o.id, o.name` },
  { code: 'congress.disclosures', name: '厂务公开事项数', definition: '统计期内（按公开日期）登记的厂务公开事项数。', unit: '项', section, ledger: DISCLOSURES, kind: 'count',
    records: (c) => sql`select x.id, o.id as org_id, o.name as org_name, x.matter as title, x.disclosed_on as occurred_on, null::bigint as amount
      from disclosures x join organisations o on o.id = x.org_id where ${underPath('o.path', c.rootPath)} and ${inPeriod(c, sql`x.disclosed_on`)}` },
  { code: 'congress.director_units', name: '建立职工董事、职工监事制度的单位数', definition: '统计期末有在任职工董事或职工监事（由职代会选举、任期未满且期末前未离任）的单位数；明细金额列为在任人数。', unit: '家', section, ledger: CONGRESSES, kind: 'count', amount: { kind: 'number', label: '在任职工董事、监事' },
    records: (c) => sql`select k.id, o.id as org_id, o.name as org_name, o.name || '职工董事、监事' as title, min(w.elected_on) as occurred_on, count(*)::bigint as amount
      from worker_directors w join congresses k on k.id = w.congress_id join organisations o on o.id = k.org_id where ${openUnion(c)} and ${inOffice(c)} group by k.id, o.id, o.name` },
  { code: 'congress.director_missing', name: '应设未设职工董事的国有企业数', definition: '统计期末已建立职代会制度、登记为国有独资或国有控股公司，但没有在任职工董事的单位数（公司法要求这类公司设职工董事）。', unit: '家', section, ledger: CONGRESSES, kind: 'count', amount: staff,
    records: (c) => congresses(c, sql`k.state_owned and not exists (select 1 from worker_directors w where w.congress_id = k.id and w.role = 'director' and ${inOffice(c)})`) },
];
