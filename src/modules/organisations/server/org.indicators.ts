import { sql } from 'drizzle-orm';
import { underPath, type IndicatorContext, type IndicatorDefinition } from '@platform/indicators';
import { ORG_KINDS, type OrgTier } from '../shared/org-kinds';

const kindsOf = (tier: OrgTier) =>
  sql.join(
    Object.entries(ORG_KINDS)
      .filter(([, v]) => v.tier === tier)
      .map(([k]) => sql`${k}`),
    sql`, `,
  );

/** The organisations of a tier in the subtree; `when` narrows them (stock at period end, or an event in the period). */
function orgRecords(ctx: IndicatorContext, tier: OrgTier, when: 'open_at_end' | 'opened' | 'closed', kind?: string) {
  const { start, end } = ctx.period;
  const condition =
    when === 'open_at_end'
      ? sql`(o.opened_on is null or o.opened_on < ${end}) and (o.closed_on is null or o.closed_on >= ${end})`
      : when === 'opened'
        ? sql`o.opened_on >= ${start} and o.opened_on < ${end}`
        : sql`o.closed_on >= ${start} and o.closed_on < ${end}`;
  return sql`
    select o.id, o.id as org_id, o.name as org_name, o.name as title,
           ${when === 'closed' ? sql`o.closed_on` : sql`o.opened_on`} as occurred_on, null::bigint as amount
      from organisations o
     where ${underPath('o.path', ctx.rootPath)}
       and o.kind in (${kind ? sql`${kind}` : kindsOf(tier)})
       and ${condition}`;
}

const section = '组织建设';

/** Figures of the organisations ledger. Stock figures count at the last day of the period. */
export const orgIndicators: IndicatorDefinition[] = [
  {
    code: 'org.grassroots_total',
    name: '基层工会组织数',
    definition: '期末（统计期最后一天）在册、未撤销的基层工会（企业、联合、行业、机关事业单位工会），含所选组织及其全部下级。',
    unit: '家',
    section,
    kind: 'count',
    records: (ctx) => orgRecords(ctx, 'grassroots', 'open_at_end'),
  },
  {
    code: 'org.grassroots_founded',
    name: '新建工会组织数',
    definition: '成立日期在统计期内的基层工会数。',
    unit: '家',
    section,
    kind: 'count',
    records: (ctx) => orgRecords(ctx, 'grassroots', 'opened'),
  },
  {
    code: 'org.grassroots_closed',
    name: '撤销基层工会数',
    definition: '撤销日期在统计期内的基层工会数（如企业注销、合并）。',
    unit: '家',
    section,
    kind: 'count',
    records: (ctx) => orgRecords(ctx, 'grassroots', 'closed'),
  },
  {
    code: 'org.joint_total',
    name: '联合工会数',
    definition: '期末在册、未撤销的联合工会（区域性、行业性联合工会）数。',
    unit: '家',
    section,
    kind: 'count',
    records: (ctx) => orgRecords(ctx, 'grassroots', 'open_at_end', 'joint'),
  },
  {
    code: 'org.intermediate_total',
    name: '街道（乡镇）、产业工会数',
    definition: '期末在册、未撤销的街道（乡镇）总工会、产业（系统）工会和机关工会数。',
    unit: '个',
    section,
    kind: 'count',
    records: (ctx) => orgRecords(ctx, 'intermediate', 'open_at_end'),
  },
];
