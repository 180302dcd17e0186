import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, post, query } from '@ui/api';
import { ExportButton, pagination } from '@ui/components';
import { labelOptions } from '@ui/forms';
import { FormModal, useAskReason } from '@ui/dialogs';
import { useShowRefusal, type FormValues } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { StepButtons } from '@ui/StepButtons';
import { AID_FORM_LABELS, AID_KIND_LABELS, AID_STATUS_LABELS, FUND_SOURCE_LABELS, SCHOOL_LEVEL_LABELS, type Aid, type Campaign } from '../../shared/aid.schema';
import { yuan } from './AssessmentFields';
import { MemberPicker } from '@ui/MemberPicker';

const STATUS_COLORS: Record<string, string> = { pending: 'gold', approved: 'blue', signed: 'green', cancelled: 'default' };
const thisYear = new Date().getFullYear();

/** Aid given in scope: filters, the total, export; record a payment; approve, sign for, cancel. */
export function AidTab() {
  const me = useMe();
  const canWrite = me.permissions.includes('hardship.write');
  const { message } = App.useApp();
  const askReason = useAskReason();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaignId') ? Number(params.get('campaignId')) : undefined;
  const [filters, setFilters] = useState<{ q?: string; year?: number; kind?: string; fundSource?: string; status?: string }>({ year: thisYear });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const set = (k: string, v: unknown) => (setFilters((f) => ({ ...f, [k]: v || undefined })), setPage((p) => ({ ...p, page: 1 })));
  const list = useQuery({
    queryKey: ['aid', filters, campaignId, page],
    queryFn: () => get<{ items: Aid[]; total: number; totalFen: number }>(`/api/aid${query({ ...filters, campaignId, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => get<{ items: Campaign[] }>('/api/campaigns') });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['aid'] });
  const act = async (url: string, body: unknown, done: string) => {
    try {
      await post(url, body);
      void message.success(done);
      refresh();
    } catch (e) {
      showRefusal(e);
    }
  };
  const campaignName = campaignId ? campaigns.data?.items.find((c) => c.id === campaignId)?.name : undefined;
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          {campaignId && (
            <Tag color="red" closable onClose={() => setParams({ tab: 'aid' }, { replace: true })}>
              活动：{campaignName ?? '（不存在或已无权查看）'}
            </Tag>
          )}
          <Input.Search placeholder="姓名" allowClear onSearch={(v) => set('q', v)} style={{ width: 150 }} />
          <Select aria-label="年度" allowClear placeholder="年度" value={filters.year} onChange={(v) => set('year', v)} style={{ width: 100 }} options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))} />
          <Select aria-label="类别" allowClear placeholder="类别" value={filters.kind} onChange={(v) => set('kind', v)} style={{ width: 150 }} options={labelOptions(AID_KIND_LABELS)} />
          <Select aria-label="资金来源" allowClear placeholder="资金来源" value={filters.fundSource} onChange={(v) => set('fundSource', v)} style={{ width: 120 }} options={labelOptions(FUND_SOURCE_LABELS)} />
          <Select aria-label="状态" allowClear placeholder="状态" value={filters.status} onChange={(v) => set('status', v)} style={{ width: 140 }} options={labelOptions(AID_STATUS_LABELS)} />
          <ExportButton url={`/api/aid/export${query({ ...filters, campaignId })}`} fileName="帮扶记录.xlsx" />
          {canWrite && (
            <Button type="primary" onClick={() => (form.resetFields(), form.setFieldsValue({ givenOn: dayjs(), kind: 'living', form: 'cash', fundSource: 'union', campaignId }), setAdding(true))}>
              登记帮扶
            </Button>
          )}
        </Space>
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            共 {list.data?.total ?? 0} 笔，合计 {yuan(list.data?.totalFen ?? 0)}（不含已撤销）
          </Typography.Text>
        </div>
      </Card>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有符合条件的帮扶记录" /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        columns={[
          { title: '发放日期', dataIndex: 'givenOn' },
          { title: '姓名', dataIndex: 'memberName' },
          { title: '所在工会', dataIndex: 'orgName', ellipsis: true, width: 220 },
          { title: '类别', dataIndex: 'kindLabel', render: (v, r) => (r.schoolLevelLabel ? `${v}·${r.schoolLevelLabel}` : v) },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number, r) => `${yuan(v)}${r.form !== 'cash' ? `（${r.formLabel}）` : ''}` },
          { title: '资金来源', dataIndex: 'fundSourceLabel' },
          { title: '活动', dataIndex: 'campaignName', render: (v) => v ?? '—' },
          { title: '状态', dataIndex: 'statusLabel', render: (v, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag> },
          {
            title: '操作',
            render: (_, r) => (
              <Space size={0}>
                {/* The steps the server sent with the record: only those open to this user in its state. */}
                <StepButtons
                  steps={r.steps}
                  size="small"
                  link
                  danger={['cancel']}
                  onStep={(s) => {
                    if (s.code === 'approve') return void act(`/api/aid/${r.id}/approve`, {}, '已审批');
                    if (s.code === 'sign') return void act(`/api/aid/${r.id}/sign`, { signedOn: dayjs().format('YYYY-MM-DD') }, '已登记签收');
                    askReason({
                      title: `撤销 ${r.memberName} 的 ${yuan(r.amountFen)}？`,
                      placeholder: '撤销原因（必填）',
                      okText: '撤销',
                      onOk: async (reason) => {
                        await post(`/api/aid/${r.id}/cancel`, { reason });
                        void message.success('已撤销');
                        refresh();
                      },
                    });
                  }}
                />
              </Space>
            ),
          },
        ]}
      />
      <FormModal<FormValues>
        title="登记帮扶"
        open={adding}
        form={form}
        okText="保存"
        onCancel={() => setAdding(false)}
        onSubmit={async (v) => {
          await post('/api/aid', {
            memberId: v.memberId,
            campaignId: v.campaignId || undefined,
            kind: v.kind,
            form: v.form,
            ...(v.kind === 'education' ? { schoolLevel: v.schoolLevel } : { amountFen: Math.round(v.amountYuan * 100) }),
            items: v.items || undefined,
            givenOn: v.givenOn.format('YYYY-MM-DD'),
            fundSource: v.fundSource,
          });
          void message.success('已登记，待区总工会审批');
          setAdding(false);
          refresh();
        }}
      >
          <Form.Item name="memberId" label="受助会员" rules={[{ required: true, message: '请选择受助会员' }]}>
            <MemberPicker />
          </Form.Item>
          <Form.Item name="campaignId" label="所属活动（可不选）">
            <Select allowClear options={campaigns.data?.items.filter((c) => c.status === 'open').map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={labelOptions(AID_KIND_LABELS)} style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="form" label="形式" rules={[{ required: true, message: '请选择形式' }]}>
              <Select options={labelOptions(AID_FORM_LABELS)} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="fundSource" label="资金来源" rules={[{ required: true, message: '请选择资金来源' }]}>
              <Select options={labelOptions(FUND_SOURCE_LABELS)} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          {kind === 'education' ? (
            <Form.Item name="schoolLevel" label="就读学段" rules={[{ required: true, message: '请选择就读学段' }]} extra="金额按金秋助学标准（学段、是否在档）自动确定">
              <Select options={labelOptions(SCHOOL_LEVEL_LABELS)} style={{ width: 170 }} />
            </Form.Item>
          ) : (
            <Form.Item name="amountYuan" label="金额（实物、服务按价值）" rules={[{ required: true, message: '请填写金额' }]}>
              <InputNumber min={0.01} max={100000} precision={2} addonAfter="元" style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item name="items" label="实物或服务内容">
            <Input maxLength={200} placeholder="如：米、油；慰问金" />
          </Form.Item>
          <Form.Item name="givenOn" label="发放日期" rules={[{ required: true, message: '请选择发放日期' }]}>
            <DatePicker />
          </Form.Item>
      </FormModal>
    </>
  );
}
