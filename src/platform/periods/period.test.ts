import { describe, expect, it } from 'vitest';
import { parsePeriod, previousPeriod, samePeriodLastYear } from './period';

describe('period ids', () => {
  it.each([
    ['2024', 'year', '2024-01-01', '2025-01-01', '2024-12-31', '2024年'],
    ['2024Q1', 'quarter', '2024-01-01', '2024-04-01', '2024-03-31', '2024年第一季度'],
    ['2024Q4', 'quarter', '2024-10-01', '2025-01-01', '2024-12-31', '2024年第四季度'],
    ['202402', 'month', '2024-02-01', '2024-03-01', '2024-02-29', '2024年2月'],
    ['202312', 'month', '2023-12-01', '2024-01-01', '2023-12-31', '2023年12月'],
    ['2023-10-01..2024-09-30', 'range', '2023-10-01', '2024-10-01', '2024-09-30', '2023-10-01至2024-09-30'],
  ])('%s', (id, type, start, end, last, label) => {
    expect(parsePeriod(id)).toEqual({ id, type, start, end, last, label });
  });

  it.each(['', '24', '2024Q5', '202413', '2024-02-30..2024-03-01', '2024-03-01..2024-02-01', '1899', 'abc'])('rejects %j', (id) => {
    expect(parsePeriod(id)).toBeNull();
  });

  it('steps back one period of the same type', () => {
    expect(previousPeriod(parsePeriod('2024')!).id).toBe('2023');
    expect(previousPeriod(parsePeriod('2024Q1')!).id).toBe('2023Q4');
    expect(previousPeriod(parsePeriod('202401')!).id).toBe('202312');
    expect(previousPeriod(parsePeriod('2024-01-11..2024-01-20')!).id).toBe('2024-01-01..2024-01-10');
  });

  it('finds the same period last year', () => {
    expect(samePeriodLastYear(parsePeriod('2024Q3')!).id).toBe('2023Q3');
    expect(samePeriodLastYear(parsePeriod('202405')!).id).toBe('202305');
    expect(samePeriodLastYear(parsePeriod('2024-02-01..2024-02-29')!).id).toBe('2023-02-01..2023-02-28');
  });
});
