import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, post, query } from '@ui/api';
import { ExportButton, PageHeader, pagination } from '@ui/components';
import { useShowRefusal } from '@ui/ServerForm';
import { ConfirmButton, FormModal } from '@ui/dialogs';
import { FormFields, type FieldRows } from '@ui/FormFields';
import { compact, labelOptions } from '@ui/forms';
import { MemberPicker } from '@ui/MemberPicker';
import { LedgerDetails } from '@ui/ledger';
import { RecordPicker } from '@ui/RecordPicker';
import { useMe } from '@ui/session';
import { GROUP_LABELS, SIGNUP_DUE_LABELS, SIGNUP_STATUS_LABELS, type Programme, type Signup } from '../../shared/health-check.schema';
import { PROGRAMME_LEDGER } from '../../shared/programme.ledger';

/** Whether the server sent `code` among the steps open to this user on the sign-up. */
const has = (s: Signup, code: string) => s.steps.some((step) => step.code === code);

const STATUS_COLORS: Record<string, string> = { signed_up: 'blue', done: 'green', cancelled: 'default' };
const iso = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** What a programme asks for besides its places by group. */
const PROGRAMME_FIELDS: FieldRows = [
  [
    { name: 'year', label: '年度', required: '请填写年度', input: <InputNumber min={2000} max={2100} /> },
    { name: 'dates', label: '体检时间', required: '请选择体检时间', input: <DatePicker.RangePicker /> },
  ],
  { name: 'name', label: '项目名称', required: '请填写项目名称', rules: [{ min: 2, message: '请填写项目名称' }], input: <Input maxLength={60} /> },
  [
    { name: 'provider', label: '体检机构', required: '请填写体检机构', rules: [{ min: 2, message: '请填写体检机构' }], input: <Input maxLength={60} style={{ width: 260 }} /> },
    { name: 'budget', label: '预算', input: <InputNumber min={0} precision={2} addonAfter="元" /> },
  ],
  { name: 'package', label: '体检套餐', input: <Input.TextArea rows={2} maxLength={300} /> },
];

/** 免费体检: programmes with places by group; sign-ups, checks done and results (health data, by permission). */
export function HealthChecksPage() {
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['health-checks'], queryFn: () => get<{ items: Programme[] }>('/api/health-checks') });
  const id = Number(params.get('programme')) || list.data?.items[0]?.id;
  const p = list.data?.items.find((x) => x.id === id);
  return (
    <>
      <PageHeader
        title="一线职工免费体检"
        help="区总工会设立体检项目，按环卫工人、快递员、外卖配送员、农民工、女职工“两癌”筛查等人群分配名额；基层工会为职工报名（职工也可在手机上自己报名），体检后登记完成和结果。体检结果属于健康信息，加密保存，只有有权限的人员和职工本人能看到。"
        extra={
          can('healthcheck.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              设立体检项目
            </Button>
          )
        }
      />
      <RecordPicker
        label="体检项目"
        items={list.data?.items}
        loading={list.isLoading}
        value={id}
        onChange={(v) => setParams({ programme: String(v) }, { replace: true })}
        empty={can('healthcheck.manage') ? '还没有体检项目。点击右上角“设立体检项目”开始' : '区总工会还没有设立体检项目'}
        actions={
          p &&
          can('healthcheck.manage') &&
          p.status === 'open' && (
            <ConfirmButton title="结束报名？" description="结束后不能再报名；已报名的职工照常体检和登记结果。" okText="结束报名" url={`/api/health-checks/${p.id}/close`} refresh={[['health-checks']]}>
              结束报名
            </ConfirmButton>
          )
        }
      >
        {p && (
          <>
            <LedgerDetails columns={PROGRAMME_LEDGER.columns} row={p} column={{ xs: 1, sm: 2, lg: 4 }} bordered={false} />
            <Space wrap size="large">
              {p.groups.map((g) => (
                <div key={g.group} style={{ width: 190 }}>
                  <Typography.Text>{g.groupLabel}</Typography.Text>
                  <Progress percent={Math.round((g.signedUp / g.places) * 100)} success={{ percent: Math.round((g.done / g.places) * 100) }} size="small" format={() => `${g.signedUp}/${g.places}`} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    已体检 {g.done} 人
                  </Typography.Text>
                </div>
              ))}
            </Space>
          </>
        )}
      </RecordPicker>
      {p && <SignupsTable programme={p} />}
      <ProgrammeDialog open={creating} onClose={() => setCreating(false)} onCreated={(newId) => (setCreating(false), setParams({ programme: String(newId) }, { replace: true }))} />
    </>
  );
}

function SignupsTable({ programme: p }: { programme: Programme }) {
  const me = useMe();
  const can = (x: string) => me.permissions.includes(x);
  const { message, modal } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  // The home page's due work opens the list filtered to it.
  const [filters, setFilters] = useState<{ q?: string; status?: string; group?: string; due?: string }>({ due: params.get('due') ?? undefined });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [resultsOf, setResultsOf] = useState<Signup | null>(null);
  const [form] = Form.useForm();
  const [resultsForm] = Form.useForm();
  const set = (k: string, v: unknown) => (setFilters((f) => ({ ...f, [k]: v || undefined })), setPage((x) => ({ ...x, page: 1 })));
  const list = useQuery({
    queryKey: ['health-checks', 'signups', p.id, filters, page],
    queryFn: () => get<{ items: Signup[]; total: number }>(`/api/health-checks/${p.id}/signups${query({ ...filters, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['health-checks'] });
  const act = async (url: string, body: unknown, done: string) => {
    try {
      await post(url, body);
      void message.success(done);
      refresh();
    } catch (e) {
      showRefusal(e);
    }
  };
  const view = async (s: Signup) => {
    try {
      const r = await post<{ abnormal: boolean; findings: string | null; followUp: string | null }>(`/api/health-checks/signups/${s.id}/results/view`);
      modal.info({
        title: `${s.memberName}的体检结果`,
        okText: '关闭',
        content: (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="是否有异常">{r.abnormal ? <Tag color="red">有异常</Tag> : <Tag color="green">未见异常</Tag>}</Descriptions.Item>
            <Descriptions.Item label="主要结果">{r.findings ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="复查和健康指导">{r.followUp ?? '—'}</Descriptions.Item>
          </Descriptions>
        ),
      });
    } catch (e) {
      showRefusal(e, '未能查看体检结果');
    }
  };
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search placeholder="姓名" allowClear onSearch={(v) => set('q', v)} style={{ width: 150 }} />
          <Select allowClear placeholder="人群" style={{ width: 170 }} onChange={(v) => set('group', v)} options={p.groups.map((g) => ({ value: g.group, label: g.groupLabel }))} />
          <Select allowClear placeholder="状态" style={{ width: 110 }} onChange={(v) => set('status', v)} options={labelOptions(SIGNUP_STATUS_LABELS)} />
          <Select allowClear placeholder="待办" style={{ width: 190 }} value={filters.due} onChange={(v) => set('due', v)} options={labelOptions(SIGNUP_DUE_LABELS)} />
          <ExportButton url={`/api/health-checks/${p.id}/signups/export${query(filters)}`} fileName={`${p.name}-报名名单.xlsx`} />
          {can('healthcheck.write') && p.status === 'open' && (
            <Button type="primary" onClick={() => (form.resetFields(), form.setFieldsValue({ group: p.groups[0]?.group, slotOn: dayjs().isAfter(p.startsOn) ? dayjs() : dayjs(p.startsOn) }), setAdding(true))}>
              为职工报名
            </Button>
          )}
        </Space>
      </Card>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="还没有报名记录" /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (x, s) => setPage({ page: x, pageSize: s }))}
        columns={[
          { title: '姓名', dataIndex: 'memberName' },
          { title: '所在工会', dataIndex: 'orgName', ellipsis: true, width: 220 },
          { title: '人群', dataIndex: 'groupLabel' },
          { title: '预约日期', dataIndex: 'slotOn' },
          { title: '状态', dataIndex: 'statusLabel', render: (v, s) => <Tag color={STATUS_COLORS[s.status]}>{v}</Tag> },
          { title: '体检日期', dataIndex: 'doneOn', render: (v) => v ?? '—' },
          { title: '结果', dataIndex: 'hasResults', render: (v: boolean, s) => (v ? `已登记${s.reportDeliveredOn ? `，${s.reportDeliveredOn} 送达` : ''}` : s.status === 'done' ? <Tag color="orange">待登记</Tag> : '—') },
          {
            title: '操作',
            render: (_, s) => (
              <Space size={0}>
                {/* Step buttons follow the steps the server sent with the sign-up (open to this user in its state). */}
                {has(s, 'mark_done') && (
                  <Button type="link" size="small" onClick={() => act(`/api/health-checks/signups/${s.id}/done`, { doneOn: dayjs().isAfter(s.slotOn) ? s.slotOn : iso(dayjs()) }, '已登记体检完成')}>
                    登记完成
                  </Button>
                )}
                {has(s, 'record_results') && (
                  <Button type="link" size="small" onClick={() => (resultsForm.resetFields(), resultsForm.setFieldsValue({ abnormal: false, deliveredOn: dayjs() }), setResultsOf(s))}>
                    {s.hasResults ? '更正结果' : '登记结果'}
                  </Button>
                )}
                {can('healthcheck.results') && s.hasResults && (
                  <Button type="link" size="small" onClick={() => void view(s)}>
                    查看结果
                  </Button>
                )}
                {has(s, 'cancel') && (
                  <Popconfirm title={`取消 ${s.memberName} 的报名？`} description="名额将释放给其他职工。" okText="取消报名" cancelText="不取消" onConfirm={() => act(`/api/health-checks/signups/${s.id}/cancel`, {}, '已取消')}>
                    <Button type="link" size="small" danger>
                      取消
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ memberId: number; group: string; slotOn: dayjs.Dayjs }>
        title={`为职工报名：${p.name}`}
        open={adding}
        okText="报名"
        form={form}
        onCancel={() => setAdding(false)}
        onSubmit={async (v) => {
          await post(`/api/health-checks/${p.id}/signups`, { memberId: v.memberId, group: v.group, slotOn: iso(v.slotOn) });
          void message.success('已报名');
          setAdding(false);
          refresh();
        }}
      >
          <Form.Item name="memberId" label="职工" rules={[{ required: true, message: '请选择职工' }]}>
            <MemberPicker />
          </Form.Item>
          <Form.Item name="group" label="人群" extra="快递员、外卖配送员、网约车司机、农民工和“两癌”筛查按会员档案核对" rules={[{ required: true, message: '请选择人群' }]}>
            <Radio.Group options={p.groups.map((g) => ({ value: g.group, label: `${g.groupLabel}（余 ${Math.max(0, g.places - g.signedUp)}）` }))} />
          </Form.Item>
          <Form.Item name="slotOn" label="预约体检日期" rules={[{ required: true, message: '请选择预约日期' }]}>
            <DatePicker disabledDate={(d) => d.isBefore(p.startsOn, 'day') || d.isAfter(p.endsOn, 'day')} />
          </Form.Item>
      </FormModal>
      <FormModal<{ abnormal: boolean; findings?: string; followUp?: string; deliveredOn?: dayjs.Dayjs }>
        title={resultsOf ? `登记体检结果：${resultsOf.memberName}` : ''}
        open={!!resultsOf}
        okText="保存"
        form={resultsForm}
        onCancel={() => setResultsOf(null)}
        onSubmit={async (v) => {
          await post(`/api/health-checks/signups/${resultsOf!.id}/results`, { abnormal: v.abnormal, findings: v.findings || undefined, followUp: v.followUp || undefined, reportDeliveredOn: v.deliveredOn ? iso(v.deliveredOn) : undefined });
          void message.success('已保存（加密）');
          setResultsOf(null);
          refresh();
        }}
      >
          <Form.Item name="abnormal" label="是否有异常" rules={[{ required: true, message: '请选择是否有异常' }]}>
            <Radio.Group options={[{ value: false, label: '未见异常' }, { value: true, label: '有异常，需复查' }]} />
          </Form.Item>
          <Form.Item name="findings" label="主要结果">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="followUp" label="复查和健康指导">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="deliveredOn" label="报告送达日期">
            <DatePicker />
          </Form.Item>
      </FormModal>
    </>
  );
}

function ProgrammeDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(id: number): void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!open) return;
    const y = dayjs().year();
    form.setFieldsValue({ year: y, name: `${y}年一线职工免费体检`, dates: [dayjs(), dayjs(`${y}-12-31`)], quotas: [{ group: 'sanitation', places: 100 }, { group: 'courier', places: 50 }] });
  }, [open]);
  return (
    <FormModal<{ year: number; name: string; provider: string; package?: string; dates: [dayjs.Dayjs, dayjs.Dayjs]; budget?: number | null; quotas?: { group: string; places: number }[] }>
      title="设立免费体检项目"
      open={open}
      okText="设立"
      width={620}
      form={form}
      onCancel={onClose}
      onSubmit={async (v) => {
        const { dates, budget, ...rest } = v;
        const budgetFen = budget == null ? undefined : Math.round(budget * 100);
        const r = await post<Programme>('/api/health-checks', { ...compact(rest), startsOn: iso(dates[0]), endsOn: iso(dates[1]), budgetFen, quotas: v.quotas ?? [] });
        void qc.invalidateQueries({ queryKey: ['health-checks'] });
        onCreated(r.id);
      }}
    >
        <FormFields fields={PROGRAMME_FIELDS} />
        <Typography.Text strong>各类人群名额</Typography.Text>
        <Form.List name="quotas">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'group']} rules={[{ required: true, message: '请选择人群' }]}>
                    <Select style={{ width: 220 }} placeholder="人群" options={labelOptions(GROUP_LABELS)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'places']} rules={[{ required: true, message: '请填写名额' }]}>
                    <InputNumber min={1} max={100_000} addonAfter="人" />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除这一类" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ places: 50 })}>
                增加一类人群
              </Button>
            </>
          )}
        </Form.List>
    </FormModal>
  );
}
