import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post, query } from '@ui/api';
import { ExportButton, pagination } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { useMe } from '@ui/session';
import { HONOUR_TITLES } from '../../shared/standard.schema';
import { LEVEL_OPTIONS, type Honour } from '../types';

const thisYear = new Date().getFullYear();

/** Honours held by unions in scope: record (with the document number), search, export, revoke with a reason. */
export function HonoursTab() {
  const me = useMe();
  const canWrite = me.permissions.includes('org.write');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [q, setQ] = useState<string>();
  const [year, setYear] = useState<number>();
  const [level, setLevel] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Honour | null>(null);
  const [form] = Form.useForm();
  const [revokeForm] = Form.useForm();
  const list = useQuery({
    queryKey: ['standards', 'honours', q, year, level, page],
    queryFn: () => get<{ items: Honour[]; total: number }>(`/api/standards/honours${query({ q, year, level, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const orgs = useQuery({
    queryKey: ['orgs', 'grassroots-options'],
    queryFn: () => get<{ items: { id: number; name: string }[] }>('/api/orgs?tier=grassroots&pageSize=200'),
    enabled: adding,
  });
  const [orgQ, setOrgQ] = useState('');
  const orgSearch = useQuery({
    queryKey: ['orgs', 'search', orgQ],
    queryFn: () => get<{ items: { id: number; name: string }[] }>(`/api/orgs${query({ q: orgQ, pageSize: 50 })}`),
    enabled: adding && orgQ.length > 0,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['standards', 'honours'] });
  const save = useMutation({ mutationFn: (body: unknown) => post('/api/standards/honours', body), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: ({ id, body }: { id: number; body: unknown }) => post(`/api/standards/honours/${id}/revoke`, body), onSuccess: refresh });
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search placeholder="工会或荣誉名称" allowClear onSearch={(v) => (setQ(v || undefined), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 220 }} />
          <Select allowClear placeholder="年度" value={year} onChange={(v) => (setYear(v), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 110 }} options={Array.from({ length: 10 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))} />
          <Select allowClear placeholder="级别" value={level} onChange={(v) => (setLevel(v), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 100 }} options={LEVEL_OPTIONS} />
          <ExportButton url={`/api/standards/honours/export.xlsx${query({ q, year, level })}`} fileName="工会荣誉.xlsx" />
          {canWrite && (
            <Button type="primary" onClick={() => (form.resetFields(), form.setFieldsValue({ year: thisYear, level: 'district', awardingBody: '云溪区总工会' }), setAdding(true))}>
              登记荣誉
            </Button>
          )}
        </Space>
      </Card>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有荣誉记录" /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        columns={[
          { title: '工会名称', dataIndex: 'orgName' },
          { title: '荣誉名称', dataIndex: 'title' },
          { title: '级别', dataIndex: 'levelLabel' },
          { title: '年度', dataIndex: 'year' },
          { title: '授予单位', dataIndex: 'awardingBody' },
          { title: '文号', dataIndex: 'docNo', render: (v) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'revokedOn',
            render: (v, r) =>
              v ? (
                <Tooltip title={r.revokeReason}>
                  <Tag color="red">{v} 撤销</Tag>
                </Tooltip>
              ) : (
                <Tag color="green">有效</Tag>
              ),
          },
          {
            title: '操作',
            render: (_, r) =>
              canWrite && !r.revokedOn ? (
                <Button type="link" size="small" danger onClick={() => (revokeForm.resetFields(), revokeForm.setFieldsValue({ revokedOn: dayjs() }), setRevoking(r))}>
                  撤销
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<Record<string, unknown>>
        title="登记荣誉"
        open={adding}
        form={form}
        okText="保存"
        onCancel={() => setAdding(false)}
        onSubmit={async (v) => {
          await save.mutateAsync(v);
          void message.success('已登记');
          setAdding(false);
        }}
      >
          <Form.Item name="orgId" label="工会" rules={[{ required: true, message: '请选择工会' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setOrgQ}
              placeholder="输入名称搜索"
              options={(orgQ ? orgSearch.data?.items : orgs.data?.items)?.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="title" label="荣誉名称" rules={[{ required: true, message: '请填写荣誉名称' }]}>
            <AutoComplete options={HONOUR_TITLES.map((t) => ({ value: t }))} placeholder="如：模范职工之家" maxLength={40} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
              <Select options={LEVEL_OPTIONS} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="year" label="命名年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={thisYear} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="awardingBody" label="授予单位" rules={[{ required: true, message: '请填写授予单位' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="docNo" label="文号">
            <Input maxLength={60} placeholder="如：云工〔2026〕12号" />
          </Form.Item>
          <Form.Item name="remark" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
      </FormModal>
      <FormModal<{ revokedOn: dayjs.Dayjs; reason: string }>
        title={revoking ? `撤销荣誉：${revoking.orgName}「${revoking.title}」` : ''}
        open={!!revoking}
        form={revokeForm}
        okText="撤销"
        danger
        onCancel={() => setRevoking(null)}
        onSubmit={async (v) => {
          await revoke.mutateAsync({ id: revoking!.id, body: { revokedOn: v.revokedOn.format('YYYY-MM-DD'), reason: v.reason } });
          void message.success('已撤销');
          setRevoking(null);
        }}
      >
          <Form.Item name="revokedOn" label="撤销日期" rules={[{ required: true, message: '请选择撤销日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label="撤销原因" rules={[{ required: true, min: 2, message: '请填写撤销原因' }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder="如：动态复查未通过" />
          </Form.Item>
      </FormModal>
    </>
  );
}
