import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Progress, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { OrgTreeSelect } from '@modules/organisations/web';
import { get, patch, post } from '@ui/api';
import { PageHeader, VISUALLY_HIDDEN } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields, type FieldRows } from '@ui/FormFields';
import { compact } from '@ui/forms';
import { LedgerDrawer, LedgerList, LedgerTable, useOpenRecord, type CellRenderers, type LedgerFilters } from '@ui/ledger';
import { ServerForm, SubmitButton, useShowRefusal, type FormValues } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { COVERAGE, INDUSTRY, OWNERSHIP } from '../../shared/employer-codes';
import { EMPLOYER_LEDGER, GAP_COLUMNS } from '../../shared/employer.ledger';
import type { Employer, GapRow } from '../../shared/employer.schema';

const industryOptions = INDUSTRY.options((value, label) => `${value} ${label}`);
const ownershipOptions = OWNERSHIP.options((value, label) => `${value} ${label}`);
const count = <InputNumber min={0} precision={0} />;

/** What the register asks for (labels as the form shows them; the server checks again). */
const EMPLOYER_FIELDS: FieldRows = [
  { name: 'name', label: '单位名称', required: '请填写单位名称', input: <Input maxLength={100} /> },
  { name: 'uscc', label: '统一社会信用代码', required: '请填写统一社会信用代码', extra: '18 位，系统按 GB 32100 校验', input: <Input maxLength={18} /> },
  { name: 'orgId', label: '所属街道（乡镇）工会', required: '请选择单位所在的街道', input: <OrgTreeSelect placeholder="选择街道或区总工会" /> },
  [
    { name: 'employees', label: '职工人数', required: '请填写职工人数', input: count },
    { name: 'womenEmployees', label: '女职工人数', input: count },
  ],
  { name: 'industry', label: '行业门类（GB/T 4754）', input: <Select allowClear showSearch optionFilterProp="label" options={industryOptions} /> },
  { name: 'ownership', label: '单位类别', input: <Select allowClear showSearch optionFilterProp="label" options={ownershipOptions} /> },
  { name: 'smallMicro', checked: true, input: <Checkbox>小微企业</Checkbox> },
  { name: 'divisionCode', label: '行政区划代码', input: <Input maxLength={12} /> },
  [
    { name: 'contactName', label: '联系人', input: <Input maxLength={30} /> },
    { name: 'contactPhone', label: '联系电话', input: <Input maxLength={20} /> },
  ],
  { name: 'address', label: '地址', input: <Input maxLength={200} /> },
];

const FOUND_FIELDS: FieldRows = [
  { name: 'unionName', label: '工会名称', required: '请填写工会名称', input: <Input maxLength={100} /> },
  { name: 'kind', label: '工会类型', required: '请选择工会类型', input: <Select options={[{ value: 'enterprise', label: '企业工会（单独建会）' }, { value: 'joint', label: '联合工会' }]} /> },
  { name: 'openedOn', label: '成立日期', required: '请选择成立日期', input: <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} /> },
];

function EmployerDrawer({ open, employer, onClose }: { open: boolean; employer: Employer | null; onClose(): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return (
    <Drawer title={employer ? `编辑：${employer.name}` : '登记用人单位'} open={open} onClose={onClose} size={480} destroyOnHidden afterOpenChange={(v) => v && employer && form.setFieldsValue(employer)}>
      <ServerForm<Record<string, unknown>>
        form={form}
        onSubmit={async (v) => {
          await (employer ? patch(`/api/employers/${employer.id}`, compact(v)) : post('/api/employers', compact(v)));
          void qc.invalidateQueries({ queryKey: ['employers'] });
          void message.success('已保存');
          onClose();
        }}
      >
        <FormFields fields={EMPLOYER_FIELDS} />
        <SubmitButton block>保存</SubmitButton>
      </ServerForm>
    </Drawer>
  );
}

const coverageOptions = COVERAGE.options();

/** The employer register and the unionisation gaps (25+ employees, no union) by street, on the ledger kit. */
export function EmployersPage() {
  const me = useMe();
  const write = me.permissions.includes('employer.write');
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<LedgerFilters>({ coverage: 'gap' });
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Employer | null | undefined>(undefined);
  const [founding, setFounding] = useState<Employer | null>(null);
  const [foundForm] = Form.useForm();
  const summary = useQuery({ queryKey: ['employers', 'gaps'], queryFn: () => get<GapRow[]>('/api/employers/gaps/summary') });
  const act = useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: string; body: unknown }) => post(`/api/employers/${id}/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['employers'] }),
  });

  async function stage(e: Employer, s: 'visiting' | 'preparing') {
    try {
      await act.mutateAsync({ id: e.id, action: 'founding', body: { stage: s } });
      void message.success(s === 'visiting' ? '已开始建会：走访中' : '已进入筹备');
    } catch (err) {
      showRefusal(err);
    }
  }

  const render: CellRenderers<Employer> = {
    industry: (e) => e.industryLabel ?? '—',
    unionName: (e) => (e.unionName ? <span>{e.unionName}</span> : e.isGap ? <Tag color="red">空白点 · {e.foundingStageLabel}</Tag> : <Tag>未建会（不足 25 人）</Tag>),
  };
  const actions = (e: Employer) =>
    write &&
    e.canWrite &&
    !e.unionId && (
      <Space size={0} wrap>
        {e.foundingStage === 'none' && (
          <Button type="link" size="small" onClick={() => void stage(e, 'visiting')}>
            开始建会
          </Button>
        )}
        {e.foundingStage === 'visiting' && (
          <Button type="link" size="small" onClick={() => void stage(e, 'preparing')}>
            进入筹备
          </Button>
        )}
        <Button type="link" size="small" onClick={() => (foundForm.setFieldsValue({ unionName: `${e.name}工会委员会`, kind: e.employees >= 25 ? 'enterprise' : 'joint', openedOn: dayjs() }), setFounding(e))}>
          完成建会
        </Button>
      </Space>
    );
  const register = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记单位
    </Button>
  );

  return (
    <>
      <PageHeader title="用人单位与建会" help="《工会法》第十一条：职工 25 人以上的单位应当建立基层工会委员会。没有工会覆盖的 25 人以上单位是建会空白点。" extra={register} />
      <Card size="small" title="各街道建会情况（25 人以上单位）" style={{ marginBottom: 12 }}>
        <LedgerTable
          columns={GAP_COLUMNS}
          rows={summary.data?.filter((r) => r.employers25 > 0)}
          rowKey="orgId"
          loading={summary.isLoading}
          empty="还没有登记 25 人以上的单位"
          onOpen={(r) => setFilters({ ...filters, underId: r.orgId, coverage: 'gap' })}
          render={{
            gaps: (r) => (r.gaps ? <Typography.Text type="danger">{r.gaps}</Typography.Text> : 0),
            foundingRate: (r) => (r.foundingRate === null ? '—' : <Progress percent={r.foundingRate} size="small" format={(p) => `${p}%`} aria-label="建会率" style={{ width: 160 }} />),
          }}
        />
      </Card>
      <LedgerList<Employer>
        queryKey="employers"
        url="/api/employers"
        exportUrl="/api/employers/export.xlsx"
        exportName={(f) => (f.coverage === 'gap' ? '建会空白点.xlsx' : '用人单位.xlsx')}
        columns={EMPLOYER_LEDGER.columns}
        render={render}
        actions={actions}
        rowKey={(e) => e.id}
        onOpen={(e) => setOpen(e.id)}
        filters={filters}
        onFiltersChange={setFilters}
        status={{ label: '建会情况', param: 'coverage', options: coverageOptions }}
        search="单位名称或信用代码"
        org={{ label: '所属街道', picker: (p) => <OrgFilter {...p} /> }}
        importer={{ kind: 'employers', title: '导入用人单位', allowed: write }}
        empty={(f) => (f.coverage === 'gap' ? '没有建会空白点' : '没有符合条件的单位')}
        emptyAction={register}
      />
      <LedgerDrawer<Employer>
        id={openId}
        url={(id) => `/api/employers/${id}`}
        queryKey="employers"
        title={(e) => e.name}
        columns={EMPLOYER_LEDGER.columns}
        render={render}
        extra={(e) =>
          write && e.canWrite ? (
            <Button type="primary" onClick={() => setEditing(e)}>
              编辑
            </Button>
          ) : null
        }
        onClose={() => setOpen(null)}
      />
      <EmployerDrawer open={editing !== undefined} employer={editing ?? null} onClose={() => setEditing(undefined)} />
      <FormModal<FormValues>
        title={founding ? `完成建会：${founding.name}` : ''}
        open={!!founding}
        okText="成立工会"
        form={foundForm}
        intro={<Typography.Paragraph type="secondary">会员大会选举产生工会委员会并经上级批复后，在这里登记。系统会在所属街道下新建基层工会，并记录它覆盖本单位。</Typography.Paragraph>}
        onCancel={() => setFounding(null)}
        onSubmit={async (v) => {
          await act.mutateAsync({ id: founding!.id, action: 'found', body: { ...v, openedOn: v.openedOn.format('YYYY-MM-DD') } });
          void message.success(`已在“${founding!.orgName}”下成立“${v.unionName}”，该单位不再是空白点`);
          setFounding(null);
        }}
      >
        <FormFields fields={FOUND_FIELDS} />
      </FormModal>
    </>
  );
}

/** The street filter: the organisations module's tree select, labelled for screen readers. */
function OrgFilter({ value, onChange, label }: { value: number | undefined; onChange(v: number | undefined): void; label: string }) {
  return (
    <span>
      <label htmlFor="employers-org-filter" style={VISUALLY_HIDDEN}>
        {label}
      </label>
      <OrgTreeSelect id="employers-org-filter" placeholder={label} allowClear value={value} onChange={onChange} style={{ width: 200 }} />
    </span>
  );
}
