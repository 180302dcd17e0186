import { sql, type SQL } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { ACTIVITIES } from '../shared/activity.ledger';

const section = '宣传教育、文体活动和志愿服务';
const ledger = ACTIVITIES;

/** Activities of the subtree held in the period (by date), `amount` as each figure says, `where` narrowing them. */
const held = (ctx: IndicatorContext, amount: SQL, where: SQL = sql`true`) => sql`
  select a.id, o.id as org_id, o.name as org_name, a.title, a.held_on as occurred_on, (${amount})::bigint as amount
    from activities a join organisations o on o.id = a.org_id
   where ${underPath('o.path', ctx.rootPath)} and a.held_on >= ${ctx.period.start} and a.held_on < ${ctx.period.end} and ${where}`;

export const activityIndicators: IndicatorDefinition[] = [
  { code: 'activities.events', name: '开展活动场次', definition: '统计期内（按活动日期）辖区工会登记的文体、宣讲、走访慰问、志愿服务、心理疏导、微心愿、六一关爱等活动场次。', unit: '场', section, ledger, kind: 'count', amount: { kind: 'number', label: '参与人次' }, records: (c) => held(c, sql`a.person_times`) },
  { code: 'activities.person_times', name: '活动参与人次', definition: '统计期内（按活动日期）各项活动登记的参与人次之和。', unit: '人次', section, ledger, kind: 'sum', amount: { kind: 'number', label: '参与人次' }, records: (c) => held(c, sql`a.person_times`) },
  { code: 'activities.reach', name: '活动辐射人次', definition: '统计期内（按活动日期）各项活动的辐射人次之和；没有登记辐射人次的活动按参与人次计。', unit: '人次', section, ledger, kind: 'sum', amount: { kind: 'number', label: '辐射人次' }, records: (c) => held(c, sql`coalesce(a.reach, a.person_times)`) },
  { code: 'activities.lectures', name: '宣讲场次', definition: '统计期内（按活动日期）辖区工会组织的宣讲活动场次（含劳模宣讲）。', unit: '场', section, ledger, kind: 'count', amount: { kind: 'number', label: '参与人次' }, records: (c) => held(c, sql`a.person_times`, sql`a.kind = 'lecture'`) },
  { code: 'activities.model_lectures', name: '劳模宣讲场次', definition: '统计期内（按活动日期）有劳模（工匠）参与的宣讲活动场次。', unit: '场', section, ledger, kind: 'count', amount: { kind: 'number', label: '参与人次' }, records: (c) => held(c, sql`a.person_times`, sql`a.kind = 'lecture' and a.by_model_workers`) },
  {
    code: 'activities.volunteer_hours', name: '志愿服务时长', definition: '统计期内（按活动日期）登记的志愿者服务时长之和（小时，按人按次登记，精确到半小时）。', unit: '小时', section, ledger, kind: 'sum', amount: { kind: 'number', label: '服务时长（小时）', decimals: 1 },
    records: (c) => sql`
      select a.id, o.id as org_id, o.name as org_name, a.title, a.held_on as occurred_on, sum(p.hours) as amount
        from activities a join organisations o on o.id = a.org_id join activity_participants p on p.activity_id = a.id and p.role = 'volunteer'
       where ${underPath('o.path', c.rootPath)} and a.held_on >= ${c.period.start} and a.held_on < ${c.period.end}
       group by a.id, o.id, o.name`,
  },
  {
    code: 'activities.people', name: '参与活动职工人数', definition: '统计期内（按活动日期）登记了姓名的参与职工和志愿者人数，一人参加多次只计一人；只登记人次的活动不计。', unit: '人', section, ledger, kind: 'count',
    records: (c) => sql`
      select distinct on (p.member_id) a.id, o.id as org_id, o.name as org_name, m.name || '：' || a.title as title, a.held_on as occurred_on, null::bigint as amount
        from activities a join organisations o on o.id = a.org_id join activity_participants p on p.activity_id = a.id join members m on m.id = p.member_id
       where ${underPath('o.path', c.rootPath)} and a.held_on >= ${c.period.start} and a.held_on < ${c.period.end}
       order by p.member_id, a.held_on, a.id`,
  },
];
