import { describe, expect, it } from 'vitest';
import { failures, NATIONAL_RULES, rosterChecks, voteFailures } from './congress-rules';

const unit = { form: 'congress', staff: 15000, womenStaff: 4900 };
const roster = (women: number) => ({ total: 300, frontline: 160, managers: 40, women });

describe('rosterChecks', () => {
  it('compares the women’s share exactly: on the line passes, one fewer fails', () => {
    // 4,900 of 15,000 staff are women (32.67 %); less 5 points: 27.67 %, which is exactly 83 of 300.
    expect(rosterChecks(unit, roster(83), NATIONAL_RULES).find((c) => c.code === 'women')?.ok).toBe(true);
    expect(failures(rosterChecks(unit, roster(82), NATIONAL_RULES))).toEqual(['女职工代表比例：女职工代表 82 名，占 27.3%；女职工占职工总数 32.7%，代表比例应不低于 27.7%']);
  });

  it('takes the band for the staff size and allows a 职工大会 only below 100 staff', () => {
    expect(rosterChecks({ form: 'congress', staff: 1000, womenStaff: null }, { total: 99, frontline: 60, managers: 10, women: 30 }, NATIONAL_RULES).find((c) => c.code === 'count')).toMatchObject({ ok: false, detail: '职工 1000 人，应不少于 100 名代表，现有 99 名' });
    expect(rosterChecks({ form: 'assembly', staff: 99, womenStaff: null }, { total: 0, frontline: 0, managers: 0, women: 0 }, NATIONAL_RULES)).toEqual([expect.objectContaining({ code: 'form', ok: true })]);
    expect(failures(rosterChecks({ form: 'assembly', staff: 100, womenStaff: null }, { total: 0, frontline: 0, managers: 0, women: 0 }, NATIONAL_RULES))).toEqual(['组织形式：职工 100 人，100 人以上的单位应建立职工代表大会']);
  });
});

describe('voteFailures', () => {
  it('needs two thirds present and more than half of all for', () => {
    expect(voteFailures(30, 20, 16)).toEqual([]);
    expect(voteFailures(30, 19, 19)).toEqual(['出席 19 人，未达到全体代表 30 人的三分之二（至少 20 人）']);
    expect(voteFailures(30, 30, 15)).toEqual(['赞成 15 票，未超过全体代表 30 人的半数（至少 16 票）']);
  });
});
