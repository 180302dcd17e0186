import type { Tx } from '@platform/db';
import { demoDraws, DEMO_GIVEN_PEOPLE, DEMO_SURNAMES, type DemoLoadContext } from '@platform/modules';
import { addDays } from '@platform/periods';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { insertTermsBulk } from './union.repository';

const GRASSROOTS: readonly string[] = grassrootsKinds();

/**
 * The demo district's committee terms: most grassroots unions registered, the ends spread so that some are overdue
 * and some due within six months. Continues the ledgers' stream (seed 11) after the employers.
 */
export async function seedDemoTerms(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const rnd = ctx.random(11);
  const { pick, int } = demoDraws(rnd);
  const SURNAMES = [...DEMO_SURNAMES];
  const GIVEN = [...DEMO_GIVEN_PEOPLE];
  const termRows: Parameters<typeof insertTermsBulk>[1] = [];
  for (const u of ctx.orgs.filter((x) => GRASSROOTS.includes(x.kind))) {
    const r = rnd();
    if (r < 0.08) continue;
    const years = rnd() < 0.7 ? 5 : 3;
    const endsOn = r < 0.16 ? addDays(ctx.today, -int(10, 400)) : r < 0.3 ? addDays(ctx.today, int(5, 175)) : addDays(ctx.today, int(200, years * 365));
    const electedOn = `${Number(endsOn.slice(0, 4)) - years}${endsOn.slice(4)}`.replace('-02-29', '-02-28');
    termRows.push({
      orgId: u.id,
      electedOn,
      termYears: years,
      chairName: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : ''),
      chairFullTime: rnd() < 0.2,
      viceChairs: [pick(SURNAMES) + pick(GIVEN)],
      committeeMembers: [0, 1, 2].map(() => pick(SURNAMES) + pick(GIVEN) + pick(GIVEN)),
      fundsCommittee: [0, 1, 2].map(() => pick(SURNAMES) + pick(GIVEN)),
      womenCommittee: [],
    });
  }
  await insertTermsBulk(tx, termRows);
  return `${termRows.length} 条换届记录`;
}
