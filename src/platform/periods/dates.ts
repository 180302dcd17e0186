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
 * `date` plus `n` working days (Monday–Friday). Public holidays and their make-up working days are not
 * modelled: a deadline falling in a holiday week shows a few days early, never late.
 */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) left--;
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
