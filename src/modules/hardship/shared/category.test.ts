import { describe, expect, it } from 'vitest';
import { bandStanding, computeCategory, DEFAULT_BAND, type CategoryInput } from './category';

const base = (monthlyPerCapitaYuan: number, size = 3, extra: Partial<CategoryInput> = {}): CategoryInput => ({
  householdSize: size,
  incomes: [{ kind: 'wage', annualFen: monthlyPerCapitaYuan * 100 * 12 * size }],
  expenses: [],
  accidentLossFen: 0,
  causes: ['illness'],
  minimumLivingFen: 100_000, // 1,000 元 per person per month
  ...extra,
});

describe('hardship category (computed, never typed)', () => {
  it('is deep below the 低保 standard, relative below twice it, none at or above twice it', () => {
    expect(computeCategory(base(999)).category).toBe('deep');
    expect(computeCategory(base(1000)).category).toBe('relative');
    expect(computeCategory(base(1999)).category).toBe('relative');
    expect(computeCategory(base(2000)).category).toBe('none');
  });

  it('subtracts rigid expenses before dividing by 12 and by the household size, rounding down to the fen', () => {
    const r = computeCategory(base(1500, 3, { expenses: [{ kind: 'medical', annualFen: 1_800_000 }, { kind: 'education', annualFen: 1 }] }));
    // (1500 × 12 × 3 × 100 − 1,800,001) ÷ 12 ÷ 3 = 99,999.97… → 99,999 fen: deep.
    expect(r.perCapitaMonthlyFen).toBe(99_999);
    expect(r.category).toBe('deep');
    expect(r.rigidExpensesFen).toBe(1_800_001);
  });

  it('is accident-caused when a year’s accident, disaster or illness costs exceed 80 % of annual income', () => {
    const income = 2500 * 100 * 12 * 3;
    expect(computeCategory(base(2500, 3, { accidentLossFen: Math.floor(income * 0.8) + 1 })).category).toBe('accident');
    expect(computeCategory(base(2500, 3, { accidentLossFen: Math.floor(income * 0.8) })).category).toBe('none');
    // Not for causes other than accident, disaster or illness.
    expect(computeCategory(base(2500, 3, { causes: ['unemployment'], accidentLossFen: income })).category).toBe('none');
    // Deep hardship takes precedence over the accident rule.
    expect(computeCategory(base(500, 3, { accidentLossFen: income })).category).toBe('deep');
  });

  it('shows the formula with its numbers beside the result', () => {
    const r = computeCategory(base(1200, 4));
    expect(r.explanation).toContain('÷ 12 ÷ 4 人');
    expect(r.explanation).toContain('1,200.00 元');
    expect(r.explanation).toContain('相对困难职工家庭');
  });

  it('refuses a household of no one', () => {
    expect(() => computeCategory(base(100, 0))).toThrow(RangeError);
  });
});

describe('exit / relapse band (one rule set for both steps)', () => {
  const at = (perCapitaMonthlyFen: number, band = DEFAULT_BAND, accident = false) => bandStanding({ perCapitaMonthlyFen, minimumLivingFen: 100_000, accident }, band).standing;

  it('by default exits above the 低保 line and relapses below it; exactly at it, neither', () => {
    expect(at(100_001)).toBe('exit');
    expect(at(100_000)).toBe('watch');
    expect(at(99_999)).toBe('relapse');
  });

  it('keeps a configured watch band between the relapse line and the exit line', () => {
    const band = { exitIncomePercent: 150, relapseIncomePercent: 120 };
    expect(at(150_001, band)).toBe('exit');
    expect(at(150_000, band)).toBe('watch');
    expect(at(120_000, band)).toBe('watch');
    expect(at(119_999, band)).toBe('relapse');
    expect(bandStanding({ perCapitaMonthlyFen: 130_000, minimumLivingFen: 100_000, accident: false }, band)).toMatchObject({ exitLineFen: 150_000, relapseLineFen: 120_000 });
  });

  it('relapses after an accident costing over 80 % of income even above the lines, and never exits then', () => {
    expect(at(300_000, DEFAULT_BAND, true)).toBe('relapse');
  });
});
