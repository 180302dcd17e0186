import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { LedgerList } from './LedgerList';
import { actionColumn, LedgerTable, tableColumns } from './LedgerTable';

// The suite takes *.test.ts only, so the components are rendered with createElement.
const STATUS = defineCodes({ due: '即将届满', overdue: '已逾期' });
type Row = { id: number; name: string; places: number; status: string; note: string };
const COLUMNS = defineColumns<Row>([
  { key: 'name', header: '名称', value: (r) => r.name },
  { key: 'places', header: '名额', value: (r) => r.places },
  { key: 'status', header: '状态', value: (r) => r.status, codes: STATUS },
  { key: 'note', header: '说明', in: { list: false }, value: (r) => r.note },
]);
const rows: Row[] = [{ id: 1, name: '甲工会', places: 12, status: 'overdue', note: '不显示' }];

describe('LedgerTable', () => {
  it('shows the list columns with header cells, codes as labels, figures on the right', () => {
    const html = renderToStaticMarkup(h(LedgerTable<Row>, { columns: COLUMNS, rows, rowKey: 'id', render: { places: (r) => `${r.places} 人` } }));
    expect([...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['名称', '名额', '状态']);
    expect(html).toContain('已逾期');
    expect(html).toContain('12 人');
    expect(html).not.toContain('不显示');
    expect(tableColumns(COLUMNS, { first: rows[0] }).map((c) => c.align)).toEqual([undefined, 'right', undefined]);
  });

  it('makes the first cell a button that opens the row, and says why a table is empty', () => {
    expect(renderToStaticMarkup(h(LedgerTable<Row>, { columns: COLUMNS, rows, rowKey: 'id', onOpen: () => {} }))).toMatch(/<button[^>]*><span>甲工会<\/span><\/button>/);
    expect(renderToStaticMarkup(h(LedgerTable<Row>, { columns: COLUMNS, rows: [], rowKey: 'id', empty: '还没有记录' }))).toContain('还没有记录');
  });
});

describe('LedgerTable actions', () => {
  it('adds a last 操作 column fixed on the right, so a narrow drawer shows its buttons without scrolling', () => {
    const html = renderToStaticMarkup(h(LedgerTable<Row>, { columns: COLUMNS, rows, rowKey: 'id', actions: (r) => `移除${r.name}` }));
    expect([...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['名称', '名额', '状态', '操作']);
    expect(html).toContain('移除甲工会');
    // Server-side rendering has no breakpoints (a phone): the column is fixed on a computer only.
    expect(actionColumn((r: Row) => r.name, false)).toMatchObject({ title: '操作', fixed: 'right' });
    expect(actionColumn((r: Row) => r.name, true).fixed).toBeUndefined();
    expect(renderToStaticMarkup(h(LedgerTable<Row>, { columns: COLUMNS, rows, rowKey: 'id' }))).not.toContain('操作');
  });
});

describe('LedgerList actions', () => {
  const list = (actions?: (r: Row) => string) =>
    renderToStaticMarkup(h(QueryClientProvider, { client: new QueryClient() }, h(LedgerList<Row>, { queryKey: 'x', url: '/api/x', columns: COLUMNS, rowKey: (r) => r.id, empty: '没有', actions })));
  it('adds a last 操作 column only when the page has row actions', () => {
    expect([...list((r) => r.name).matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['名称', '名额', '状态', '操作']);
    expect(list()).not.toContain('操作');
  });
});
