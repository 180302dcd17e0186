import { Button, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { columnsIn, type LedgerColumn } from '@platform/ledger/columns';
import { useIsPhone } from '../components';
import { cellNode, type CellRenderers } from './LedgerDetails';

/**
 * The table columns of a column list's `list` columns: cells as the list shows them (codes as labels, the page's
 * renderers), figures on the right, long texts cut; with `onOpen`, the first cell is a link opening the record.
 */
export function tableColumns<T>(columns: LedgerColumn<T>[], o: { render?: CellRenderers<T>; first?: T; onOpen?(row: T): void }): ColumnsType<T> {
  return columnsIn(columns, 'list').map((c, i) => ({
    key: c.key,
    title: c.header,
    ellipsis: i > 0 && typeof c.width === 'number' && c.width >= 24,
    // Figures line up on the right (read from the first row: the column list holds data, not layout).
    align: o.first && typeof c.value?.(o.first) === 'number' && !c.codes ? ('right' as const) : undefined,
    render: (_: unknown, row: T) =>
      i === 0 && o.onOpen ? (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => o.onOpen!(row)}>
          {cellNode(c, row, o.render)}
        </Button>
      ) : (
        cellNode(c, row, o.render)
      ),
  }));
}

/**
 * The last 操作 column of a list or a record's table: fixed on the right on a computer (a drawer is narrower than
 * its table at 1366 px, and the buttons must not start off-screen); on a phone it scrolls with the row.
 */
export function actionColumn<T>(actions: (row: T) => ReactNode, phone: boolean): ColumnsType<T>[number] {
  return { key: 'actions', title: '操作', fixed: phone ? undefined : ('right' as const), render: (_: unknown, row: T) => actions(row) };
}

/**
 * A small unpaged table of rows from a column list: a record's history in its drawer, a summary above a list.
 * `actions` adds a last 操作 column (`actionColumn`), as `LedgerList` does.
 */
export function LedgerTable<T extends object>(p: {
  columns: LedgerColumn<T>[];
  rows: T[] | undefined;
  rowKey: keyof T & string;
  render?: CellRenderers<T>;
  onOpen?(row: T): void;
  loading?: boolean;
  empty?: string;
  actions?(row: T): ReactNode;
}) {
  const phone = useIsPhone();
  const columns: ColumnsType<T> = [
    ...tableColumns(p.columns, { render: p.render, first: p.rows?.[0], onOpen: p.onOpen }),
    ...(p.actions ? [actionColumn(p.actions, phone)] : []),
  ];
  return (
    <Table<T>
      size="small"
      rowKey={p.rowKey}
      pagination={false}
      loading={p.loading}
      dataSource={p.rows}
      scroll={{ x: 'max-content' }}
      locale={p.empty ? { emptyText: <Empty description={p.empty} /> } : undefined}
      columns={columns}
    />
  );
}
