import type { Tx } from '@platform/db';
import { demoDraws, type DemoLoadContext } from '@platform/modules';
import { addDays, addMonths, NO_CALENDAR } from '@platform/periods';
import { employerNamesByUscc, employerUsccsByUnion } from '@modules/employers/server';
import { CONTRACT_CLOCK_RULES } from '../shared/contract-clocks';
import { CONTRACT_KIND } from '../shared/contract.ledger';
import type { ContractStatus } from '../shared/contract-machine';
import * as repo from './contract.repository';
import { nextDueOf } from './contract.service';

/** The order a contract's story runs in; a demo record stops at one state and keeps only the dates before it. */
const ORDER: ContractStatus[] = ['offered', 'negotiating', 'draft', 'adopted', 'signed', 'filed', 'reviewing', 'effective', 'published'];
const KIND_SHORT: Record<string, string> = { general: '集体合同', wage: '工资专项集体合同', women: '女职工权益保护专项集体合同', safety: '安全卫生专项集体合同' };

/**
 * The demo district's collective contracts (the seed's magnitude: about 400 across the district, 100 % filed):
 * single-enterprise contracts of the four kinds kept by the grassroots unions, signed over the last three years
 * and mostly in performance, with this year's in every state (offers awaiting replies, talks, drafts, a filing
 * past its ten days, corrections, reviews, an objection, a termination), and one regional contract per street
 * covering its enterprises. Seed 35.
 */
export async function seedDemoContracts(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const { pick, int } = demoDraws(ctx.random(35));
  const byUnion = await employerUsccsByUnion(tx);
  const names = await employerNamesByUscc(tx, [...byUnion.values()]);
  const today = ctx.today;
  const setup = { rules: CONTRACT_CLOCK_RULES, cal: NO_CALENDAR, rulesFrom: null };
  let n = 0;
  async function write(orgId: number, kind: string, scope: string, title: string, employers: { uscc: string; name: string; workers: number }[], signedAgo: number, stop: ContractStatus | 'objected' | 'correcting' | 'terminated', late = false) {
    const signed = addDays(today, -signedAgo);
    const at = (d: string) => (d <= today ? d : null);
    const last: ContractStatus = stop === 'objected' ? 'reviewing' : stop === 'correcting' ? 'filed' : stop === 'terminated' ? 'published' : stop;
    const reach = (s: ContractStatus) => ORDER.indexOf(s) <= ORDER.indexOf(last);
    const offerOn = stop === 'offered' ? addDays(today, -int(3, 30)) : addDays(signed, -int(45, 80));
    const filedOn = addDays(signed, late ? int(11, 15) : int(2, 10));
    const receivedOn = addDays(filedOn, int(1, 3));
    const effectiveOn = addDays(receivedOn, int(8, 16));
    const v = {
      orgId, kind, scope, title, session: `第${pick(['二', '三', '四'])}届`, offerOn, offerBy: pick(['union', 'union', 'employer']),
      replyOn: reach('negotiating') ? at(addDays(offerOn, int(5, 18))) : null,
      firstRoundOn: reach('negotiating') && stop !== 'negotiating' ? at(addDays(offerOn, int(22, 30))) : null,
      rounds: reach('draft') ? int(2, 4) : 0,
      draftOn: reach('draft') ? at(addDays(signed, -int(15, 25))) : null,
      voteOn: reach('adopted') ? at(addDays(signed, -int(3, 10))) : null,
      delegatesTotal: reach('adopted') ? 45 : null, delegatesPresent: reach('adopted') ? int(38, 45) : null, votesFor: reach('adopted') ? int(33, 37) : null, votesAgainst: reach('adopted') ? int(0, 1) : null,
      signedOn: reach('signed') ? at(signed) : null, startsOn: reach('signed') ? signed : null, endsOn: reach('signed') ? addDays(addMonths(signed, 36), -1) : null,
      filedOn: reach('filed') ? at(filedOn) : null, lateReason: reach('filed') && late ? '首席代表出差，经职工方同意推迟报送' : null,
      correctionOn: stop === 'correcting' ? at(addDays(filedOn, 2)) : null, refiledOn: null,
      receivedOn: reach('reviewing') && stop !== 'correcting' ? at(receivedOn) : null,
      objectionOn: stop === 'objected' ? at(addDays(receivedOn, 10)) : null,
      effectiveOn: reach('effective') && stop !== 'objected' ? at(effectiveOn) : null,
      publishedOn: reach('published') && stop !== 'objected' ? at(addDays(effectiveOn, int(2, 9))) : null,
      terminatedOn: stop === 'terminated' ? addDays(today, -int(5, 30)) : null,
      filingDueOn: reach('signed') ? addDays(signed, CONTRACT_CLOCK_RULES.filingDays) : null,
      reviewDueOn: reach('reviewing') && stop !== 'correcting' ? addDays(receivedOn, CONTRACT_CLOCK_RULES.reviewDays) : null,
      renewedOn: null, lastReportOn: null as string | null,
      wageIncreasePct: kind === 'wage' ? int(3, 8) : null, minWageMultiple: kind === 'wage' ? 1 + int(20, 80) / 100 : null, avgWageLastYearFen: kind === 'wage' ? int(60_000, 110_000) * 100 : null,
    };
    // Most unions in force more than a year reported on the last contract year to their 职代会, a few weeks before it ended.
    const years = Math.floor(signedAgo / 365);
    if (v.publishedOn && years >= 1 && int(1, 10) <= 9) v.lastReportOn = addDays(addMonths(signed, 12 * years), -int(10, 40));
    const status = stop === 'terminated' ? 'terminated' : stop;
    const row = await repo.insertContract(tx, { ...v, status, nextDueOn: nextDueOf({ ...v, status }, today, setup) });
    await repo.replaceEmployers(tx, row.id, employers);
    n++;
  }
  const unions = [...byUnion.entries()].filter(([, uscc]) => names.has(uscc));
  const thisYear: (ContractStatus | 'objected' | 'correcting' | 'terminated')[] = ['offered', 'offered', 'negotiating', 'negotiating', 'draft', 'adopted', 'signed', 'signed', 'filed', 'correcting', 'reviewing', 'reviewing', 'objected', 'effective', 'terminated'];
  for (const [i, [orgId, uscc]] of unions.entries()) {
    const employer = { uscc, name: names.get(uscc)!, workers: int(25, 600) };
    for (const kind of CONTRACT_KIND.values) {
      if (n >= 395 || (kind === 'safety' && i % 3 !== 0)) continue;
      const recent = int(0, 3) === 0;
      const ago = recent ? int(20, Math.max(21, Math.min(330, Math.round((Date.parse(today) - Date.parse(`${today.slice(0, 4)}-01-01`)) / 86_400_000)))) : int(366, 1000);
      const stop = recent && i < thisYear.length * 2 ? thisYear[(i + CONTRACT_KIND.values.indexOf(kind)) % thisYear.length]! : 'published';
      const before = ['offered', 'negotiating', 'draft', 'adopted'].includes(stop);
      await write(orgId, kind, 'single', `${employer.name}${KIND_SHORT[kind]}`, [employer], before ? -2 : stop === 'signed' ? int(4, 18) : ago, stop, stop === 'published' && int(0, 40) === 0);
    }
  }
  const streets = ctx.orgs.filter((o) => o.kind === 'street');
  for (const s of streets.slice(0, 8)) {
    const covered = unions.filter(([orgId]) => ctx.orgs.find((o) => o.id === orgId)?.path.startsWith(s.path)).slice(0, 30).map(([, uscc]) => ({ uscc, name: names.get(uscc)!, workers: int(10, 120) }));
    if (covered.length > 1) await write(s.id, 'wage', 'regional', `${s.name.replace(/^云溪区/, '')}区域性工资专项集体合同`, covered, int(100, 300), 'published');
  }
  return `${n} 份集体合同`;
}
