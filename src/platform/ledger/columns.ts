import type { ImportColumn } from '../imports/cells';
import type { CodeLabels } from './codes';

/**
 * One column list per ledger: the list page's columns, the Excel export's and the import template's, declared
 * once over the ledger's DTO (what the presenter returns). Pure: the web renders the same list.
 */
export type LedgerCell = string | number | boolean | null | undefined;

export interface LedgerColumn<T> {
  /** Field key (the DTO's, and the import row's unless `import.key` says otherwise). */
  key: string;
  /** Chinese header, as the list, the export and the template show it. */
  header: string;
  /** How to read the column from a row; absent for an import-only column (e.g. an organisation code). */
  value?(row: T): LedgerCell;
  /** A coded column: the value is a code, shown and exported as its Chinese label. */
  codes?: CodeLabels;
  /** The shown and exported text, when it is neither the value nor its code's label (e.g. `G 交通运输业`). */
  text?(row: T): LedgerCell;
  /** Excel column width, and number format (e.g. `#,##0.00` for yuan). */
  width?: number;
  numFmt?: string;
  /** Where the column appears; every place by default (an import-only column has no `value`). */
  in?: { list?: boolean; export?: boolean; detail?: boolean };
  /** Present when the ledger imports this column: the template's header is `header` unless given. */
  import?: Omit<ImportColumn, 'key' | 'header'> & { key?: string; header?: string; /** Written as text (codes, phones). */ asText?: boolean };
}

/** Declares a ledger's columns (identity, for inference). */
export function defineColumns<T>(columns: LedgerColumn<T>[]): LedgerColumn<T>[] {
  return columns;
}

/** The text a column shows (list, detail) and exports: `text`, else the code's label, else 是/否, else the value. */
export function shownCell<T>(column: LedgerColumn<T>, row: T): LedgerCell {
  if (column.text) return column.text(row);
  const v = column.value?.(row);
  if (column.codes && typeof v === 'string') return column.codes.label(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

const shownIn = (place: 'list' | 'export' | 'detail') => <T>(c: LedgerColumn<T>) => !!c.value && c.in?.[place] !== false;

/** The columns a place shows, in declaration order. */
export function columnsIn<T>(columns: LedgerColumn<T>[], place: 'list' | 'export' | 'detail'): LedgerColumn<T>[] {
  return columns.filter(shownIn(place));
}

/** The import template's columns (ImportSpec.columns), in declaration order. */
export function importColumns<T>(columns: LedgerColumn<T>[]): ImportColumn[] {
  return columns
    .filter((c) => c.import)
    .map((c) => {
      const { key, header, asText: _asText, ...rest } = c.import!;
      return { key: key ?? c.key, header: header ?? c.header, width: c.width, ...rest };
    });
}

/** Import keys written as text in the template (codes, phones: Excel must not turn them into numbers). */
export function importTextColumns<T>(columns: LedgerColumn<T>[]): string[] {
  return columns.filter((c) => c.import?.asText).map((c) => c.import!.key ?? c.key);
}
