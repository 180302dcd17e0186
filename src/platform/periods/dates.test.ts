import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays } from './dates';

describe('calendar dates', () => {
  it('adds months clamped to the month’s last day, forwards and back', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-01', 36)).toBe('2028-03-01');
    expect(addMonths('2025-12-31', -3)).toBe('2025-09-30');
    expect(addMonths('2028-02-29', -3)).toBe('2027-11-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
  it('adds days across a year end and working days across a weekend', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addWorkingDays('2025-01-10', 10)).toBe('2025-01-24'); // Friday to the Friday two weeks on
    // 国庆 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked (调休).
    const cal = { holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] };
    expect(addWorkingDays('2025-09-26', 3, cal)).toBe('2025-09-30'); // Sun 28 (worked), Mon 29, Tue 30
    expect(addWorkingDays('2025-09-30', 2, cal)).toBe('2025-10-10'); // Thu 9, Fri 10 after the holiday
  });
});
