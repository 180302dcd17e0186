import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Segmented, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { get, patch, post, put } from '@ui/api';
import { PageHeader } from '@ui/components';
import { FormFields, type FieldRows, type FieldSpec } from '@ui/FormFields';
import { formBody, LedgerDetails, LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerSteps, LedgerTable, recentYears, useOpenRecord, type StepDialogSpec } from '@ui/ledger';
import { ServerForm, SubmitButton } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import type { AvailableStep } from '@platform/workflow/machine';
import { FacilityPermissions } from '../shared/facilities.module';
import { BUILD_MODE, CLASS_TYPE, columnsFor, FACILITIES, FACILITY_PAPERS, FACILITY_KIND, FACILITY_STATUS, fieldApplies, INSPECTION_COLUMNS, READING_LEVEL, USAGE_LABEL, type Facility, type FacilityDetail, type FacilityKind, type Standard } from '../shared/facility.ledger';
import { FacilityTabs } from './FacilityTabs';

const KEY = 'facilities';
const DATES = ['declaredOn', 'startsOn', 'endsOn'];
const useStandards = () => useQuery({ queryKey: [KEY, 'standards'], queryFn: () => get<Standard[]>('/api/facilities/standards') });

const COMMON: FieldRows = [
  { name: 'name', label: '阵地名称', required: '请填写阵地名称', input: <Input maxLength={60} placeholder="如 锦绣街道爱心驿站" /> },
  [
    { name: 'declaredOn', label: '申报日期', required: '请选择申报日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
    { name: 'area', label: '面积', input: <InputNumber min={1} precision={0} addonAfter="平方米" style={{ width: 150 }} /> },
  ],
  { name: 'host', label: '依托单位', input: <Input maxLength={80} placeholder="建在哪个单位或场所" /> },
  [
    { name: 'manager', label: '管理员', input: <Input maxLength={30} /> },
    { name: 'managerPhone', label: '联系电话', input: <Input maxLength={30} /> },
  ],
];
/** The kind-specific fields, each shown only for the kinds it belongs to. */
const SPECIFIC: FieldSpec[] = [
  { name: 'buildMode', label: '建设方式', required: '请选择建设方式', input: <Select options={BUILD_MODE.options()} style={{ width: 120 }} /> },
  { name: 'level', label: '命名级别', required: '请选择命名级别', input: <Select options={READING_LEVEL.options()} style={{ width: 140 }} /> },
  { name: 'volumes', label: '藏书（册）', required: '请填写藏书册数', input: <InputNumber min={0} precision={0} /> },
  { name: 'digitalPlatform', label: '数字阅读平台', input: <Input maxLength={60} placeholder="如 电子职工书屋" /> },
  { name: 'address', label: '地址', required: '请填写地址', input: <Input maxLength={120} /> },
  { name: 'lat', label: '纬度', input: <InputNumber min={3} max={54} step={0.0001} style={{ width: 140 }} /> },
  { name: 'lng', label: '经度', input: <InputNumber min={73} max={136} step={0.0001} style={{ width: 140 }} /> },
  { name: 'openingHours', label: '开放时间', input: <Input maxLength={60} placeholder="如 08:00-20:00" /> },
  { name: 'stars', label: '星级', input: <InputNumber min={1} max={5} precision={0} addonAfter="星" style={{ width: 110 }} /> },
  { name: 'classType', label: '托管班类型', required: '请选择托管班类型', input: <Select options={CLASS_TYPE.options()} style={{ width: 150 }} /> },
  { name: 'enrolled', label: '托管儿童（人）', required: '请填写托管儿童人数', input: <InputNumber min={1} precision={0} /> },
  { name: 'startsOn', label: '开班日期', required: '请选择开班日期', input: <DatePicker /> },
  { name: 'endsOn', label: '结班日期', required: '请选择结班日期', input: <DatePicker /> },
  { name: 'leader', label: '领衔人', required: '请填写领衔的劳模或工匠', input: <Input maxLength={30} /> },
];

/** The fields that follow the chosen kind: its standard (the checklist it is built to) and its own fields. */
function KindFields({ kind }: { kind: FacilityKind | undefined }) {
  const standards = useStandards();
  if (!kind) return <Typography.Paragraph type="secondary">先选择阵地类型，再填写这类阵地的信息。</Typography.Paragraph>;
  const options = (standards.data ?? []).filter((s) => s.kind === kind && s.current).map((s) => ({ value: s.id, label: `${s.name}（第 ${s.version} 版）` }));
  const fields = SPECIFIC.filter((f) => fieldApplies(kind, String(f.name)));
  const lat = kind === 'rest_station' ? '爱心驿站须填写经纬度，职工才能在手机上找到最近的驿站' : '填写经纬度后，职工可在手机上按距离找到它';
  return (
    <>
      <FormFields fields={[{ name: 'standardId', label: '建设标准', required: '请选择建设标准', input: <Select options={options} loading={standards.isLoading} />, extra: '验收和复验按这个标准逐项检查' }]} />
      <FormFields fields={fields.map((f) => (f.name === 'lat' ? { ...f, extra: lat, required: kind === 'rest_station' ? '请填写纬度' : undefined } : f.name === 'lng' ? { ...f, required: kind === 'rest_station' ? '请填写经度' : undefined } : f))} />
    </>
  );
}

function FacilityForm({ open, record, onClose, onSaved }: { open: boolean; record: Facility | null; onClose(): void; onSaved(id: number): void }) {
  const [kind, setKind] = useState<FacilityKind | undefined>(undefined);
  const shown = (record?.kind as FacilityKind | undefined) ?? kind;
  const head: FieldRows = record
    ? []
    : [
        { name: 'orgId', label: '所属工会', required: '请选择所属工会', input: <OrgTreeSelect placeholder="选择街道或基层工会" /> },
        { name: 'kind', label: '阵地类型', required: '请选择阵地类型', input: <Select options={FACILITY_KIND.options()} onChange={(v: FacilityKind) => setKind(v)} /> },
      ];
  return (
    <LedgerFormDrawer<FacilityDetail>
      open={open}
      title={record ? `修改：${record.name}` : '申报服务阵地'}
      intro={record ? undefined : '申报后由上级工会对照建设标准验收；验收通过、挂牌上图后即为运行中，每年复验一次。'}
      fields={[...head, ...COMMON]}
      initial={record ?? { declaredOn: dayjs().format('YYYY-MM-DD') }}
      dates={DATES}
      queryKey={KEY}
      save={(body) => (record ? patch<FacilityDetail>(`/api/facilities/${record.id}`, { ...body, orgId: undefined, kind: undefined, steps: undefined }) : post<FacilityDetail>('/api/facilities', body))}
      onClose={() => (setKind(undefined), onClose())}
      onSaved={onSaved}
    >
      <KindFields kind={shown} />
    </LedgerFormDrawer>
  );
}

const INSPECTING = new Set(['accept', 'reject', 'review', 'upgrade', 'fail_review', 'recheck']);
const WRITES_RECTIFY = new Set(['reject', 'fail_review']);

/** One step's dialog: the checklist for an inspection, the opinion, the deadline, a new level or stars. */
function stepDialog(facility: FacilityDetail, step: AvailableStep): StepDialogSpec {
  const code = step.code;
  const fields: FieldRows = [];
  if (INSPECTING.has(code))
    {fields.push({
      name: 'itemsPresent', label: `达标项目（${facility.standard.name} 第 ${facility.standard.version} 版；* 为必备）`,
      input: <Checkbox.Group options={facility.standard.items.map((i) => ({ value: i.code, label: `${i.required ? '* ' : ''}${i.title}` }))} style={{ display: 'grid', gap: 4 }} />,
    });}
  if (code === 'upgrade') fields.push(facility.kind === 'reading_room' ? { name: 'level', label: '提升后的命名级别', required: '请选择命名级别', input: <Select options={READING_LEVEL.options()} /> } : { name: 'stars', label: '提升后的星级', required: '请填写星级', input: <InputNumber min={1} max={5} precision={0} addonAfter="星" /> });
  if (WRITES_RECTIFY.has(code)) fields.push({ name: 'rectifyBy', label: '整改期限', required: code === 'fail_review' ? '请选择整改期限' : undefined, input: <DatePicker disabledDate={(d) => !d.isAfter(dayjs())} /> });
  if (code === 'list') fields.push({ name: 'mapPublished', label: '已在地图上标注（上图）', checked: true, input: <Switch /> });
  const t = facility.standard.thresholds;
  const limits = [t.minVolumes != null && `藏书不少于 ${t.minVolumes} 册`, t.minArea != null && `面积不小于 ${t.minArea} 平方米`, t.minChildren != null && `托管儿童不少于 ${t.minChildren} 人`, t.minDays != null && `托管不少于 ${t.minDays} 天`, t.minRate != null && `出勤率不低于 ${t.minRate}%`].filter(Boolean);
  return {
    dateLabel: code === 'list' ? '挂牌日期' : code === 'delist' ? '摘牌日期' : '检查日期',
    fields,
    opinionLabel: code === 'delist' ? '摘牌原因' : '整改要求',
    hint: INSPECTING.has(code) && limits.length ? `这个标准还要求：${limits.join('；')}` : undefined,
    initial: { itemsPresent: facility.itemsPresent, mapPublished: true },
    dates: ['rectifyBy'],
  };
}

/** Usage: one month's person-times (a class: one day's attendance), the recent entries, and the record of inspections. */
function UsageAndInspections({ facility }: { facility: FacilityDetail }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const daily = facility.kind === 'childcare_class';
  const what = USAGE_LABEL[facility.kind as FacilityKind];
  return (
    <>
      <section aria-label="验收和复验记录">
        <Typography.Title level={5}>验收和复验记录</Typography.Title>
        <LedgerTable columns={INSPECTION_COLUMNS} rows={facility.inspections} rowKey="id" empty="还没有验收记录：等待上级工会验收" />
      </section>
      <section aria-label={what}>
        <Typography.Title level={5}>{daily ? `每日出勤（已登记 ${facility.daysHeld ?? 0} 天，出勤率 ${facility.attendanceRate ?? 0}%）` : `${what}（按月）`}</Typography.Title>
        <LedgerTable<{ on: string; count: number }> columns={[{ key: 'on', header: daily ? '日期' : '月份', value: (r) => (daily ? r.on : r.on.slice(0, 7)) }, { key: 'count', header: what, value: (r) => r.count }]} rows={facility.usage} rowKey="on" empty={`还没有登记${what}`} />
        {facility.canWrite && (
          <ServerForm<Record<string, unknown>>
            form={form}
            layout="inline"
            style={{ marginTop: 12, rowGap: 8 }}
            onSubmit={async (v) => {
              await put(`/api/facilities/${facility.id}/usage`, formBody(v, ['on']));
              form.resetFields(['count']);
              await qc.invalidateQueries({ queryKey: [KEY] });
            }}
          >
            <FormFields
              fields={[
                [
                  { name: 'on', label: daily ? '日期' : '月份', required: daily ? '请选择日期' : '请选择月份', input: <DatePicker picker={daily ? 'date' : 'month'} disabledDate={(d) => d.isAfter(dayjs())} /> },
                  { name: 'count', label: what, required: `请填写${what}`, input: <InputNumber min={0} precision={0} /> },
                ],
              ]}
            />
            <SubmitButton>登记</SubmitButton>
          </ServerForm>
        )}
      </section>
    </>
  );
}

/** 职工服务阵地: the register of every kind, a facility's drawer with its steps, inspections and usage; declaring one. */
export function FacilitiesPage() {
  const me = useMe();
  const write = me.permissions.includes(FacilityPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Facility | null | undefined>(undefined);
  const [kind, setKind] = useState<string>('all');
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      申报阵地
    </Button>
  );
  return (
    <>
      <PageHeader title="服务阵地" help="职工书屋、爱心驿站、母婴室、爱心托管班、职工之家和创新工作室：基层申报，上级工会对照建设标准验收，挂牌上图后运行，每年复验；复验不通过限期整改，不再符合的摘牌。" extra={add} />
      <FacilityTabs current="/facilities" />
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented aria-label="阵地类型" value={kind} onChange={(v) => setKind(String(v))} options={[{ value: 'all', label: '全部类型' }, ...FACILITY_KIND.options()]} />
      </div>
      <LedgerList<Facility>
        queryKey={KEY}
        url="/api/facilities"
        exportUrl="/api/facilities/export.xlsx"
        exportName="职工服务阵地.xlsx"
        columns={FACILITIES.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="阵地、地址或工会名称"
        fixed={{ kind }}
        status={{ label: '状态', options: [{ value: 'all', label: '全部' }, { value: 'due', label: '待办' }, ...FACILITY_STATUS.options()] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        importer={{ kind: 'facilities', title: '导入服务阵地（申报）', allowed: write }}
        empty={(f) => (f.status === 'due' ? '没有待办的阵地：验收、挂牌、复验和整改都已办完' : '没有符合条件的服务阵地')}
        emptyAction={add}
      />
      <LedgerDrawer<FacilityDetail>
        id={openId}
        url={(id) => `/api/facilities/${id}`}
        queryKey={KEY}
        title={(r) => `${FACILITY_KIND.label(r.kind)}：${r.name}`}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        attachments={{ spec: FACILITY_PAPERS, url: (r) => `/api/facilities/${r.id}/attachments`, canWrite: write, title: '阵地材料（照片、验收报告、制度）' }}
        onClose={() => setOpen(null)}
      >
        {(r) => (
          <>
            <LedgerSteps steps={r.steps} url={`/api/facilities/${r.id}/steps`} queryKey={KEY} title={r.name} primary={['accept', 'list', 'review', 'recheck']} danger={['reject', 'fail_review', 'delist']} dialog={(s) => stepDialog(r, s)} />
            <LedgerDetails columns={columnsFor(r.kind)} row={r} />
            <UsageAndInspections facility={r} />
          </>
        )}
      </LedgerDrawer>
      <FacilityForm
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
