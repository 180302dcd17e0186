import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post, query } from '@ui/api';
import { ExportButton, PageHeader, errorText, pagination } from '@ui/components';
import { useMe } from '@ui/session';

interface Row {
  orgId: number;
  orgName: string;
  orgCode: string;
  parentName: string | null;
  chairName: string | null;
  electedOn: string | null;
  termYears: number | null;
  endsOn: string | null;
  daysLeft: number | null;
  status: 'overdue' | 'due' | 'in_term' | 'unregistered';
  statusLabel: string;
}

const COLORS = { overdue: 'red', due: 'gold', in_term: 'green', unregistered: 'default' } as const;
const names = (s: string | undefined) => (s ? s.split(/[，,、\s]+/).filter(Boolean) : []);

/** Committee terms (换届): unions whose term ends soon or has ended, and recording an election. */
export function ElectionsPage() {
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'due' | 'overdue' | 'unregistered' | 'all'>('due');
  const [within, setWithin] = useState(180);
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [recording, setRecording] = useState<Row | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['elections', status, within, q, page],
    queryFn: () => get<{ items: Row[]; total: number }>(`/api/unions/elections${query({ status, within, q, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const record = useMutation({
    mutationFn: ({ orgId, body }: { orgId: number; body: unknown }) => post(`/api/unions/${orgId}/terms`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['elections'] });
      void qc.invalidateQueries({ queryKey: ['due'] });
    },
  });
  return (
    <>
      <PageHeader
        title="换届提醒"
        help="《工会法》第十五条：基层工会委员会每届任期三年或者五年。届满前请及时向上级工会报送换届请示。"
        extra={<ExportButton url={`/api/unions/elections/export.xlsx${query({ status, within, q })}`} fileName="换届提醒.xlsx" />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Radio.Group
            value={status}
            onChange={(e) => (setStatus(e.target.value), setPage((p) => ({ ...p, page: 1 })))}
            optionType="button"
            options={[
              { value: 'due', label: '即将届满' },
              { value: 'overdue', label: '已逾期' },
              { value: 'unregistered', label: '未登记届期' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Select value={within} onChange={setWithin} style={{ width: 150 }} options={[30, 90, 180, 365].map((d) => ({ value: d, label: `${d} 天内届满` }))} />
          <Input.Search placeholder="工会名称" allowClear onSearch={(v) => setQ(v || undefined)} style={{ width: 200 }} />
        </Space>
      </Card>
      <Table
        rowKey="orgId"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有需要提醒的工会" /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        columns={[
          { title: '工会名称', dataIndex: 'orgName' },
          { title: '上级工会', dataIndex: 'parentName', ellipsis: true },
          { title: '主席', dataIndex: 'chairName', render: (v) => v ?? '—' },
          { title: '选举日期', dataIndex: 'electedOn', render: (v) => v ?? '—' },
          { title: '任期', dataIndex: 'termYears', render: (v) => (v ? `${v} 年` : '—') },
          { title: '届满日期', dataIndex: 'endsOn', render: (v) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Row['status'], r) => <Tag color={COLORS[s]}>{s === 'due' ? `${r.daysLeft} 天后届满` : s === 'overdue' ? `逾期 ${-(r.daysLeft ?? 0)} 天` : r.statusLabel}</Tag>,
          },
          {
            title: '操作',
            render: (_, r) =>
              can('org.write') ? (
                <Button type="link" size="small" onClick={() => (form.resetFields(), form.setFieldsValue({ termYears: 5, chairFullTime: false }), setRecording(r))}>
                  登记换届
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title={recording ? `登记换届选举：${recording.orgName}` : ''}
        open={!!recording}
        okText="保存"
        onCancel={() => setRecording(null)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await record.mutateAsync({
              orgId: recording!.orgId,
              body: { ...v, electedOn: v.electedOn.format('YYYY-MM-DD'), viceChairs: names(v.viceChairs), committeeMembers: names(v.committeeMembers), fundsCommittee: names(v.fundsCommittee), womenCommittee: names(v.womenCommittee) },
            });
            void message.success('已登记，新一届任期开始');
            setRecording(null);
          } catch (e) {
            void message.error(errorText(e));
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item name="electedOn" label="选举日期" rules={[{ required: true, message: '请选择选举日期' }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
            <Form.Item name="termYears" label="任期" rules={[{ required: true }]}>
              <Radio.Group options={[{ value: 3, label: '3 年' }, { value: 5, label: '5 年' }]} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="chairName" label="工会主席" rules={[{ required: true, message: '请填写主席姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="chairFullTime" valuePropName="checked" label=" ">
              <Checkbox>专职主席</Checkbox>
            </Form.Item>
          </Space>
          <Form.Item name="viceChairs" label="副主席（多人用顿号分隔）">
            <Input />
          </Form.Item>
          <Form.Item name="committeeMembers" label="委员" extra="工会委员会含主席、副主席应为 3–11 人的单数">
            <Input />
          </Form.Item>
          <Form.Item name="fundsCommittee" label="经费审查委员会委员" extra="3–5 人的单数">
            <Input />
          </Form.Item>
          <Form.Item name="womenCommittee" label="女职工委员会委员">
            <Input />
          </Form.Item>
          <Form.Item name="approvalDoc" label="上级批复文号">
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
