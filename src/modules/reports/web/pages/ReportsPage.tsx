import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { OrgTreeSelect } from '@modules/organisations/web';
import { get, post, query } from '@ui/api';
import { PageHeader, formatTime, pagination, useIsPhone } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { useCan, useMe } from '@ui/session';
import type { ReportDto } from '../../shared/report.schema';
import { PeriodPicker } from '../components/PeriodPicker';

type Row = Omit<ReportDto, 'sections'>;

export function ReportsPage() {
  const me = useMe();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const canWrite = useCan('report.write');
  const { message } = App.useApp();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['reports', page],
    queryFn: () => get<{ items: Row[]; total: number }>(`/api/reports${query(page)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="述职报告"
        help="按模板生成年度述职报告，报告中的每个数字都由台账计算并可查看明细；定稿后数字固化，不再随台账变化。"
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              生成报告
            </Button>
          )
        }
      />
      <Card size="small">
        <Table<Row>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={phone ? { x: 'max-content' } : undefined}
          onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description={canWrite ? '还没有报告，点击「生成报告」开始' : '还没有报告'} /> }}
          columns={[
            { title: '标题', dataIndex: 'title', render: (t: string) => <><FileTextOutlined /> {t}</> },
            ...(phone ? [] : [{ title: '单位', dataIndex: 'orgName', width: 220, ellipsis: true }]),
            { title: '统计期', dataIndex: 'periodLabel', width: 110 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 80,
              render: (s: string) => (s === 'final' ? <Tag color="green">已定稿</Tag> : <Tag color="blue">草稿</Tag>),
            },
            ...(phone ? [] : [{ title: '更新时间', dataIndex: 'updatedAt', width: 170, render: formatTime }]),
          ]}
          pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        />
      </Card>
      <FormModal<{ orgId: number; period: string }>
        title="生成述职报告"
        open={creating}
        form={form}
        onCancel={() => setCreating(false)}
        okText="生成"
        modalProps={{ destroyOnHidden: true }}
        formProps={{ preserve: false, initialValues: { orgId: me.account.orgId, period: String(new Date().getFullYear()) } }}
        onSubmit={async (values) => {
          const r = await post<{ report: { id: number } }>('/api/reports', values);
          void message.success('已生成草稿，数字按台账实时计算');
          setCreating(false);
          navigate(`/reports/${r.report.id}`);
        }}
      >
          <Form.Item name="orgId" label="报告单位（统计其本身及全部下级）" rules={[{ required: true, message: '请选择报告单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="period" label="统计期" rules={[{ required: true, message: '请选择统计期' }]}>
            <PeriodPicker />
          </Form.Item>
      </FormModal>
    </>
  );
}
