const chinaDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The calendar date (YYYY-MM-DD) in China (UTC+8) at the given instant. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate.format(now);
}

/** `date` plus `n` calendar days (YYYY-MM-DD). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The working-day calendar: public holidays off even on a weekday, make-up working days (调休) on even at a weekend.
 * Without one, Monday–Friday are the working days.
 */
export interface WorkCalendar {
  holidays: readonly string[];
  workdays: readonly string[];
}
export const NO_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

/** Whether `date` is a working day under the calendar. */
export function isWorkingDay(date: string, cal: WorkCalendar = NO_CALENDAR): boolean {
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** `date` plus `n` working days under the calendar (Monday–Friday when none is given). */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar = NO_CALENDAR): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Months later, clamped to the month's last day (a review due 12 months after 2024-02-29 is 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
