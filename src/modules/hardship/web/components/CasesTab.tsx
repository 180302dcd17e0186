import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, query } from '@ui/api';
import { ExportButton, pagination } from '@ui/components';
import { useMe } from '@ui/session';
import { labelOptions } from '@ui/forms';
import { CASE_STATUS_LABELS } from '../../shared/case-machine';
import { CATEGORY_LABELS } from '../../shared/category';
import { CATEGORY_COLORS, STATUS_COLORS, type CaseListItem } from '../types';
import { ApplyDialog } from './ApplyDialog';

const DUE_LABELS = { review: '回头看将到期', visit: '待入户调查', notice: '公示将结束', watch: '防返困回访将到期' } as const;

/** The case files in scope: search, filters (status, category, due work), export, and a new application. */
export function CasesTab() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState<string>();
  const status = params.get('status') ?? undefined;
  const category = params.get('category') ?? undefined;
  const due = params.get('due') ?? undefined;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [applying, setApplying] = useState(false);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const list = useQuery({
    queryKey: ['hardship', 'cases', q, status, category, due, page],
    queryFn: () => get<{ items: CaseListItem[]; total: number }>(`/api/hardship/cases${query({ q, status, category, due, ...page })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search placeholder="姓名或档案编号" allowClear onSearch={(v) => (setQ(v || undefined), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 200 }} />
          <Select aria-label="状态" allowClear placeholder="状态" value={status} onChange={(v) => set('status', v)} style={{ width: 130 }} options={labelOptions(CASE_STATUS_LABELS)} />
          <Select aria-label="困难类别" allowClear placeholder="困难类别" value={category} onChange={(v) => set('category', v)} style={{ width: 170 }} options={labelOptions(CATEGORY_LABELS)} />
          <Select aria-label="到期事项" allowClear placeholder="到期事项" value={due} onChange={(v) => set('due', v)} style={{ width: 160 }} options={labelOptions(DUE_LABELS)} />
          <ExportButton url={`/api/hardship/cases/export${query({ status, category, due, q })}`} fileName="困难职工档案.xlsx" />
          {me.permissions.includes('hardship.write') && (
            <Button type="primary" onClick={() => setApplying(true)}>
              登记申请
            </Button>
          )}
        </Space>
      </Card>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={status || category || due || q ? '没有符合条件的档案' : '还没有困难职工档案。会员可在手机上申请，工会也可以“登记申请”'} /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        onRow={(r) => ({ onClick: () => navigate(`/hardship/cases/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          // A link as well as the row click, so the record opens from the keyboard too.
          { title: '档案编号', dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/hardship/cases/${r.id}`} onClick={(e) => e.stopPropagation()}>{v}</Link> },
          { title: '姓名', dataIndex: 'memberName' },
          { title: '身份证号码', dataIndex: 'idNumberMasked' },
          { title: '所在工会', dataIndex: 'orgName', ellipsis: true, width: 240 },
          { title: '状态', dataIndex: 'statusLabel', render: (v, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag> },
          { title: '困难类别', dataIndex: 'categoryLabel', render: (v, r) => (v ? <Tag color={CATEGORY_COLORS[r.category ?? 'none']}>{v}</Tag> : '—') },
          { title: '主要致困原因', dataIndex: 'primaryCauseLabel' },
          {
            title: '下一步期限',
            render: (_, r) =>
              r.status === 'assisted' ? `回头看 ${r.nextReviewOn}` : r.status === 'notice' ? `公示至 ${r.noticeEndsOn}` : r.status === 'visiting' ? `入户 ${r.visitDueOn ?? ''}前` : r.status === 'exited' && r.watchUntil ? `监测至 ${r.watchUntil}` : '—',
          },
        ]}
      />
      <ApplyDialog open={applying} onClose={() => setApplying(false)} onCreated={(c) => (setApplying(false), navigate(`/hardship/cases/${c.id}`))} />
    </>
  );
}
