import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Descriptions, Empty, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post, query } from '@ui/api';
import { ExportButton, PageHeader, errorText, formatTime, pagination } from '@ui/components';
import { useShowRefusal } from '@ui/ServerForm';
import { StepButtons } from '@ui/StepButtons';
import type { Application, Page } from '../api';

/** Online applications to join: decide within the deadline; a rejection needs a written reason. */
export function ApplicationsPage() {
  const { message, modal } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected' | 'all'>('pending');
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [rejecting, setRejecting] = useState<Application | null>(null);
  const [opinion, setOpinion] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const list = useQuery({
    queryKey: ['applications', status, q, page],
    queryFn: () => get<Page<Application>>(`/api/member-applications${query({ status, q, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: 'approve' | 'reject'; body: unknown }) => post(`/api/member-applications/${id}/${action}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['applications'] });
      void qc.invalidateQueries({ queryKey: ['members'] });
      void qc.invalidateQueries({ queryKey: ['due'] });
    },
  });

  function approve(a: Application) {
    modal.confirm({
      title: `批准“${a.name}”加入“${a.orgName}”？`,
      content: '批准后建立会籍（入会日期为今天），并开通申请人自己设置的会员账号。请先核实劳动关系和本人意愿。',
      okText: '批准',
      cancelText: '取消',
      onOk: async () => {
        try {
          await decide.mutateAsync({ id: a.id, action: 'approve', body: {} });
          void message.success(`已批准，会员可用登录名“${a.username}”登录`);
        } catch (e) {
          showRefusal(e, '未能批准');
        }
      },
    });
  }

  return (
    <>
      <PageHeader
        title="入会申请"
        help="职工在手机上网上申请，无需账号，不通知工作单位。基层工会应在截止日期（3 个工作日）前审核。"
        extra={<ExportButton url={`/api/member-applications/export.xlsx${query({ status, q })}`} fileName="入会申请.xlsx" />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select aria-label="审核状态" value={status} onChange={(v) => (setStatus(v), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 120 }} options={[{ value: 'pending', label: '待审核' }, { value: 'approved', label: '已通过' }, { value: 'rejected', label: '未通过' }, { value: 'all', label: '全部' }]} />
          <Input.Search placeholder="姓名" allowClear onSearch={(v) => (setQ(v || undefined), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 200 }} />
        </Space>
      </Card>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={status === 'pending' ? '没有待审核的入会申请' : '没有记录'} /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        expandable={{
          expandedRowRender: (a) => (
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="身份证号码">{a.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label="手机号码">{a.phoneMasked}</Descriptions.Item>
              <Descriptions.Item label="工作单位">{a.employerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatTime(a.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label="出生日期">{a.birthDate}</Descriptions.Item>
              <Descriptions.Item label="民族">{a.ethnicity ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="学历">{a.education ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="政治面貌">{a.politicalStatus ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="农民工">{a.migrantWorker ? '是' : '否'}</Descriptions.Item>
              <Descriptions.Item label="申请编号">{a.ref}</Descriptions.Item>
              <Descriptions.Item label="登录名">{a.username}</Descriptions.Item>
              {a.opinion && <Descriptions.Item label="审核意见">{a.opinion}</Descriptions.Item>}
            </Descriptions>
          ),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '性别', dataIndex: 'sexLabel', width: 60 },
          { title: '职业', dataIndex: 'occupation', render: (v, a) => (a.gigKindLabel ? <Tag color="orange">{a.gigKindLabel}</Tag> : (v ?? '—')) },
          { title: '申请加入', dataIndex: 'orgName', ellipsis: true },
          { title: '提交日期', dataIndex: 'submittedAt', render: (v: string) => formatTime(v).split(' ')[0] },
          {
            title: '审核截止',
            dataIndex: 'dueOn',
            render: (v, a) => (a.status !== 'pending' ? v : a.overdue ? <Tag color="red">{v} 已超期</Tag> : <Tag color="gold">{v}</Tag>),
          },
          { title: '状态', dataIndex: 'statusLabel' },
          {
            title: '操作',
            fixed: 'right',
            // The decisions the server sent with the application: none once it is decided or without the permission.
            render: (_, a) => (
              <Space size={0}>
                <StepButtons steps={a.steps} size="small" link danger={['reject']} onStep={(s) => (s.code === 'approve' ? approve(a) : (setOpinion(''), setRefusal(undefined), setRejecting(a)))} />
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={rejecting ? `驳回“${rejecting.name}”的入会申请` : ''}
        open={!!rejecting}
        okText="驳回"
        okButtonProps={{ danger: true, disabled: opinion.trim().length < 2 }}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          try {
            await decide.mutateAsync({ id: rejecting!.id, action: 'reject', body: { opinion } });
            void message.success('已驳回，申请人可凭申请编号查看理由');
            setRejecting(null);
          } catch (e) {
            setRefusal(errorText(e));
          }
        }}
      >
        {refusal && <Alert type="error" showIcon title="未能驳回" description={refusal} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">驳回必须写明理由和申诉渠道，申请人会看到这段文字。</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="如：经核实申请人与本单位无劳动关系，可向所在街道总工会联合工会申请（电话 …）" />
      </Modal>
    </>
  );
}
