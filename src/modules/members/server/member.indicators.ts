import { sql, type SQL } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';

const section = '组织建设';

/** Members of the subtree on the last day of the period (stock), narrowed by `extra`. */
function stock(ctx: IndicatorContext, extra: SQL = sql`true`) {
  return sql`
    select m.id, o.id as org_id, o.name as org_name, p.name as title, m.joined_on as occurred_on, null::bigint as amount
      from memberships m join members p on p.id = m.member_id join organisations o on o.id = m.org_id
     where ${underPath('o.path', ctx.rootPath)}
       and m.joined_on < ${ctx.period.end} and (m.left_on is null or m.left_on >= ${ctx.period.end})
       and ${extra}`;
}

/** People who joined a union of the subtree in the period (transfers between unions are not new members). */
function joined(ctx: IndicatorContext, extra: SQL = sql`true`) {
  return sql`
    select distinct on (p.id) m.id, o.id as org_id, o.name as org_name, p.name as title, m.joined_on as occurred_on, null::bigint as amount
      from memberships m join members p on p.id = m.member_id join organisations o on o.id = m.org_id
     where ${underPath('o.path', ctx.rootPath)}
       and m.joined_on >= ${ctx.period.start} and m.joined_on < ${ctx.period.end}
       and m.channel <> 'transfer'
       and ${extra}
     order by p.id, m.joined_on`;
}

const gig = sql`p.gig_kind is not null`;
const women = sql`p.sex = 'female'`;
const migrant = sql`p.migrant_worker`;

/** Figures of the member register. */
export const memberIndicators: IndicatorDefinition[] = [
  { code: 'member.total', name: '会员总数', definition: '期末（统计期最后一天）会籍有效的会员人数（所选组织及全部下级工会）。', unit: '人', section, kind: 'count', records: (c) => stock(c) },
  { code: 'member.total_gig', name: '新就业形态劳动者会员数', definition: '期末会籍有效、职业为快递员、外卖配送员、网约车司机、货车司机或其他新就业形态的会员人数。', unit: '人', section, kind: 'count', records: (c) => stock(c, gig) },
  { code: 'member.total_women', name: '女会员数', definition: '期末会籍有效的女性会员人数（性别由身份证号码得出）。', unit: '人', section, kind: 'count', records: (c) => stock(c, women) },
  { code: 'member.total_migrant', name: '农民工会员数', definition: '期末会籍有效、登记为农民工的会员人数。', unit: '人', section, kind: 'count', records: (c) => stock(c, migrant) },
  { code: 'member.joined', name: '新发展会员数', definition: '统计期内入会的人数（按人计，同一人期内多次入会计一次；工会之间转会不算新发展）。', unit: '人', section, kind: 'count', records: (c) => joined(c) },
  { code: 'member.joined_gig', name: '新发展新就业形态劳动者会员数', definition: '新发展会员中的新就业形态劳动者人数。', unit: '人', section, kind: 'count', records: (c) => joined(c, gig) },
  { code: 'member.joined_women', name: '新发展女会员数', definition: '新发展会员中的女性人数。', unit: '人', section, kind: 'count', records: (c) => joined(c, women) },
  { code: 'member.joined_migrant', name: '新发展农民工会员数', definition: '新发展会员中的农民工人数。', unit: '人', section, kind: 'count', records: (c) => joined(c, migrant) },
];
