import { Drawer, Empty, Input, Segmented, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatAmount } from '@platform/indicators/columns';
import { ExportButton, pagination } from '@ui/components';
import type { IndicatorDefinitionDto, IndicatorRecordDto } from '../../shared/indicator.schema';
import { recordsExportUrl, useIndicatorRecords, type Scope } from '../api';

/**
 * The records behind one figure: exactly the rows counted, paged, searchable, exportable to Excel; a row of a
 * ledger's records opens that record (its detail drawer on the ledger's page).
 */
export function RecordsDrawer({ indicator, scope, onClose }: { indicator: IndicatorDefinitionDto | null; scope: Scope; onClose(): void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [part, setPart] = useState<'numerator' | 'denominator'>('numerator');
  const [q, setQ] = useState<string>();
  useEffect(() => {
    setPage({ page: 1, pageSize: 20 });
    setPart('numerator');
    setQ(undefined);
  }, [indicator?.code]);
  const records = useIndicatorRecords(indicator?.code ?? null, scope, page.page, page.pageSize, part, q);
  // The chosen part's column once loaded (a rate's two parts may differ), the figure's own until then.
  const amount = records.data?.amount !== undefined ? records.data.amount : (indicator?.amount ?? null);
  return (
    <Drawer title={indicator ? `${indicator.name}：明细记录` : ''} open={!!indicator} onClose={onClose} size={720} destroyOnHidden>
      {indicator && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {records.data ? `${records.data.org.name} · ${records.data.period.label} · ` : ''}
            {indicator.definition}
          </Typography.Text>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            {indicator.kind === 'rate' ? (
              <Segmented
                value={part}
                onChange={(p) => {
                  setPart(p as typeof part);
                  setPage((x) => ({ ...x, page: 1 }));
                }}
                options={[
                  { value: 'numerator', label: `分子：${indicator.numerator!.name}` },
                  { value: 'denominator', label: `分母：${indicator.denominator!.name}` },
                ]}
              />
            ) : (
              <span />
            )}
            <Space wrap>
              <Input.Search
                aria-label="搜索记录或组织"
                placeholder="搜索记录或组织"
                allowClear
                maxLength={60}
                style={{ width: 220 }}
                onSearch={(v) => (setQ(v.trim() || undefined), setPage((x) => ({ ...x, page: 1 })))}
              />
              <ExportButton url={recordsExportUrl(indicator.code, scope, part, q)} fileName={`${indicator.name}.xlsx`} />
            </Space>
          </Space>
          <Table<IndicatorRecordDto>
            rowKey="id"
            size="small"
            loading={records.isFetching}
            dataSource={records.data?.items}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '记录', dataIndex: 'title', render: (t: string, r) => (r.ref ? <Link to={r.ref.href}>{t}</Link> : t) },
              { title: '所属组织', dataIndex: 'orgName', ellipsis: true },
              { title: '日期', dataIndex: 'occurredOn', width: 110, render: (d: string | null) => d ?? '—' },
              // One amount column type: money in yuan with two decimals, as in the Excel export.
              ...(amount ? [{ title: amount.label, dataIndex: 'amount', width: 120, align: 'right' as const, render: (v: number | null) => formatAmount(amount.kind, v) }] : []),
            ]}
            locale={{ emptyText: <Empty description={q ? `没有包含“${q}”的记录` : '该统计期内没有记录'} /> }}
            pagination={pagination(records.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
          />
        </Space>
      )}
    </Drawer>
  );
}
