import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, post, query } from '@ui/api';
import { PageHeader, errorText, formatTime, pagination } from '@ui/components';
import { useAskReason } from '@ui/dialogs';
import { TRANSFER_STATUS_LABELS } from '../../shared/member-codes';
import type { TransferRequest } from '../../shared/member.schema';
import type { Page } from '../api';

const STATUS_COLOURS: Record<string, string> = { pending: 'processing', accepted: 'green', rejected: 'error', withdrawn: 'default' };

/** Transfer requests: into the reader's unions (pending ones to accept or refuse) and out of them (to withdraw). */
export function TransfersPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const askReason = useAskReason();
  const [box, setBox] = useState<'incoming' | 'outgoing'>('incoming');
  const [status, setStatus] = useState<string | undefined>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['member-transfers', box, status, page],
    queryFn: () => get<Page<TransferRequest>>(`/api/member-transfers${query({ box, status, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: ({ id, action, reason }: { id: number; action: 'accept' | 'reject' | 'withdraw'; reason?: string }) => post(`/api/member-transfers/${id}/${action}`, { reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['member-transfers'] });
      void qc.invalidateQueries({ queryKey: ['members'] });
      void qc.invalidateQueries({ queryKey: ['due', 'members'] });
    },
  });
  const run = async (id: number, action: 'accept' | 'withdraw', done: string) => {
    try {
      await decide.mutateAsync({ id, action });
      void message.success(done);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <>
      <PageHeader
        title="转会申请"
        help="转出工会提出转会申请后，由转入工会接收（或说明原因拒绝）；同时管辖双方的上级工会办理时直接完成。接收后原工会保留历史会籍记录，但不能再查看该会员的完整身份证号码和手机号码。"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={box} onChange={(v) => (setBox(v as 'incoming' | 'outgoing'), setPage({ ...page, page: 1 }))} options={[{ value: 'incoming', label: '转入本工会' }, { value: 'outgoing', label: '由本工会转出' }]} />
        <Select aria-label="转会状态" allowClear placeholder="全部状态" value={status} onChange={(v) => (setStatus(v), setPage({ ...page, page: 1 }))} style={{ width: 120 }} options={Object.entries(TRANSFER_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
      </Space>
      <Table<TransferRequest>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        locale={{ emptyText: box === 'incoming' ? '没有转入本工会的申请' : '没有由本工会转出的申请' }}
        columns={[
          { title: '会员', dataIndex: 'memberName', render: (v, r) => `${v}（${r.idNumberMasked}）` },
          { title: '转出工会', dataIndex: 'fromOrgName' },
          { title: '转入工会', dataIndex: 'toOrgName' },
          { title: '转会日期', dataIndex: 'transferredOn' },
          { title: '申请', render: (_, r) => `${r.requestedByName} ${formatTime(r.requestedAt)}${r.ordered ? '（上级直接办理）' : ''}` },
          { title: '状态', dataIndex: 'statusLabel', render: (v, r) => <Tag color={STATUS_COLOURS[r.status]}>{v}</Tag> },
          { title: '说明', render: (_, r) => r.decisionNote ?? r.remark ?? '—' },
          {
            title: '操作',
            render: (_, r) => (
              <Space size={0}>
                {r.canDecide && (
                  <Popconfirm title="接收转会？" description={`${r.memberName}在“${r.fromOrgName}”的会籍结束，在“${r.toOrgName}”开始新会籍`} okText="接收" cancelText="取消" onConfirm={() => run(r.id, 'accept', '已接收')}>
                    <Button type="link" size="small">接收</Button>
                  </Popconfirm>
                )}
                {r.canDecide && (
                  <Button type="link" size="small" danger onClick={() => askReason({ title: '拒绝接收', placeholder: '请填写拒绝原因（对方工会可以看到）', okText: '拒绝接收', onOk: async (reason) => void (await decide.mutateAsync({ id: r.id, action: 'reject', reason })) })}>
                    拒绝
                  </Button>
                )}
                {r.canWithdraw && (
                  <Popconfirm title="撤回这份转会申请？" okText="撤回" cancelText="取消" onConfirm={() => run(r.id, 'withdraw', '已撤回')}>
                    <Button type="link" size="small">撤回</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
