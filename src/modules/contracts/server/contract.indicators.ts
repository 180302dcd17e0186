import { sql, type SQL } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { EMPLOYER_LEDGER } from '@modules/employers/shared/employer.ledger';
import { unionisedEmployers } from '@modules/employers/server';
import { CONTRACT_CLOCK_RULES } from '../shared/contract-clocks';
import { CONTRACTS } from '../shared/contract.ledger';

const section = '维护职工权益';
const ledger = CONTRACTS;
const R = CONTRACT_CLOCK_RULES;
const workers = { kind: 'number', label: '覆盖职工人数' } as const;
const KINDS = [
  ['general', '综合'],
  ['wage', '工资专项'],
  ['women', '女职工专项'],
  ['safety', '安全卫生专项'],
] as const;

/** The day it took (or takes) effect: recorded, or by law the day after an unanswered review (before the sweep stored it). */
const effectiveOn = sql.raw(`coalesce(k.effective_on, case when k.status = 'reviewing' then k.review_due_on + 1 end)`);
/** Last day of the period. */
const lastDay = (c: IndicatorContext) => sql`(${c.period.end}::date - 1)`;
/** Binding on the last day of the period: taken effect, its term running, not terminated by then. */
const inForce = (c: IndicatorContext) => sql`${effectiveOn} <= ${lastDay(c)} and k.starts_on <= ${lastDay(c)} and k.ends_on >= ${lastDay(c)} and (k.terminated_on is null or k.terminated_on > ${lastDay(c)})`;

/** Contracts kept in the subtree, as indicator records (amount: workers covered). */
function contracts(c: IndicatorContext, where: SQL, occurredOn = sql`k.signed_on`) {
  return sql`
    select k.id, o.id as org_id, o.name as org_name, k.title, ${occurredOn} as occurred_on, (select coalesce(sum(x.workers), 0) from collective_contract_employers x where x.contract_id = k.id)::bigint as amount
      from collective_contracts k join organisations o on o.id = k.org_id
     where ${underPath('o.path', c.rootPath)} and ${where}`;
}
const signedIn = (c: IndicatorContext) => sql`k.signed_on >= ${c.period.start} and k.signed_on < ${c.period.end}`;
const filedBy = (c: IndicatorContext) => sql`${signedIn(c)} and k.filed_on < ${c.period.end}`;

/** Unionised employers of the subtree covered on the last day by a contract of `kind` in force, kept anywhere. */
function coveredEmployers(c: IndicatorContext, kind: string) {
  return sql`
    select u.id, u.org_id, u.org_name, u.title, u.occurred_on, u.amount from (${unionisedEmployers(c)}) u
     where exists (select 1 from collective_contract_employers x join collective_contracts k on k.id = x.contract_id
                    where x.uscc = u.uscc and k.kind = ${kind} and ${inForce(c)})`;
}

export const contractIndicators: IndicatorDefinition[] = [
  { code: 'contracts.signed', name: '集体合同签订数', definition: '统计期内（按双方首席代表签订日期）辖区工会签订的综合、工资专项、女职工专项和安全卫生专项集体合同份数；审查有异议后重新协商的，按最后一次签订计一份。', unit: '份', section, ledger, kind: 'count', amount: workers, records: (c) => contracts(c, signedIn(c)) },
  ...KINDS.map(([kind, label]): IndicatorDefinition => ({ code: `contracts.signed_${kind}`, name: `${label}集体合同签订数`, definition: `统计期内（按签订日期）签订的${label}集体合同份数。`, unit: '份', section, ledger, kind: 'count', amount: workers, records: (c) => contracts(c, sql`${signedIn(c)} and k.kind = ${kind}`) })),
  { code: 'contracts.filed', name: '报送审查的集体合同数', definition: '统计期内签订的集体合同中，到统计期末已报送人社部门审查备案的份数。', unit: '份', section, ledger, kind: 'count', amount: workers, records: (c) => contracts(c, filedBy(c), sql`k.filed_on`) },
  { code: 'contracts.filing_rate', name: '集体合同备案率', definition: '报送审查的集体合同数 ÷ 集体合同签订数 × 100%（统计期内签订、到期末已报送的比例）。', unit: '%', section, kind: 'rate', numerator: 'contracts.filed', denominator: 'contracts.signed', factor: 100 },
  { code: 'contracts.filed_on_time', name: '按期报送的集体合同数', definition: `报送审查的集体合同中，在签订时确定的报送期限内报送的份数（《集体合同规定》第四十二条：签订后 ${R.filingDays} 日内，第 ${R.filingDays} 日报送为按期，第 ${R.filingDays + 1} 日起为逾期；区总工会另定期限或按工作日计的，按签订当日适用的期限）。`, unit: '份', section, ledger, kind: 'count', amount: workers, records: (c) => contracts(c, sql`${filedBy(c)} and k.filed_on <= k.filing_due_on`, sql`k.filed_on`) },
  { code: 'contracts.on_time_rate', name: '集体合同按期报送率', definition: '按期报送的集体合同数 ÷ 报送审查的集体合同数 × 100%。', unit: '%', section, kind: 'rate', numerator: 'contracts.filed_on_time', denominator: 'contracts.filed', factor: 100 },
  { code: 'contracts.unionised_employers', name: '已建会企业数', definition: '统计期末（最后一日）由工会覆盖的用人单位数（不限人数，按登记单位所属组织统计）：集体合同覆盖率的分母。', unit: '家', section, ledger: EMPLOYER_LEDGER, kind: 'count', amount: { kind: 'number', label: '职工人数' }, records: (c) => sql`select u.id, u.org_id, u.org_name, u.title, u.occurred_on, u.amount from (${unionisedEmployers(c)}) u` },
  ...KINDS.flatMap(([kind, label]): IndicatorDefinition[] => [
    { code: `contracts.covered_${kind}`, name: `${label}集体合同覆盖企业数`, definition: `已建会企业中，统计期末（最后一日）由生效且在期限内、未终止的${label}集体合同覆盖的企业数，单独签订或由区域性、行业性合同覆盖均计。`, unit: '家', section, ledger: EMPLOYER_LEDGER, kind: 'count', amount: { kind: 'number', label: '职工人数' }, records: (c) => coveredEmployers(c, kind) },
    { code: `contracts.coverage_${kind}`, name: `${label}集体合同覆盖率`, definition: `${label}集体合同覆盖企业数 ÷ 已建会企业数 × 100%。`, unit: '%', section, kind: 'rate', numerator: `contracts.covered_${kind}`, denominator: 'contracts.unionised_employers', factor: 100 },
  ]),
  { code: 'contracts.unionised_workers', name: '已建会企业职工人数', definition: '统计期末（最后一日）由工会覆盖的用人单位在用人单位名录中登记的职工人数之和：集体合同职工覆盖率的分母。', unit: '人', section, ledger: EMPLOYER_LEDGER, kind: 'sum', amount: { kind: 'number', label: '职工人数' }, records: (c) => sql`select u.id, u.org_id, u.org_name, u.title, u.occurred_on, u.amount from (${unionisedEmployers(c)}) u` },
  ...KINDS.flatMap(([kind, label]): IndicatorDefinition[] => [
    { code: `contracts.covered_workers_${kind}`, name: `${label}集体合同覆盖职工人数`, definition: `${label}集体合同覆盖企业（统计期末最后一日）在用人单位名录中登记的职工人数之和；与分母用同一口径，不取合同上填报的人数。`, unit: '人', section, ledger: EMPLOYER_LEDGER, kind: 'sum', amount: { kind: 'number', label: '职工人数' }, records: (c) => coveredEmployers(c, kind) },
    { code: `contracts.worker_coverage_${kind}`, name: `${label}集体合同职工覆盖率`, definition: `${label}集体合同覆盖职工人数 ÷ 已建会企业职工人数 × 100%。`, unit: '%', section, kind: 'rate', numerator: `contracts.covered_workers_${kind}`, denominator: 'contracts.unionised_workers', factor: 100 },
  ]),
  { code: 'contracts.renewal_due', name: '到期待续签的集体合同数', definition: `统计期末（最后一日）仍有效、已到期满前 ${R.renewalMonths} 个月（应启动续签协商之日）、到期末尚未续签的集体合同份数。`, unit: '份', section, ledger, kind: 'count', amount: workers, records: (c) => contracts(c, sql`${inForce(c)} and (k.ends_on - interval '${sql.raw(String(R.renewalMonths))} months')::date <= ${lastDay(c)} and (k.renewed_on is null or k.renewed_on > ${lastDay(c)})`, sql`k.ends_on`) },
  { code: 'contracts.expired_unrenewed', name: '期满未续签的集体合同数', definition: '统计期内期满、到期末既未续签也未终止的集体合同份数。', unit: '份', section, ledger, kind: 'count', amount: workers, records: (c) => contracts(c, sql`${effectiveOn} <= ${lastDay(c)} and k.ends_on >= ${c.period.start} and k.ends_on < ${lastDay(c)} and (k.renewed_on is null or k.renewed_on > ${lastDay(c)}) and (k.terminated_on is null or k.terminated_on > ${lastDay(c)})`, sql`k.ends_on`) },
];
