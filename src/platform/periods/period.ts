/**
 * Period ids after DHIS2: `2024` (year), `2024Q1` (quarter), `202401` (month), or a date range
 * `2024-01-01..2024-06-30`. A period is the half-open interval [start, end) of calendar dates.
 */
export interface Period {
  id: string;
  type: 'year' | 'quarter' | 'month' | 'range';
  /** First day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Day after the last day, exclusive (YYYY-MM-DD). */
  end: string;
  /** Last day, inclusive. */
  last: string;
  /** Chinese label, e.g. 2024年第一季度. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const QUARTER = ['一', '二', '三', '四'];

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function make(id: string, type: Period['type'], start: string, end: string, label: string): Period {
  return { id, type, start, end, last: shiftDays(end, -1), label };
}

/** Parses a period id; returns null when it is not one. Years run 1900–2999. */
export function parsePeriod(id: string): Period | null {
  let m = /^(\d{4})$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    if (y < 1900) return null;
    return make(id, 'year', iso(y, 1, 1), iso(y + 1, 1, 1), `${y}年`);
  }
  m = /^(\d{4})Q([1-4])$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const start = iso(y, (q - 1) * 3 + 1, 1);
    const end = q === 4 ? iso(y + 1, 1, 1) : iso(y, q * 3 + 1, 1);
    return y < 1900 ? null : make(id, 'quarter', start, end, `${y}年第${QUARTER[q - 1]}季度`);
  }
  m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const end = mo === 12 ? iso(y + 1, 1, 1) : iso(y, mo + 1, 1);
    return y < 1900 ? null : make(id, 'month', iso(y, mo, 1), end, `${y}年${mo}月`);
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (m && validDate(m[1]!) && validDate(m[2]!) && m[1]! <= m[2]!) {
    return make(id, 'range', m[1]!, shiftDays(m[2]!, 1), `${m[1]}至${m[2]}`);
  }
  return null;
}

/** The period of the same type just before (2024 → 2023, 2024Q1 → 2023Q4, a range → the same length before). */
export function previousPeriod(p: Period): Period {
  const y = Number(p.id.slice(0, 4));
  if (p.type === 'year') return parsePeriod(String(y - 1))!;
  if (p.type === 'quarter') {
    const q = Number(p.id.slice(5));
    return parsePeriod(q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`)!;
  }
  if (p.type === 'month') {
    const mo = Number(p.id.slice(4));
    return parsePeriod(mo === 1 ? `${y - 1}12` : `${y}${pad(mo - 1)}`)!;
  }
  const days = Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000);
  return parsePeriod(`${shiftDays(p.start, -days)}..${shiftDays(p.start, -1)}`)!;
}

/** The same period one year earlier (for "比上年" comparisons). */
export function samePeriodLastYear(p: Period): Period {
  const y = Number(p.id.slice(0, 4));
  if (p.type === 'year') return parsePeriod(String(y - 1))!;
  if (p.type === 'quarter' || p.type === 'month') return parsePeriod(`${y - 1}${p.id.slice(4)}`)!;
  const back = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`.replace(/-02-29$/, '-02-28');
  return parsePeriod(`${back(p.start)}..${back(p.last)}`)!;
}
