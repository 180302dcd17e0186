import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { FAIRS } from '../shared/fair.ledger';

const section = '就业创业服务';

/** Fairs of the subtree's unions held in the period (by date); `amount` as each indicator says. */
const held = (ctx: IndicatorContext, amount: 'enterprises' | 'intentions') => sql`
  select f.id, o.id as org_id, o.name as org_name, f.name as title, f.held_on as occurred_on,
         ${amount === 'enterprises' ? sql`(select count(*) from job_fair_enterprises e where e.fair_id = f.id)::bigint` : sql`f.intentions::bigint`} as amount
    from job_fairs f join organisations o on o.id = f.org_id
   where ${underPath('o.path', ctx.rootPath)} and f.held_on >= ${ctx.period.start} and f.held_on < ${ctx.period.end}`;

export const fairIndicators: IndicatorDefinition[] = [
  {
    code: 'employment.job_fairs',
    name: '招聘会场次',
    definition: '统计期内（按举办日期）辖区工会主办的线上、线下招聘会场次；线上线下同时举办的一场计一场。',
    unit: '场',
    section,
    kind: 'count',
    ledger: FAIRS,
    amount: { kind: 'number', label: '参会企业（家）' },
    records: (c) => held(c, 'enterprises'),
  },
  {
    code: 'employment.fair_intentions',
    name: '招聘会达成就业意向人数',
    definition: '统计期内（按举办日期）辖区工会主办的招聘会现场或线上达成就业意向的人数之和（举办后登记）。',
    unit: '人',
    section,
    kind: 'sum',
    ledger: FAIRS,
    amount: { kind: 'number', label: '达成意向（人）' },
    records: (c) => held(c, 'intentions'),
  },
];
