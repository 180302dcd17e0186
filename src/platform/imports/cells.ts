/**
 * The pure parts of reading an import: cell text, header matching and a row's values by column. No I/O and
 * no heavy imports, so the parse worker and a spec's row check load them cheaply.
 */

/** A column of an import template: its key in code, its Chinese header, and what the template says about it. */
export interface ImportColumn {
  key: string;
  header: string;
  required?: boolean;
  /** Other headers accepted for this column (older templates, common variants). */
  aliases?: string[];
  /** Shown in the template's notes sheet. */
  note?: string;
  /** An example value written in the template's notes sheet. */
  example?: string;
  /** Column width in the template. */
  width?: number;
  /** A coded column's accepted spellings per standard value (see codes.ts), listed in the template's 填写说明. */
  codes?: { label: string; synonyms: string[] }[];
}

/** A data row of an upload: its row number in the sheet, its values by column key, and its row check's result. */
export interface ImportInputRow {
  rowNo: number;
  values: Record<string, string>;
  /**
   * What the spec's row check (see ImportSpec.check) returned for this row, computed on the parse worker. A
   * spec with a row check gets its rows' results here and `values` empty (the result carries what it needs).
   */
  checked?: unknown;
}

export const ERROR_COLUMN = '错误说明';
/** The column of a finished import's result file (rows skipped, and why). */
export const RESULT_COLUMN = '处理说明';
/** Columns the engine adds to a file it hands back: ignored when that file is uploaded again. */
export const REPORT_COLUMNS = [ERROR_COLUMN, RESULT_COLUMN];

/** A cell as the importer sees it: trimmed text (dates as YYYY-MM-DD), or '' when empty. */
export function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result);
    if (v.error) return '';
    return '';
  }
  let text = String(value).trim();
  // An exported cell guarded against formula injection starts with an apostrophe: drop it again.
  if (text.startsWith("'")) text = text.slice(1);
  return text;
}

/** Header text normalised for matching: no spaces (any width), no required-marker asterisks. */
export function normaliseHeader(h: string): string {
  return h.replace(/[\s\u3000*＊]/g, '');
}

/** Where each column is in an uploaded sheet, the required columns missing, and headers nobody asked for. */
export interface HeaderMap {
  index: Map<string, number>;
  missing: ImportColumn[];
  unknown: string[];
}

export function mapHeaders(columns: ImportColumn[], header: string[]): HeaderMap {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n && !REPORT_COLUMNS.includes(n) && !positions.has(n)) positions.set(n, i);
  });
  const index = new Map<string, number>();
  const used = new Set<number>();
  for (const c of columns) {
    for (const name of [c.header, ...(c.aliases ?? [])]) {
      const i = positions.get(normaliseHeader(name));
      if (i !== undefined) {
        index.set(c.key, i);
        used.add(i);
        break;
      }
    }
  }
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  const unknown = header.filter((h, i) => h && !used.has(i) && !REPORT_COLUMNS.includes(normaliseHeader(h)));
  return { index, missing, unknown };
}

/** A sheet row's values by column key ('' for a column the sheet lacks). */
export function valuesOf(columns: ImportColumn[], header: HeaderMap, cells: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const c of columns) {
    const i = header.index.get(c.key);
    values[c.key] = i === undefined ? '' : (cells[i] ?? '');
  }
  return values;
}

/**
 * A date as people type it in Excel: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, or an Excel serial
 * day number (a date cell read without its format). Returns YYYY-MM-DD or null when it is not a real date.
 */
export function parseImportDate(text: string): string | null {
  const t = text.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{5})(\.0+)?$/.exec(t))) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(match[1]) * 86_400_000);
    return date.toISOString().slice(0, 10);
  } else {
    return null;
  }
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A cell's text, or null when it is empty. */
export function blankCell(v: string | undefined): string | null {
  return v == null || v.trim() === '' ? null : v.trim();
}

/** A numeric cell: null when empty, NaN when it is not a number (the row schema then names the field). */
export function numberCell(v: string | undefined): number | null {
  const t = blankCell(v);
  return t == null ? null : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}
