import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { FACILITIES } from '../shared/facility.ledger';

const section = '职工服务阵地';
const LABEL = sql`case i.kind when 'acceptance' then '验收通过' when 'upgrade' then '提升验收通过' when 'review' then '复验通过' else '整改复查通过' end`;

/** Facilities of `kind` with an inspection of `inspections` passed in the period, each once (its first such pass). */
const passed = (ctx: IndicatorContext, kind: string, inspections: string[]) => sql`
  select distinct on (f.id) f.id, o.id as org_id, o.name as org_name, f.name || '（' || ${LABEL} || '）' as title, i.inspected_on as occurred_on, null::bigint as amount
    from facilities f join organisations o on o.id = f.org_id join facility_inspections i on i.facility_id = f.id
   where ${underPath('o.path', ctx.rootPath)} and f.kind = ${kind} and i.result = 'pass'
     and i.kind in (${sql.join(inspections.map((k) => sql`${k}`), sql`, `)})
     and i.inspected_on >= ${ctx.period.start} and i.inspected_on < ${ctx.period.end}
   order by f.id, i.inspected_on, i.id`;

export const facilityIndicators: IndicatorDefinition[] = [
  {
    code: 'facilities.reading_rooms_new',
    name: '新建职工书屋数',
    definition: '“新建提升”：统计期内首次验收通过或提升验收通过（命名级别提高）的职工书屋数，按验收日期计，不按录入日期；一家期内多次只计一家，年度复验不计。',
    unit: '家',
    section,
    kind: 'count',
    ledger: FACILITIES,
    records: (c) => passed(c, 'reading_room', ['acceptance', 'upgrade']),
  },
  {
    code: 'facilities.rest_stations_new',
    name: '新建爱心驿站数',
    definition: '“新建巩固提升”：统计期内首次验收通过、提升验收通过，或年度复验（含整改复查）通过的爱心驿站数，按验收或复验日期计；一站期内多次只计一站。',
    unit: '家',
    section,
    kind: 'count',
    ledger: FACILITIES,
    records: (c) => passed(c, 'rest_station', ['acceptance', 'upgrade', 'review', 'recheck']),
  },
  {
    code: 'facilities.nursing_and_childcare',
    name: '母婴室和爱心托管班数',
    definition: '截至统计期末，已验收通过且未摘牌的母婴室（爱心妈妈小屋、女职工休息哺乳室）和爱心托管班个数之和，按首次验收日期和摘牌日期计。',
    unit: '个',
    section,
    kind: 'count',
    ledger: FACILITIES,
    records: (c) => sql`
      select f.id, o.id as org_id, o.name as org_name, f.name || '（' || case f.kind when 'nursing_room' then '母婴室' else '爱心托管班' end || '）' as title, a.first_on as occurred_on, null::bigint as amount
        from facilities f join organisations o on o.id = f.org_id
        join lateral (select min(i.inspected_on) as first_on from facility_inspections i where i.facility_id = f.id and i.kind = 'acceptance' and i.result = 'pass') a on true
       where ${underPath('o.path', c.rootPath)} and f.kind in ('nursing_room', 'childcare_class')
         and a.first_on < ${c.period.end} and (f.delisted_on is null or f.delisted_on >= ${c.period.end})`,
  },
  {
    code: 'facilities.rest_station_visits',
    name: '爱心驿站服务人次',
    definition: '统计期内各月登记的爱心驿站服务人次之和（按月份计；已摘牌驿站摘牌前的月份仍计入）。',
    unit: '人次',
    section,
    kind: 'sum',
    ledger: FACILITIES,
    amount: { kind: 'number', label: '服务人次' },
    records: (c) => sql`
      select f.id, o.id as org_id, o.name as org_name, f.name as title, max(u.on_date) as occurred_on, sum(u.count)::bigint as amount
        from facilities f join organisations o on o.id = f.org_id join facility_usage u on u.facility_id = f.id
       where ${underPath('o.path', c.rootPath)} and f.kind = 'rest_station' and u.on_date >= ${c.period.start} and u.on_date < ${c.period.end}
       group by f.id, o.id, o.name, f.name`,
  },
];
