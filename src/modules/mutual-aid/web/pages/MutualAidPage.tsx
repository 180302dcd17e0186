import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { yuan } from '@platform/money';
import { get, post, put, query } from '@ui/api';
import { ExportButton, PageHeader, pagination } from '@ui/components';
import { useShowRefusal } from '@ui/ServerForm';
import { labelOptions } from '@ui/forms';
import { ConfirmButton, FormModal, useAskReason } from '@ui/dialogs';
import { ImportDialog } from '@ui/ImportDialog';
import { MemberPicker } from '@ui/MemberPicker';
import { RecordPicker } from '@ui/RecordPicker';
import { useMe } from '@ui/session';
import { ClaimFilesDialog } from '../components/ClaimFilesDialog';
import { CLAIM_STATUS_LABELS, ENROLMENT_STATUS_LABELS, PRODUCT_LABELS, type Claim, type Enrolment, type Plan } from '../../shared/mutual-aid.schema';

const CLAIM_COLORS: Record<string, string> = { submitted: 'gold', approved: 'blue', paid: 'green', rejected: 'default' };
const today = () => dayjs().format('YYYY-MM-DD');
const fen = (y: number | null | undefined) => Math.round((y ?? 0) * 100);

/** 职工大病互助: the plan of a year, its enrolments (one by one or by Excel), claims and the streets' targets. */
export function MutualAidPage() {
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const plans = useQuery({ queryKey: ['mutual-aid', 'plans'], queryFn: () => get<{ items: Plan[] }>('/api/mutual-aid/plans') });
  const planId = Number(params.get('plan')) || plans.data?.items[0]?.id;
  const plan = plans.data?.items.find((p) => p.id === planId);
  const tab = params.get('tab') ?? 'enrolments';
  const go = (next: Record<string, string>) => setParams({ ...(planId ? { plan: String(planId) } : {}), ...next }, { replace: true });
  return (
    <>
      <PageHeader
        title="职工大病互助"
        help="区总工会每年设立互助计划并向各街道（产业）工会分配参保任务；基层工会为会员逐个或用 Excel 批量参保；会员患病住院后由所在工会提交理赔，区总工会审核核准金额后支付。诊断属于敏感个人信息，加密保存，查看需授权并记入审计。"
        extra={
          can('mutualaid.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              设立互助计划
            </Button>
          )
        }
      />
      <RecordPicker
        label="互助计划"
        items={plans.data?.items}
        loading={plans.isLoading}
        value={planId}
        onChange={(v) => setParams({ plan: String(v), tab }, { replace: true })}
        empty={can('mutualaid.manage') ? '还没有互助计划。点击右上角“设立互助计划”开始' : '区总工会还没有设立互助计划'}
        actions={
          plan &&
          can('mutualaid.manage') &&
          plan.status === 'open' && (
            <ConfirmButton title="截止参保？" description="截止后不能再参保（含 Excel 批量参保），已参保会员照常理赔。" okText="截止" url={`/api/mutual-aid/plans/${plan.id}/close`} refresh={[['mutual-aid']]}>
              截止参保
            </ConfirmButton>
          )
        }
      >
        {plan && <PlanSummary plan={plan} />}
      </RecordPicker>
      {plan && (
        <Tabs
          activeKey={tab}
          onChange={(k) => go({ tab: k })}
          destroyOnHidden
          items={[
            { key: 'enrolments', label: '参保名单', children: <EnrolmentsTab plan={plan} /> },
            { key: 'claims', label: '理赔', children: <ClaimsTab plan={plan} /> },
            { key: 'quotas', label: '参保任务完成情况', children: <QuotasTab plan={plan} /> },
          ]}
        />
      )}
      <PlanDialog open={creating} onClose={() => setCreating(false)} onCreated={(id) => (setCreating(false), setParams({ plan: String(id), tab: 'quotas' }, { replace: true }))} />
    </>
  );
}

function PlanSummary({ plan }: { plan: Plan }) {
  const percent = plan.quota ? Math.min(100, Math.round((plan.enrolled / plan.quota) * 100)) : null;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
      <Descriptions.Item label="类别">{plan.productLabel}</Descriptions.Item>
      <Descriptions.Item label="每份互助金">{yuan(plan.premiumFen)}（每人最多 {plan.maxShares} 份）</Descriptions.Item>
      <Descriptions.Item label="每份年度最高给付">{yuan(plan.benefitPerShareFen)}</Descriptions.Item>
      <Descriptions.Item label="保障期">
        {plan.coverStart} 至 {plan.coverEnd}
      </Descriptions.Item>
      <Descriptions.Item label="参保截止">{plan.enrolUntil}</Descriptions.Item>
      <Descriptions.Item label="已参保">
        {plan.enrolled.toLocaleString()} 人{plan.quota ? ` / 任务 ${plan.quota.toLocaleString()} 人` : ''}
        {percent !== null && <Progress percent={percent} size="small" style={{ width: 120, marginLeft: 8, display: 'inline-flex' }} />}
      </Descriptions.Item>
      <Descriptions.Item label="互助金合计">{yuan(plan.premiumTotalFen)}</Descriptions.Item>
      <Descriptions.Item label="理赔">
        {plan.claims} 件，已支付 {yuan(plan.paidFen)}
      </Descriptions.Item>
    </Descriptions>
  );
}

interface PlanForm {
  year: number;
  name: string;
  product: string;
  premium: number;
  maxShares: number;
  benefit: number;
  cover: [dayjs.Dayjs, dayjs.Dayjs];
  enrolUntil: dayjs.Dayjs;
}

function PlanDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(id: number): void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!open) return;
    const y = dayjs().year();
    form.setFieldsValue({ year: y, name: `${y}年度职工住院医疗互助`, product: 'inpatient', premium: 30, maxShares: 3, benefit: 3000, cover: [dayjs(`${y}-01-01`), dayjs(`${y}-12-31`)], enrolUntil: dayjs(`${y}-12-31`) });
  }, [open]);
  return (
    <FormModal<PlanForm>
      title="设立互助计划"
      open={open}
      okText="设立"
      form={form}
      onCancel={onClose}
      onSubmit={async (v) => {
        const r = await post<Plan>('/api/mutual-aid/plans', {
          year: v.year,
          name: v.name,
          product: v.product,
          premiumFen: fen(v.premium),
          maxShares: v.maxShares,
          benefitPerShareFen: fen(v.benefit),
          coverStart: v.cover[0].format('YYYY-MM-DD'),
          coverEnd: v.cover[1].format('YYYY-MM-DD'),
          enrolUntil: v.enrolUntil.format('YYYY-MM-DD'),
        });
        void qc.invalidateQueries({ queryKey: ['mutual-aid'] });
        onCreated(r.id);
      }}
    >
        <Space wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="product" label="互助类别" rules={[{ required: true, message: '请选择互助类别' }]}>
            <Select style={{ width: 200 }} options={labelOptions(PRODUCT_LABELS)} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label="计划名称" rules={[{ required: true, min: 2, message: '请填写计划名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="premium" label="每份互助金" rules={[{ required: true, message: '请填写每份互助金' }]}>
            <InputNumber min={0.01} precision={2} addonAfter="元" />
          </Form.Item>
          <Form.Item name="maxShares" label="每人最多份数" rules={[{ required: true, message: '请填写每人最多份数' }]}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="benefit" label="每份年度最高给付" rules={[{ required: true, message: '请填写每份年度最高给付' }]}>
            <InputNumber min={0.01} precision={2} addonAfter="元" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="cover" label="保障期" rules={[{ required: true, message: '请选择保障期' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="enrolUntil" label="参保截止日期" rules={[{ required: true, message: '请选择参保截止日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
    </FormModal>
  );
}

function EnrolmentsTab({ plan }: { plan: Plan }) {
  const me = useMe();
  const canWrite = me.permissions.includes('mutualaid.write');
  const { message } = App.useApp();
  const askReason = useAskReason();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ q?: string; status?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['mutual-aid', 'enrolments', plan.id, filters, page],
    queryFn: () => get<{ items: Enrolment[]; total: number }>(`/api/mutual-aid/plans/${plan.id}/enrolments${query({ ...filters, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['mutual-aid'] });
  const open = plan.status === 'open' && plan.enrolUntil >= today();
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search placeholder="姓名" allowClear onSearch={(v) => (setFilters((f) => ({ ...f, q: v || undefined })), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 150 }} />
          <Select allowClear placeholder="状态" style={{ width: 110 }} onChange={(v) => (setFilters((f) => ({ ...f, status: v })), setPage((p) => ({ ...p, page: 1 })))} options={labelOptions(ENROLMENT_STATUS_LABELS)} />
          <ExportButton url={`/api/mutual-aid/plans/${plan.id}/enrolments/export${query(filters)}`} fileName={`${plan.name}-参保名单.xlsx`} />
          {canWrite && open && (
            <>
              <Button type="primary" onClick={() => (form.resetFields(), form.setFieldsValue({ shares: 1, paidOn: dayjs() }), setAdding(true))}>
                办理参保
              </Button>
              <Button onClick={() => setImporting(true)}>Excel 批量参保</Button>
            </>
          )}
          {canWrite && !open && <Typography.Text type="secondary">本计划已截止参保</Typography.Text>}
        </Space>
      </Card>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={canWrite && open ? '还没有参保记录。可逐个办理，或下载模板用 Excel 批量参保' : '没有符合条件的参保记录'} /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        columns={[
          { title: '姓名', dataIndex: 'memberName' },
          { title: '身份证号码', dataIndex: 'idNumberMasked' },
          { title: '所在工会', dataIndex: 'orgName', ellipsis: true, width: 240 },
          { title: '份数', dataIndex: 'shares', align: 'right' },
          { title: '互助金', dataIndex: 'premiumFen', align: 'right', render: (v: number) => yuan(v) },
          { title: '缴费日期', dataIndex: 'paidOn' },
          { title: '状态', dataIndex: 'statusLabel', render: (v, r) => (r.status === 'enrolled' ? <Tag color="green">{v}</Tag> : <Tag title={r.withdrawReason ?? ''}>{v}</Tag>) },
          {
            title: '操作',
            render: (_, r) =>
              canWrite && r.status === 'enrolled' ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() =>
                    askReason({
                      title: `为 ${r.memberName} 办理退保？`,
                      placeholder: '退保原因（必填），如：调离本区',
                      okText: '退保',
                      onOk: async (reason) => {
                        await post(`/api/mutual-aid/enrolments/${r.id}/withdraw`, { reason });
                        void message.success('已退保');
                        refresh();
                      },
                    })
                  }
                >
                  退保
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<{ memberId: number; shares: number; paidOn: dayjs.Dayjs }>
        title={`办理参保：${plan.name}`}
        open={adding}
        okText="参保"
        form={form}
        onCancel={() => setAdding(false)}
        onSubmit={async (v) => {
          await post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId: v.memberId, shares: v.shares, paidOn: v.paidOn.format('YYYY-MM-DD') });
          void message.success('已参保');
          setAdding(false);
          refresh();
        }}
      >
          <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
            <MemberPicker />
          </Form.Item>
          <Space wrap>
            <Form.Item name="shares" label={`份数（每份 ${yuan(plan.premiumFen)}）`} rules={[{ required: true, message: '请填写份数' }]}>
              <InputNumber min={1} max={plan.maxShares} />
            </Form.Item>
            <Form.Item name="paidOn" label="缴费日期" rules={[{ required: true, message: '请选择缴费日期' }]}>
              <DatePicker />
            </Form.Item>
        </Space>
      </FormModal>
      <ImportDialog
        kind="mutual-aid-enrolments"
        title={`批量参保：${plan.name}`}
        params={{ planId: plan.id }}
        addOnly
        note={`每行一名会员：身份证号码、姓名须与会员档案一致；份数不填为 1 份，最多 ${plan.maxShares} 份。已参保的会员请勿重复列入。`}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={refresh}
      />
    </>
  );
}

function ClaimsTab({ plan }: { plan: Plan }) {
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p);
  const { message, modal } = App.useApp();
  const showRefusal = useShowRefusal();
  const askReason = useAskReason();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  // The home page's due work opens this tab filtered by status.
  const [filters, setFilters] = useState<{ q?: string; status?: string }>({ status: params.get('status') ?? undefined });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [submitting, setSubmitting] = useState(false);
  const [approving, setApproving] = useState<Claim | null>(null);
  const [filesOf, setFilesOf] = useState<number | null>(null);
  const [form] = Form.useForm();
  const [approveForm] = Form.useForm();
  const list = useQuery({
    queryKey: ['mutual-aid', 'claims', plan.id, filters, page],
    queryFn: () => get<{ items: Claim[]; total: number }>(`/api/mutual-aid/plans/${plan.id}/claims${query({ ...filters, ...page })}`),
    placeholderData: keepPreviousData,
  });
  const [memberQ, setMemberQ] = useState('');
  const enrolments = useQuery({
    queryKey: ['mutual-aid', 'enrolments', plan.id, 'pick', memberQ],
    queryFn: () => get<{ items: Enrolment[] }>(`/api/mutual-aid/plans/${plan.id}/enrolments${query({ q: memberQ, status: 'enrolled', pageSize: 20 })}`),
    enabled: submitting && memberQ.length > 0,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['mutual-aid'] });
  // A refusal is shown by the caller: in the dialog's alert (核准, 不予给付) or in a refusal dialog (登记支付).
  const decide = async (c: Claim, body: Record<string, unknown>, done: string) => {
    await post(`/api/mutual-aid/claims/${c.id}/decision`, body);
    void message.success(done);
    refresh();
  };
  const reveal = async (c: Claim) => {
    try {
      const r = await post<{ diagnosis: string }>(`/api/mutual-aid/claims/${c.id}/diagnosis`);
      modal.info({ title: `${c.memberName}的疾病诊断`, content: r.diagnosis, okText: '关闭' });
    } catch (e) {
      showRefusal(e, '未能查看疾病诊断');
    }
  };
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search placeholder="姓名" allowClear onSearch={(v) => (setFilters((f) => ({ ...f, q: v || undefined })), setPage((p) => ({ ...p, page: 1 })))} style={{ width: 150 }} />
          <Select allowClear placeholder="状态" style={{ width: 140 }} value={filters.status} onChange={(v) => (setFilters((f) => ({ ...f, status: v })), setPage((p) => ({ ...p, page: 1 })))} options={labelOptions(CLAIM_STATUS_LABELS)} />
          <ExportButton url={`/api/mutual-aid/plans/${plan.id}/claims/export${query(filters)}`} fileName={`${plan.name}-理赔记录.xlsx`} />
          {can('mutualaid.write') && (
            <Button type="primary" onClick={() => (form.resetFields(), setMemberQ(''), setSubmitting(true))}>
              提交理赔申请
            </Button>
          )}
        </Space>
      </Card>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有理赔记录" /> }}
        pagination={pagination(list.data?.total ?? 0, page.page, page.pageSize, (p, s) => setPage({ page: p, pageSize: s }))}
        columns={[
          { title: '姓名', dataIndex: 'memberName' },
          { title: '所在工会', dataIndex: 'orgName', ellipsis: true, width: 200 },
          { title: '就诊医院', dataIndex: 'hospital' },
          { title: '入院日期', dataIndex: 'admittedOn' },
          { title: '申请金额', dataIndex: 'claimedFen', align: 'right', render: (v: number) => yuan(v) },
          { title: '核准金额', dataIndex: 'approvedFen', align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
          { title: '状态', dataIndex: 'statusLabel', render: (v, r) => <Tag color={CLAIM_COLORS[r.status]} title={r.opinion ?? ''}>{v}</Tag> },
          { title: '支付日期', dataIndex: 'paidOn', render: (v) => v ?? '—' },
          {
            title: '操作',
            render: (_, c) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setFilesOf(c.id)}>
                  材料（{c.files.length}）
                </Button>
                {can('mutualaid.sensitive') && (
                  <Button type="link" size="small" onClick={() => void reveal(c)}>
                    查看诊断
                  </Button>
                )}
                {/* The decisions the server sent with the claim: only those open to this user in its state. */}
                {c.steps.some((s) => s.code === 'approve') && (
                  <>
                    <Button type="link" size="small" onClick={() => (approveForm.setFieldsValue({ approved: Math.min(c.claimedFen, c.remainingFen) / 100, opinion: undefined }), setApproving(c))}>
                      核准
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() =>
                        askReason({
                          title: `${c.memberName}的理赔不予给付？`,
                          placeholder: '理由（必填）',
                          okText: '不予给付',
                          maxLength: 300,
                          onOk: (opinion) => decide(c, { action: 'reject', opinion }, '已办理'),
                        })
                      }
                    >
                      不予给付
                    </Button>
                  </>
                )}
                {c.steps.some((s) => s.code === 'pay') && (
                  <Popconfirm title={`确认已向${c.memberName}支付 ${yuan(c.approvedFen ?? 0)}？`} okText="已支付" cancelText="取消" onConfirm={() => decide(c, { action: 'pay', paidOn: today() }, '已登记支付').catch((e) => showRefusal(e, '未能登记支付'))}>
                    <Button type="link" size="small">
                      登记支付
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ enrolmentId: number; diagnosis: string; hospital: string; dates: [dayjs.Dayjs, dayjs.Dayjs | null]; claimed: number }>
        title="提交理赔申请"
        open={submitting}
        okText="提交"
        form={form}
        onCancel={() => setSubmitting(false)}
        onSubmit={async (v) => {
          await post('/api/mutual-aid/claims', {
            enrolmentId: v.enrolmentId,
            diagnosis: v.diagnosis,
            hospital: v.hospital,
            admittedOn: v.dates[0].format('YYYY-MM-DD'),
            dischargedOn: v.dates[1]?.format('YYYY-MM-DD'),
            claimedFen: fen(v.claimed),
          });
          void message.success('已提交，等待区总工会审核');
          setSubmitting(false);
          refresh();
        }}
      >
          <Form.Item name="enrolmentId" label="参保会员" rules={[{ required: true, message: '请选择参保会员' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setMemberQ}
              placeholder="输入姓名查找本计划的参保会员"
              notFoundContent={memberQ ? '本计划没有这位参保会员' : '请输入姓名'}
              options={enrolments.data?.items.map((e) => ({ value: e.id, label: `${e.memberName} · ${e.idNumberMasked} · ${e.shares} 份` }))}
            />
          </Form.Item>
          <Form.Item name="diagnosis" label="疾病诊断" extra="加密保存，仅有权限的人员可查看" rules={[{ required: true, min: 2, message: '请填写疾病诊断' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="hospital" label="就诊医院" rules={[{ required: true, min: 2, message: '请填写就诊医院' }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="dates" label="入院、出院日期" rules={[{ required: true, message: '请选择入院日期' }]}>
              <DatePicker.RangePicker allowEmpty={[false, true]} placeholder={['入院（确诊）', '出院']} />
            </Form.Item>
            <Form.Item name="claimed" label="医疗费用（个人负担部分）" rules={[{ required: true, message: '请填写金额' }]}>
              <InputNumber min={0.01} precision={2} addonAfter="元" />
            </Form.Item>
        </Space>
      </FormModal>
      <ClaimFilesDialog claim={list.data?.items.find((c) => c.id === filesOf) ?? null} onClose={() => setFilesOf(null)} onChanged={refresh} />
      <Modal
        title={approving ? `核准理赔：${approving.memberName}` : ''}
        open={!!approving}
        okText="核准"
        onCancel={() => setApproving(null)}
        onOk={async () => {
          const v = await approveForm.validateFields();
          try {
            await decide(approving!, { action: 'approve', approvedFen: fen(v.approved), opinion: v.opinion || undefined }, '已核准');
            setApproving(null);
          } catch {
            /* shown */
          }
        }}
      >
        {approving && (
          <Typography.Paragraph type="secondary">
            申请 {yuan(approving.claimedFen)}；本参保人本年度还可给付 {yuan(approving.remainingFen)}。
          </Typography.Paragraph>
        )}
        <Form form={approveForm} layout="vertical">
          <Form.Item name="approved" label="核准给付金额" rules={[{ required: true, message: '请填写核准金额' }]}>
            <InputNumber min={0.01} precision={2} addonAfter="元" />
          </Form.Item>
          <Form.Item name="opinion" label="审核意见">
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function QuotasTab({ plan }: { plan: Plan }) {
  const me = useMe();
  const canManage = me.permissions.includes('mutualaid.manage');
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const rows = useQuery({ queryKey: ['mutual-aid', 'quotas', plan.id], queryFn: () => get<{ orgId: number; orgName: string; quota: number | null; enrolled: number; percent: number | null }[]>(`/api/mutual-aid/plans/${plan.id}/quotas`) });
  const [draft, setDraft] = useState<Record<number, number | null>>({});
  const [editing, setEditing] = useState(false);
  return (
    <>
      {canManage && (
        <Card size="small" style={{ marginBottom: 12 }}>
          {editing ? (
            <Space>
              <Button
                type="primary"
                onClick={async () => {
                  try {
                    await put(`/api/mutual-aid/plans/${plan.id}/quotas`, { quotas: (rows.data ?? []).map((r) => ({ orgId: r.orgId, persons: draft[r.orgId] ?? r.quota ?? 0 })) });
                    void message.success('参保任务已保存');
                    setEditing(false);
                    void qc.invalidateQueries({ queryKey: ['mutual-aid'] });
                  } catch (e) {
                    showRefusal(e, '未能保存参保任务');
                  }
                }}
              >
                保存任务
              </Button>
              <Button onClick={() => (setDraft({}), setEditing(false))}>取消</Button>
            </Space>
          ) : (
            <Button onClick={() => setEditing(true)}>分配参保任务</Button>
          )}
        </Card>
      )}
      <Table
        rowKey="orgId"
        size="small"
        loading={rows.isFetching}
        dataSource={rows.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有下一级工会的任务" /> }}
        columns={[
          { title: '工会', dataIndex: 'orgName' },
          {
            title: '参保任务（人）',
            dataIndex: 'quota',
            align: 'right',
            render: (v: number | null, r) => (editing ? <InputNumber min={0} max={1_000_000} value={draft[r.orgId] ?? v ?? undefined} onChange={(n) => setDraft((d) => ({ ...d, [r.orgId]: n }))} /> : (v ?? '未分配')),
          },
          { title: '已参保（人）', dataIndex: 'enrolled', align: 'right' },
          { title: '完成率', dataIndex: 'percent', render: (v: number | null) => (v === null ? '—' : <Progress percent={Math.min(100, v)} format={() => `${v}%`} size="small" style={{ width: 160 }} status={v >= 100 ? 'success' : 'active'} />) },
        ]}
      />
    </>
  );
}
