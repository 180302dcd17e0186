import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Descriptions, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { OrgTreeSelect } from '@modules/organisations/web';
import { get, query } from '@ui/api';
import { ExportButton, PageHeader, formatTime, pagination, useIsPhone } from '@ui/components';
import { AUDIT_CATEGORIES, type AuditEventDto } from '../../shared/audit.schema';

interface Filters {
  actor?: string;
  orgId?: number;
  action?: string;
  outcome?: 'success' | 'failure';
  category?: keyof typeof AUDIT_CATEGORIES;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Field-by-field before/after of one change; values were masked when the audit row was written. */
function Changes({ e }: { e: AuditEventDto }) {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) || !e.before,
  );
  if (!keys.length) return <Typography.Text type="secondary">无字段变化记录</Typography.Text>;
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <Descriptions size="small" column={1} bordered>
      {keys.map((k) => (
        <Descriptions.Item key={k} label={k}>
          {e.before ? (
            <>
              <Typography.Text delete type="secondary">{show(before[k])}</Typography.Text> → {show(after[k])}
            </>
          ) : (
            show(after[k])
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function AuditPage() {
  const phone = useIsPhone();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const set = (p: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...p }));
  const actions = useQuery({ queryKey: ['audit', 'actions'], queryFn: () => get<{ value: string; label: string }[]>('/api/audit/actions') });
  const list = useQuery({
    queryKey: ['audit', filters],
    queryFn: () => get<{ items: AuditEventDto[]; total: number }>(`/api/audit${query({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
  const { page: _p, pageSize: _s, ...exportFilters } = filters;

  const columns: ColumnsType<AuditEventDto> = [
    { title: '时间', dataIndex: 'occurredAt', width: 170, render: formatTime },
    { title: '操作人', dataIndex: 'actorName', width: 170, ellipsis: true },
    { title: '操作', dataIndex: 'actionLabel', width: 110 },
    ...(phone
      ? []
      : ([
          { title: '组织', dataIndex: 'orgName', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: '说明', dataIndex: 'summary', ellipsis: true },
          { title: 'IP', dataIndex: 'actorIp', width: 120 },
        ] as ColumnsType<AuditEventDto>)),
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 70,
      render: (o: string) => (o === 'success' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>),
    },
  ];

  return (
    <>
      <PageHeader
        title="操作日志"
        help="管辖范围内每一次变更、每一次数据导出和每一次被拒绝的访问：谁、何时、从哪里、做了什么（敏感信息已脱敏）。日志只能追加，不能修改或删除。"
        extra={<ExportButton url={`/api/audit/export.xlsx${query({ ...exportFilters })}`} fileName="操作日志.xlsx" />}
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search placeholder="操作人姓名或用户名" allowClear onSearch={(actor) => set({ actor: actor || undefined })} style={{ width: phone ? '100%' : 200 }} />
          <div style={{ width: 240 }}>
            <OrgTreeSelect allowClear placeholder="组织（含下级）" value={filters.orgId} onChange={(orgId) => set({ orgId })} />
          </div>
          <Select
            placeholder="操作类型"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            onChange={(action) => set({ action })}
            options={actions.data}
          />
          <Select
            placeholder="类别"
            allowClear
            style={{ width: 120 }}
            onChange={(category) => set({ category })}
            options={Object.entries(AUDIT_CATEGORIES).map(([value, label]) => ({ value, label }))}
          />
          <Select
            placeholder="结果"
            allowClear
            style={{ width: 100 }}
            onChange={(outcome) => set({ outcome })}
            options={[
              { value: 'success', label: '成功' },
              { value: 'failure', label: '失败' },
            ]}
          />
          <DatePicker.RangePicker
            onChange={(r) => {
              const [a, b] = (r ?? []) as (Dayjs | null)[];
              set({ from: a?.format('YYYY-MM-DD'), to: b?.format('YYYY-MM-DD') });
            }}
          />
        </Space>
        <Table<AuditEventDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: phone ? 'max-content' : 1000 }}
          expandable={{
            expandedRowRender: (e) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>{e.summary}</Typography.Text>
                <Changes e={e} />
              </Space>
            ),
          }}
          locale={{ emptyText: <Empty description="没有符合条件的日志" /> }}
          pagination={pagination(list.data?.total ?? 0, filters.page, filters.pageSize, (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })))}
        />
      </Card>
    </>
  );
}
