import { ClockCircleOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { get, patch, post } from '@ui/api';
import { errorText, PageHeader } from '@ui/components';
import { FormFields, type FieldRows } from '@ui/FormFields';
import { LedgerDetails, LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerSteps, LedgerTable, recentYears, useOpenRecord, type StepDialogSpec } from '@ui/ledger';
import { useMe } from '@ui/session';
import type { AvailableStep } from '@platform/workflow/machine';
import { CONTRACT_CLOCK_RULES, type ClockState, type ContractClock } from '../shared/contract-clocks';
import { CONTRACT_MACHINE } from '../shared/contract-machine';
import { CONTRACT_KIND, CONTRACT_PAPERS, CONTRACT_SCOPE, CONTRACT_STAGES, CONTRACTS, OFFER_BY, type Contract, type ContractDetail, type CoveredEmployer } from '../shared/contract.ledger';
import { ContractPermissions } from '../shared/contracts.module';
import { ClockSettingsDialog, useClockRules } from './ClockSettingsDialog';

const KEY = 'contracts';
const R = CONTRACT_CLOCK_RULES;
const CLOCK_TAG: Record<ClockState, { color: string; text: string }> = {
  done: { color: 'success', text: '按期办结' },
  late: { color: 'warning', text: '逾期办结' },
  open: { color: 'default', text: '进行中' },
  soon: { color: 'processing', text: '即将到期' },
  overdue: { color: 'error', text: '已逾期' },
};
type Employer = { id: number; uscc: string; name: string; employees: number };

/** Adds a covered enterprise from the employer register (name or USCC); the rows below stay editable by hand. */
function EmployerAdder({ onPick }: { onPick(e: CoveredEmployer): void }) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['employers', 'pick', q], enabled: q.length >= 2, queryFn: () => get<{ items: Employer[] }>(`/api/employers?q=${encodeURIComponent(q)}&page=1&pageSize=20`) });
  return (
    <Select<number>
      aria-label="从用人单位名录添加覆盖企业"
      showSearch
      filterOption={false}
      value={null}
      placeholder="输入企业名称或信用代码，从用人单位名录添加"
      notFoundContent={q.length < 2 ? '至少输入 2 个字' : found.isLoading ? '查找中…' : found.isError ? `查不到用人单位名录：${errorText(found.error)}；可在下方手工填写` : '名录中没有这家单位，可在下方手工填写'}
      onSearch={setQ}
      options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}，${e.employees} 人）` }))}
      onChange={(id) => {
        const e = found.data?.items.find((x) => x.id === id);
        if (e) onPick({ uscc: e.uscc, name: e.name, workers: e.employees });
      }}
      style={{ width: '100%', marginBottom: 8 }}
    />
  );
}

function CoveredEmployers({ locked }: { locked: boolean }) {
  const form = Form.useFormInstance();
  return (
    <Form.List
      name="employers"
      rules={[
        {
          validator: async (_, v: unknown[] | undefined) => {
            if (!v?.length) throw new Error('请至少填写一家覆盖企业');
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <section aria-label="覆盖企业">
          <Typography.Text strong>覆盖企业</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {locked ? '合同已签订，覆盖企业不能再改。' : '单个企业的合同填一家；区域性、行业性合同逐家填写（覆盖率按信用代码与用人单位名录对应）。'}
          </Typography.Paragraph>
          {!locked && <EmployerAdder onPick={(e) => ((form.getFieldValue('employers') ?? []) as CoveredEmployer[]).some((x) => x.uscc === e.uscc) || add(e)} />}
          {rows.map((f, i) => (
            <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
              <Typography.Text type="secondary" style={{ width: 44, display: 'inline-block' }}>{`第 ${i + 1} 家`}</Typography.Text>
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写企业名称' }]}>
                <Input disabled={locked} aria-label={`第 ${i + 1} 家企业名称`} placeholder="企业名称" style={{ width: 200 }} maxLength={80} />
              </Form.Item>
              <Form.Item name={[f.name, 'uscc']} rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
                <Input disabled={locked} aria-label={`第 ${i + 1} 家统一社会信用代码`} placeholder="统一社会信用代码" style={{ width: 190 }} maxLength={18} />
              </Form.Item>
              <Form.Item name={[f.name, 'workers']} rules={[{ required: true, message: '请填写覆盖职工人数' }]}>
                <InputNumber disabled={locked} aria-label={`第 ${i + 1} 家覆盖职工人数`} min={1} precision={0} addonAfter="人" style={{ width: 120 }} />
              </Form.Item>
              {!locked && <MinusCircleOutlined aria-label={`删除第 ${i + 1} 家`} onClick={() => remove(f.name)} />}
            </Space>
          ))}
          {!locked && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              手工添加一家
            </Button>
          )}
          <div role="alert" style={{ marginBottom: 16 }}>
            <Form.ErrorList errors={errors} />
          </div>
        </section>
      )}
    </Form.List>
  );
}

function ContractForm({ open, record, onClose, onSaved }: { open: boolean; record: ContractDetail | null; onClose(): void; onSaved(id: number): void }) {
  const { span } = useClockRules();
  const [kind, setKind] = useState<string | undefined>(undefined);
  const shownKind = kind ?? record?.kind;
  const locked = !!record?.signedOn;
  const fields: FieldRows = [
    ...(record ? [] : [{ name: 'orgId', label: '签订合同的工会', required: '请选择工会', input: <OrgTreeSelect placeholder="企业工会、区域或行业工会" /> }]),
    [
      { name: 'kind', label: '合同类型', required: '请选择合同类型', input: <Select disabled={locked} options={CONTRACT_KIND.options()} onChange={(v: string) => setKind(v)} style={{ width: 240 }} /> },
      { name: 'scope', label: '覆盖范围', required: '请选择覆盖范围', input: <Select disabled={locked} options={CONTRACT_SCOPE.options()} style={{ width: 120 }} /> },
    ],
    { name: 'title', label: '合同名称', required: '请填写合同名称', input: <Input maxLength={80} placeholder="如 云溪精密机械有限公司 2027 年工资专项集体合同" /> },
    [
      { name: 'offerOn', label: '要约日期', required: '请选择要约日期', input: <DatePicker disabled={locked} disabledDate={(d) => d.isAfter(dayjs())} /> },
      { name: 'offerBy', label: '要约方', required: '请选择要约方', input: <Select options={OFFER_BY.options()} style={{ width: 110 }} /> },
      { name: 'session', label: '届次', input: <Input maxLength={20} placeholder="如 第三届" style={{ width: 110 }} /> },
    ],
  ];
  const wage: FieldRows = [
    [
      { name: 'avgWageLastYear', label: '上年度职工平均工资', input: <InputNumber min={0} precision={0} addonAfter="元" style={{ width: 170 }} /> },
      { name: 'wageIncreasePct', label: '工资增长幅度', input: <InputNumber min={-50} max={100} step={0.5} addonAfter="%" style={{ width: 130 }} /> },
      { name: 'minWageMultiple', label: '最低工资标准倍数', input: <InputNumber min={1} max={10} step={0.1} style={{ width: 110 }} /> },
    ],
  ];
  return (
    <LedgerFormDrawer<ContractDetail>
      open={open}
      title={record ? `修改：${record.title}` : '登记集体协商要约'}
      intro={record ? undefined : `收到要约的一方应在 ${span('reply')}内书面答复，答复后 ${span('talks')}内开始协商；以后每一步在合同详情里登记，时限自动计算。`}
      fields={fields}
      initial={record ?? { offerOn: dayjs().format('YYYY-MM-DD'), offerBy: 'union', scope: 'single', employers: [] }}
      dates={['offerOn']}
      queryKey={KEY}
      save={(body) => {
        const { employers, ...rest } = body;
        // Wage figures belong to a wage contract only: another kind sends them blank.
        const wageFields = (rest.kind ?? record?.kind) === 'wage' ? {} : { avgWageLastYear: null, wageIncreasePct: null, minWageMultiple: null };
        const change = { ...rest, ...wageFields, ...(locked ? { kind: undefined, scope: undefined, offerOn: undefined } : { employers }) };
        return record ? patch<ContractDetail>(`/api/contracts/${record.id}`, { ...change, orgId: undefined }) : post<ContractDetail>('/api/contracts', change);
      }}
      onClose={() => (setKind(undefined), onClose())}
      onSaved={onSaved}
    >
      {shownKind === 'wage' && <FormFields fields={wage} />}
      <CoveredEmployers locked={locked} />
    </LedgerFormDrawer>
  );
}

/** What each step asks for beyond its date (the opinion of a step that needs one is added from the machine). */
function stepFields(code: string, r: ContractDetail): FieldRows {
  const note = (label: string, required?: string): FieldRows => [{ name: 'note', label, required, input: <Input.TextArea rows={3} maxLength={1000} /> }];
  switch (code) {
    case 'vote':
      return [
        [
          { name: 'delegatesTotal', label: '职工代表总数', required: '请填写职工代表总数', input: <InputNumber min={1} precision={0} addonAfter="人" /> },
          { name: 'delegatesPresent', label: '出席代表', required: '请填写出席代表人数', input: <InputNumber min={0} precision={0} addonAfter="人" /> },
        ],
        [
          { name: 'votesFor', label: '赞成票', required: '请填写赞成票数', input: <InputNumber min={0} precision={0} addonAfter="票" /> },
          { name: 'votesAgainst', label: '反对票', input: <InputNumber min={0} precision={0} addonAfter="票" /> },
        ],
      ];
    case 'sign':
      return [[
        { name: 'startsOn', label: '合同期限起', required: '请选择合同期限起始日', input: <DatePicker /> },
        { name: 'endsOn', label: '合同期限止', required: '请选择合同期限终止日', input: <DatePicker /> },
      ]];
    case 'file': {
      const due = dayjs(r.filingDueOn ?? dayjs(r.signedOn).add(R.filingDays, 'day'));
      return [{ name: 'lateReason', label: '逾期报送理由', extra: `签订于 ${r.signedOn}，最迟 ${due.format('YYYY-MM-DD')} 报送为按期；晚于这天须填写理由`, input: <Input.TextArea rows={2} maxLength={300} /> }];
    }
    case 'receive':
      return [{ name: 'receiptNo', label: '受理单号', input: <Input maxLength={40} /> }];
    case 'round':
      return note('协商情况（议题、双方意见）', '请填写协商情况');
    case 'report':
      return note('年度履行情况', '请填写履行情况');
    default:
      return note('情况说明');
  }
}

const OPINION_LABEL: Record<string, string> = { ask_correction: '需补正的材料', object: '审查意见', terminate: '终止原因' };

/** A step's dialog: its fields, the opinion's label, the rule to know before filling it in. */
function stepDialog(contract: ContractDetail, step: AvailableStep, span: ReturnType<typeof useClockRules>['span']): StepDialogSpec {
  const code = step.code;
  const hint =
    code === 'vote' ? '职代会须有三分之二以上代表出席，全体代表半数以上同意方为通过。'
    : code === 'sign' ? '集体合同期限为 1 至 3 年。'
    : code === 'file' ? '报送前请在“报送材料”中上传合同文本、协商情况说明、职代会决议和协商代表名单。'
    : code === 'receive' ? `人社部门自受理之日起 ${span('review')}内未提出异议的，合同自行生效。`
    : null;
  return { fields: stepFields(code, contract), opinionLabel: OPINION_LABEL[code], hint, dates: ['startsOn', 'endsOn'], initial: code === 'sign' ? { startsOn: dayjs(), endsOn: dayjs().add(3, 'year').subtract(1, 'day') } : undefined };
}

const STEP_LABEL: Record<string, string> = { offer: '发出要约', expire: '合同期满', ...Object.fromEntries(CONTRACT_MACHINE.stepCodes.map((s) => [s, CONTRACT_MACHINE.steps[s].label])) };

/** The contract's legal clocks, covered enterprises and history. */
function ContractBody({ r }: { r: ContractDetail }) {
  return (
    <>
      <section aria-label="法定时限" style={{ marginBottom: 16 }}>
        <Typography.Title level={5}>法定时限</Typography.Title>
        <LedgerTable<ContractClock>
          columns={[
            { key: 'label', header: '事项', value: (k) => k.label },
            { key: 'dueOn', header: '应办日期', value: (k) => k.dueOn },
            { key: 'doneOn', header: '办理日期', value: (k) => k.doneOn },
            { key: 'state', header: '情况', value: (k) => k.state },
          ]}
          render={{ state: (k) => <Tag color={CLOCK_TAG[k.state].color}>{CLOCK_TAG[k.state].text}</Tag> }}
          rows={r.clocks}
          rowKey="code"
          empty="还没有开始计算的时限"
        />
      </section>
      <LedgerDetails columns={CONTRACTS.columns.filter((c) => c.key !== 'nextClock')} row={r} />
      <section aria-label="覆盖企业">
        <Typography.Title level={5}>覆盖企业（{r.enterprises} 家，{r.workersCovered} 人）</Typography.Title>
        <LedgerTable<CoveredEmployer>
          columns={[
            { key: 'name', header: '企业名称', value: (e) => e.name },
            { key: 'uscc', header: '统一社会信用代码', value: (e) => e.uscc },
            { key: 'workers', header: '覆盖职工', value: (e) => e.workers },
          ]}
          rows={r.employers}
          rowKey="uscc"
          empty="没有覆盖企业"
        />
      </section>
      <section aria-label="办理经过">
        <Typography.Title level={5}>办理经过</Typography.Title>
        <LedgerTable<ContractDetail['events'][number]>
          columns={[
            { key: 'on', header: '日期', value: (x) => x.on },
            { key: 'step', header: '事项', value: (x) => STEP_LABEL[x.step] ?? x.step },
            { key: 'note', header: '情况', value: (x) => x.note },
          ]}
          rows={r.events}
          rowKey="id"
          empty="还没有办理记录"
        />
      </section>
    </>
  );
}

/** 集体合同: the register with its 待办 (every legal clock overdue or due within a week), a contract's drawer with its steps. */
export function ContractsPage() {
  const me = useMe();
  const write = me.permissions.includes(ContractPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<ContractDetail | null | undefined>(undefined);
  const [kind, setKind] = useState<string>('all');
  const [clockSettings, setClockSettings] = useState(false);
  const clocks = useClockRules();
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记要约
    </Button>
  );
  return (
    <>
      <PageHeader
        title="集体合同"
        help={`综合、工资专项、女职工专项和安全卫生专项集体合同：要约 → 协商 → 职代会表决 → 签订 → ${clocks.span('filing')}内报送人社部门 → 受理后 ${clocks.span('review')}内无异议即生效 → ${clocks.span('publish')}内向职工公布 → 履行，期满前 ${clocks.rules.renewalMonths} 个月启动续签。每一步的期限自动计算（区总工会可设定自然日或工作日和节假日），逾期和一周内到期的列入待办。`}
        extra={
          <>
            <Button icon={<ClockCircleOutlined />} onClick={() => setClockSettings(true)}>
              时限设置
            </Button>
            {add}
          </>
        }
      />
      <ClockSettingsDialog open={clockSettings} canEdit={me.permissions.includes(ContractPermissions.rules.name)} onClose={() => setClockSettings(false)} />
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented aria-label="合同类型" value={kind} onChange={(v) => setKind(String(v))} options={[{ value: 'all', label: '全部类型' }, ...CONTRACT_KIND.options()]} />
      </div>
      <LedgerList<Contract>
        queryKey={KEY}
        url="/api/contracts"
        exportUrl="/api/contracts/export.xlsx"
        exportName="集体合同台账.xlsx"
        columns={CONTRACTS.columns}
        render={{ nextClock: (r) => (r.nextClock ? <Tag color={CLOCK_TAG[r.nextClock.state].color}>{`${r.nextClock.label.replace(/（.*$/, '')} ${r.nextClock.dueOn}`}</Tag> : null) }}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="合同、企业或工会名称"
        fixed={{ kind }}
        status={{ label: '状态', options: [{ value: 'all', label: '全部' }, { value: 'due', label: '待办' }, ...Object.entries(CONTRACT_STAGES).map(([value, g]) => ({ value, label: g.label }))] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        importer={{ kind: 'contracts', title: '导入集体合同台账（单个企业的合同）', allowed: write }}
        empty={(f) => (f.status === 'due' ? '没有待办的集体合同：答复、协商、报送、审查、公布和续签都在期限内' : '没有符合条件的集体合同')}
        emptyAction={add}
      />
      <LedgerDrawer<ContractDetail>
        id={openId}
        url={(id) => `/api/contracts/${id}`}
        queryKey={KEY}
        title={(r) => `${CONTRACT_KIND.label(r.kind)}：${r.title}`}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        attachments={{ spec: CONTRACT_PAPERS, url: (r) => `/api/contracts/${r.id}/attachments`, canWrite: write, title: '报送材料（合同文本、协商情况说明、职代会决议、协商代表名单）' }}
        onClose={() => setOpen(null)}
      >
        {(r) => (
          <>
            <LedgerSteps steps={r.steps} url={`/api/contracts/${r.id}/steps`} queryKey={KEY} title={r.title} primary={['reply', 'draft', 'vote', 'sign', 'file', 'receive', 'approve', 'publish', 'refile']} danger={['terminate', 'object']} dialog={(s) => stepDialog(r, s, clocks.span)} />
            <ContractBody r={r} />
          </>
        )}
      </LedgerDrawer>
      <ContractForm
        open={editing !== undefined}
        record={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(id) => {
          setEditing(undefined);
          setOpen(id);
        }}
      />
    </>
  );
}
