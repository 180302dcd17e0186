const chinaDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The calendar date (YYYY-MM-DD) in China (UTC+8) at the given instant. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate.format(now);
}
