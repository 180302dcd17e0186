import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { SEEKERS } from '../shared/seeker.ledger';

/** Services given in the period (by date) by unions of the subtree; with `people`, one row per person (ID number). */
const served = (ctx: IndicatorContext, people: boolean) => sql`
  select ${people ? sql`distinct on (s.id_number_idx)` : sql``} s.id, o.id as org_id, o.name as org_name,
         s.person_name || '（' || s.id_number_masked || '）' as title, s.served_on as occurred_on, null::bigint as amount
    from job_seeker_services s join organisations o on o.id = s.org_id
   where ${underPath('o.path', ctx.rootPath)} and s.served_on >= ${ctx.period.start} and s.served_on < ${ctx.period.end}
   ${people ? sql`order by s.id_number_idx, s.served_on, s.id` : sql``}`;

export const seekerIndicators: IndicatorDefinition[] = [
  {
    code: 'employment.seekers_served',
    name: '就业援助服务人数',
    definition: '统计期内（按服务日期）辖区工会为困难职工、失业人员、困难家庭高校毕业生等提供岗位推荐、培训、政策咨询等就业服务的人数，按身份证号码计，一人多次只计一人。',
    unit: '人',
    section: '就业创业服务',
    kind: 'count',
    ledger: SEEKERS,
    records: (c) => served(c, true),
  },
  {
    code: 'employment.seeker_services',
    name: '就业援助服务人次',
    definition: '统计期内（按服务日期）辖区工会提供的就业援助服务人次，一人接受两次服务计两人次。',
    unit: '人次',
    section: '就业创业服务',
    kind: 'count',
    ledger: SEEKERS,
    records: (c) => served(c, false),
  },
];
