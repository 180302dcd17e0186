import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { get, post, query } from '@ui/api';
import { ExportButton, errorText, formatTime, pagination } from '@ui/components';
import { useMe } from '@ui/session';
import { STATUS_COLORS, type AssessmentStatus, type Checklist, type ProgressRow } from '../types';

const thisYear = new Date().getFullYear();
const STATUSES: { value: AssessmentStatus | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'submitted', label: '待审核' },
  { value: 'returned', label: '已退回' },
  { value: 'draft', label: '自评中' },
  { value: 'not_started', label: '未自评' },
  { value: 'reviewed', label: '已审核' },
];

/** Every grassroots union in scope with its assessment for the year: start, continue, review, export. */
export function ProgressTab() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canAssess = me.permissions.includes('standard.assess');
  const [year, setYear] = useState(thisYear);
  const [series, setSeries] = useState<string>();
  const [status, setStatus] = useState<AssessmentStatus | 'all'>('all');
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const checklists = useQuery({ queryKey: ['standards', 'checklists'], queryFn: () => get<Checklist[]>('/api/standards/checklists') });
  const current = (checklists.data ?? []).filter((c) => c.status === 'published');
  const list = useQuery({
    queryKey: ['standards', 'progress', year, series, status, q, page],
    queryFn: () => get<{ items: ProgressRow[]; total: number; series: string | null; counts: Record<string, number> }>(`/api/standards/assessments${query({ year, series, status, q, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const activeSeries = series ?? list.data?.series ?? undefined;
  const start = useMutation({
    mutationFn: (orgId: number) => post<{ id: number }>('/api/standards/assessments', { orgId, year, series: activeSeries }),
    onSuccess: (a) => navigate(`/standards/assessments/${a.id}`),
    onError: (e) => void message.error(errorText(e)),
  });
  const counts = list.data?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select value={year} onChange={(v) => (setYear(v), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 110 }} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d} 年度` }))} />
          <Select
            value={activeSeries}
            onChange={(v) => (setSeries(v), setPage((p) => ({ ...p, page: 1 })))}
            style={{ width: 230 }}
            placeholder="检查标准"
            options={current.map((c) => ({ value: c.series, label: c.name }))}
          />
          <Radio.Group
            value={status}
            onChange={(e) => (setStatus(e.target.value), setPage((p) => ({ ...p, page: 1 })))}
            optionType="button"
            options={STATUSES.map((s) => ({ value: s.value, label: `${s.label} ${s.value === 'all' ? all : (counts[s.value] ?? 0)}` }))}
          />
          <Input.Search placeholder="工会名称" allowClear onSearch={(v) => (setQ(v || undefined), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 200 }} />
          <ExportButton url={`/api/standards/assessments/export.xlsx${query({ year, series: activeSeries, status, q })}`} fileName="规范化建设.xlsx" />
        </Space>
      </Card>
      <Table
        rowKey="orgId"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={current.length ? '没有符合条件的工会' : '区总工会还没有发布检查标准'} /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        columns={[
          { title: '工会名称', dataIndex: 'orgName' },
          { title: '上级工会', dataIndex: 'parentName', ellipsis: true },
          { title: '状态', dataIndex: 'status', render: (s: AssessmentStatus, r) => <Tag color={STATUS_COLORS[s]}>{r.statusLabel}</Tag> },
          { title: '自评得分', dataIndex: 'selfTotal', align: 'right', render: (v) => v ?? '—' },
          { title: '审核得分', dataIndex: 'reviewTotal', align: 'right', render: (v) => v ?? '—' },
          { title: '等级', dataIndex: 'grade', render: (v, r) => (v ? <Tag color={r.passed ? 'green' : 'red'}>{v}</Tag> : '—') },
          { title: '提交时间', dataIndex: 'submittedAt', render: (v) => (v ? formatTime(v).slice(0, 10) : '—') },
          {
            title: '操作',
            render: (_, r) =>
              r.assessmentId ? (
                <Button type="link" size="small" onClick={() => navigate(`/standards/assessments/${r.assessmentId}`)}>
                  {r.status === 'submitted' ? '查看 / 审核' : r.status === 'draft' || r.status === 'returned' ? '继续自评' : '查看'}
                </Button>
              ) : canAssess && activeSeries ? (
                <Button type="link" size="small" loading={start.isPending && start.variables === r.orgId} onClick={() => start.mutate(r.orgId)}>
                  开始自评
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
