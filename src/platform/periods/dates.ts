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
