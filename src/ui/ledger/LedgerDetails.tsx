import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { columnsIn, shownCell, type LedgerColumn } from '@platform/ledger/columns';

/** Per column key, how the web shows a cell when the column's text is not enough (tags, links, progress). */
export type CellRenderers<T> = Partial<Record<string, (row: T) => ReactNode>>;

/** A cell as the web shows it: the page's renderer, else the column's text (codes as labels), — when empty. */
export function cellNode<T>(column: LedgerColumn<T>, row: T, render?: CellRenderers<T>): ReactNode {
  const own = render?.[column.key];
  if (own) return own(row);
  const v = shownCell(column, row);
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

/** A record's fields from the ledger's column list (its `detail` columns), label beside value. */
export function LedgerDetails<T>({
  columns,
  row,
  render,
  column = 1,
  bordered = true,
}: {
  columns: LedgerColumn<T>[];
  row: T;
  render?: CellRenderers<T>;
  column?: number | Partial<Record<'xs' | 'sm' | 'md' | 'lg' | 'xl' | 'xxl', number>>;
  bordered?: boolean;
}) {
  return (
    <Descriptions size="small" bordered={bordered} column={column} styles={bordered ? { label: { width: 140 } } : undefined}>
      {columnsIn(columns, 'detail').map((c) => (
        <Descriptions.Item key={c.key} label={c.header}>
          {cellNode(c, row, render)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
