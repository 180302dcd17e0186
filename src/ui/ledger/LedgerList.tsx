import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Input, Radio, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { LedgerColumn } from '@platform/ledger/columns';
import { get, query } from '../api';
import { ExportButton, pagination, useIsPhone } from '../components';
import { ImportDialog } from '../ImportDialog';
import type { CellRenderers } from './LedgerDetails';
import { actionColumn, tableColumns } from './LedgerTable';

/** The year filter's usual choice: this year and the `n - 1` before it, newest first. */
export const recentYears = (n = 6): number[] => Array.from({ length: n }, (_, i) => new Date().getFullYear() - i);

/** The filters of a ledger list: the search box, status, year and organisation, and the ledger's own. */
export type LedgerFilters = Record<string, string | number | undefined>;

export interface LedgerListProps<T> {
  /** react-query key of the ledger (invalidate it after a change). */
  queryKey: string;
  /** The list API (`{ items, total }`); the export is `exportUrl` with the same filters. */
  url: string;
  exportUrl?: string;
  exportName?: string | ((filters: LedgerFilters) => string);
  /** The ledger's column list (shared with the server); only its `list` columns show. */
  columns: LedgerColumn<T>[];
  render?: CellRenderers<T>;
  /** The row's actions (links, buttons): a last 操作 column, kept in view on the right on a wide screen. */
  actions?(row: T): ReactNode;
  rowKey(row: T): string | number;
  /** Opens a record (its detail drawer): the first column becomes a link naming the record. */
  onOpen?(row: T): void;
  /** Search box: its label (also the placeholder), sent as `q`. */
  search?: string;
  /** Status filter (buttons): its label, the options, and the query parameter (default `status`). */
  status?: { label: string; param?: string; options: { value: string; label: string }[] };
  /** Year filter: the years offered, sent as `year`. */
  years?: number[];
  /** Organisation filter: the picker (a module's, e.g. OrgTreeSelect) and the parameter (default `underId`). */
  org?: { param?: string; label: string; picker(p: { value: number | undefined; onChange(v: number | undefined): void; label: string }): ReactNode };
  /** Filters the page sets and the user does not (e.g. a reminder window); sent with every request. */
  fixed?: LedgerFilters;
  /** Controlled filters (when the page also changes them, e.g. a summary row that filters the list). */
  filters?: LedgerFilters;
  onFiltersChange?(f: LedgerFilters): void;
  initialFilters?: LedgerFilters;
  /** More filter controls of the ledger, shown after the standard ones. */
  toolbar?: ReactNode;
  /** The ImportDialog of an importable ledger, shown to those who may import. */
  importer?: { kind: string; title: string; allowed: boolean };
  /** What an empty list says (it may depend on the filters), and what the user can do about it. */
  empty: string | ((filters: LedgerFilters) => string);
  emptyAction?: ReactNode;
}

/**
 * The standard list page body of a ledger: search, status, year and organisation filters, the table (a real
 * table with header cells), pagination, export, import, an empty state that says why, a loading state, and a
 * row that opens its record. The page keeps its header, its actions and its dialogs.
 */
export function LedgerList<T extends object>(p: LedgerListProps<T>) {
  const phone = useIsPhone();
  const qc = useQueryClient();
  const [own, setOwn] = useState<LedgerFilters>(p.initialFilters ?? {});
  const filters = p.filters ?? own;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [importing, setImporting] = useState(false);
  const setFilter = (key: string, value: string | number | undefined) => {
    const next = { ...filters, [key]: value === '' ? undefined : value };
    if (p.onFiltersChange) p.onFiltersChange(next);
    else setOwn(next);
    setPage((x) => ({ ...x, page: 1 }));
  };
  const statusParam = p.status?.param ?? 'status';
  // The status button shown as chosen is the one sent: the first option until the user picks another.
  const params = { ...p.fixed, ...(p.status ? { [statusParam]: p.status.options[0]?.value } : {}), ...filters };
  const list = useQuery({
    queryKey: [p.queryKey, 'list', params, page],
    queryFn: () => get<{ items: T[]; total: number }>(`${p.url}${query({ ...params, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const orgParam = p.org?.param ?? 'underId';
  const columns: ColumnsType<T> = [
    ...tableColumns(p.columns, { render: p.render, first: list.data?.items[0], onOpen: p.onOpen }),
    ...(p.actions ? [actionColumn(p.actions, phone)] : []),
  ];
  const exportName = typeof p.exportName === 'function' ? p.exportName(filters) : (p.exportName ?? '导出.xlsx');
  const emptyText = typeof p.empty === 'function' ? p.empty(filters) : p.empty;
  return (
    <>
      <div role="search" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Space wrap>
          {p.status && (
            <Radio.Group
              aria-label={p.status.label}
              optionType="button"
              value={filters[statusParam] ?? p.status.options[0]?.value}
              onChange={(e) => setFilter(statusParam, e.target.value as string)}
              options={p.status.options}
            />
          )}
          {p.search && (
            <Input.Search
              aria-label={p.search}
              placeholder={p.search}
              allowClear
              maxLength={60}
              defaultValue={filters.q as string | undefined}
              onSearch={(v) => setFilter('q', v.trim() || undefined)}
              style={{ width: phone ? '100%' : 220 }}
            />
          )}
          {p.years && (
            <Select
              aria-label="年度"
              placeholder="年度"
              allowClear
              value={filters.year as number | undefined}
              onChange={(v) => setFilter('year', v)}
              options={p.years.map((y) => ({ value: y, label: `${y}年` }))}
              style={{ width: 110 }}
            />
          )}
          {p.org?.picker({ value: filters[orgParam] as number | undefined, onChange: (v) => setFilter(orgParam, v), label: p.org.label })}
          {p.toolbar}
        </Space>
        <Space wrap>
          {p.importer?.allowed && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              批量导入
            </Button>
          )}
          {p.exportUrl && <ExportButton url={`${p.exportUrl}${query(params)}`} fileName={exportName} />}
        </Space>
      </div>
      <Table<T>
        rowKey={p.rowKey}
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: list.isLoading ? <span /> : <Empty description={emptyText}>{p.emptyAction}</Empty> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (n, s) => setPage({ page: n, pageSize: s }))}
      />
      {p.importer && (
        <ImportDialog kind={p.importer.kind} title={p.importer.title} open={importing} onClose={() => setImporting(false)} onImported={() => void qc.invalidateQueries({ queryKey: [p.queryKey] })} />
      )}
    </>
  );
}
