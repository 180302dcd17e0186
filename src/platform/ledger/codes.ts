/**
 * The Chinese labels of a ledger's codes, in one place per ledger and shared by the server (presenters, Excel,
 * imports) and the web (tags, selects, filters). Pure: no I/O, importable from `web/`.
 */

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];

/** What a column needs of a code table: the label of a code. */
export interface CodeLabels {
  label(code: string | null | undefined): string | null;
}

export interface Codes<L extends Record<string, string>> extends CodeLabels {
  /** code → Chinese label, e.g. `{ open: '报名中', closed: '已结束' }`. */
  readonly labels: L;
  /** The codes as a non-empty tuple (for `z.enum`). */
  readonly values: Keys<L>;
  /** The label of a code; an unknown code is shown as itself, a missing one as null. */
  label(code: string | null | undefined): string | null;
  /** The code for a text that is the code itself or its label (imports, filters), or null. */
  of(text: string): (keyof L & string) | null;
  /** `{ value, label }` options for a select or a segmented filter. */
  options(format?: (code: string, label: string) => string): { value: keyof L & string; label: string }[];
}

/** Declares a ledger's code table (see `Codes`). */
export function defineCodes<const L extends Record<string, string>>(labels: L): Codes<L> {
  const values = Object.keys(labels) as Keys<L>;
  return {
    labels,
    values,
    label: (code) => (code == null ? null : (labels[code as keyof L] ?? code)),
    of(text) {
      const t = text.trim();
      if (t in labels) return t as keyof L & string;
      const upper = t.toUpperCase();
      if (upper in labels) return upper as keyof L & string;
      return (values.find((v) => labels[v] === t) ?? null) as (keyof L & string) | null;
    },
    options: (format) => values.map((value) => ({ value, label: format ? format(value, labels[value]!) : labels[value]! })),
  };
}
