/**
 * The lawful make-up of a workers' congress (职代会), domain rules §2.14: how many delegates a unit of a given size
 * needs, the share of front-line workers and of managers, women in proportion, and below which size all workers
 * meet as a 职工大会. Provinces differ, so the rules are a district setting with an effective date (the dated setting `congress.rules`);
 * these are the national 条例's figures, used until the district sets its own.
 */
export interface CongressRules {
  /** A unit with fewer workers than this holds a 职工大会 (all workers) instead of a delegates' congress. */
  assemblyBelow: number;
  /** Minimum delegates by staff size: the band with the largest `from` not above the staff count applies. */
  bands: { from: number; min: number }[];
  /** Front-line workers at least this percentage of the delegates. */
  frontlineMin: number;
  /** Middle managers and above (business owners included) at most this percentage of the delegates. */
  managersMax: number;
  /** Women's share of the delegates may fall at most this many percentage points below their share of the staff. */
  womenTolerance: number;
}

export const NATIONAL_RULES: CongressRules = {
  assemblyBelow: 100,
  bands: [
    { from: 100, min: 30 },
    { from: 1000, min: 100 },
    { from: 10000, min: 150 },
  ],
  frontlineMin: 50,
  managersMax: 20,
  womenTolerance: 5,
};

export interface RosterCounts {
  total: number;
  frontline: number;
  managers: number;
  women: number;
}
export interface RosterCheck {
  code: 'form' | 'count' | 'frontline' | 'managers' | 'women';
  label: string;
  ok: boolean;
  detail: string;
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n * 1000) / d) / 10);

/** The minimum number of delegates for a unit of `staff` workers (0 below the first band). */
export function minimumDelegates(rules: CongressRules, staff: number): number {
  return [...rules.bands].sort((a, b) => a.from - b.from).filter((b) => b.from <= staff).at(-1)?.min ?? 0;
}

/**
 * The checks of a unit's congress against the rules, computed from its current roster. A 职工大会 is checked only
 * for being allowed at the unit's size (every worker attends); a delegates' congress for each ratio.
 */
export function rosterChecks(unit: { form: string; staff: number; womenStaff: number | null }, roster: RosterCounts, rules: CongressRules): RosterCheck[] {
  if (unit.form === 'assembly') {
    const ok = unit.staff < rules.assemblyBelow;
    return [{ code: 'form', label: '组织形式', ok, detail: ok ? `职工 ${unit.staff} 人，召开职工大会` : `职工 ${unit.staff} 人，${rules.assemblyBelow} 人以上的单位应建立职工代表大会` }];
  }
  const { total, frontline, managers, women } = roster;
  const min = minimumDelegates(rules, unit.staff);
  const checks: RosterCheck[] = [
    { code: 'count', label: '代表人数', ok: total > 0 && total >= min, detail: total === 0 ? '尚未登记职工代表' : `职工 ${unit.staff} 人，应不少于 ${min} 名代表，现有 ${total} 名` },
    { code: 'frontline', label: '一线职工比例', ok: total > 0 && frontline * 100 >= rules.frontlineMin * total, detail: `一线职工代表 ${frontline} 名，占 ${pct(frontline, total)}%，应不低于 ${rules.frontlineMin}%` },
    { code: 'managers', label: '管理人员比例', ok: managers * 100 <= rules.managersMax * total, detail: `中层及以上管理人员代表 ${managers} 名，占 ${pct(managers, total)}%，应不超过 ${rules.managersMax}%` },
  ];
  if (unit.womenStaff != null && unit.staff > 0) {
    const share = pct(unit.womenStaff, unit.staff);
    const floor = Math.max(0, Math.round((share - rules.womenTolerance) * 10) / 10);
    // Exactly, in integers (the list's SQL filter says the same): women / total ≥ womenStaff / staff − tolerance / 100.
    const ok = total > 0 && women * 100 * unit.staff >= (unit.womenStaff * 100 - rules.womenTolerance * unit.staff) * total;
    checks.push({ code: 'women', label: '女职工代表比例', ok, detail: `女职工代表 ${women} 名，占 ${pct(women, total)}%；女职工占职工总数 ${share}%，代表比例应不低于 ${floor}%` });
  }
  return checks;
}

/** What a failing roster says, e.g. "一线职工比例：一线职工代表 10 名，占 40%，应不低于 50%". */
export const failures = (checks: RosterCheck[]) => checks.filter((c) => !c.ok).map((c) => `${c.label}：${c.detail}`);

/**
 * A congress vote is lawful when at least two thirds of all delegates are present and more than half of all
 * delegates vote for (职代会 条例; the same rule passes a collective contract). Returns what fails, with the figures.
 */
export function voteFailures(total: number, present: number, votesFor: number): string[] {
  return [
    present * 3 < total * 2 && `出席 ${present} 人，未达到全体代表 ${total} 人的三分之二（至少 ${Math.ceil((total * 2) / 3)} 人）`,
    votesFor * 2 <= total && `赞成 ${votesFor} 票，未超过全体代表 ${total} 人的半数（至少 ${Math.floor(total / 2) + 1} 票）`,
  ].filter((s): s is string => typeof s === 'string');
}
