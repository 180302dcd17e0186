/**
 * The `amount` column of a figure's records, declared once per indicator and rendered the same way by the
 * drill-down API, the web drawer and the Excel export. Pure (no database): the web side imports it too.
 *
 * - `{ kind: 'money' }`: the records query selects integer fen; everything a user sees is yuan, two decimals.
 * - `{ kind: 'number', label }`: a plain quantity (e.g. the employees of an employer), shown as it is; a whole
 *   number in Excel unless `decimals` says how many places it keeps (hours are registered by the half hour, so
 *   志愿服务时长 keeps one: 2.5 小时 must not show as 3).
 */
export type AmountColumn = { kind: 'money' } | { kind: 'number'; label: string; decimals?: number };
export type AmountKind = AmountColumn['kind'];
export const AMOUNT_KINDS = ['money', 'number'] as const satisfies readonly AmountKind[];

/** The column header: 金额（元） for money, the declared label for a quantity. */
export function amountHeader(column: { kind: AmountKind; label?: string }): string {
  return column.kind === 'money' ? '金额（元）' : (column.label ?? '数量');
}

/** The stored amount (fen for money) as shown: yuan for money, rounded to the fen. */
export function shownAmount(kind: AmountKind, stored: number): number {
  return kind === 'money' ? Math.round(stored) / 100 : stored;
}

/** A shown amount as text: 5,000.00 for money, 1,234 for a quantity; — for none. */
export function formatAmount(kind: AmountKind, shown: number | null | undefined): string {
  if (shown === null || shown === undefined) return '—';
  return kind === 'money'
    ? shown.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : shown.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** The Excel number format of the column: two decimals for yuan, a quantity's declared decimals (none by default). */
export function amountNumFmt(column: { kind: AmountKind; decimals?: number }): string {
  const decimals = column.kind === 'money' ? 2 : (column.decimals ?? 0);
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}
