import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { del, patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { FormFields, type FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerTable, useOpenRecord, recentYears } from '@ui/ledger';
import { ServerForm, SubmitButton, useShowRefusal } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { EmploymentPermissions } from '../shared/employment.module';
import { FAIR_ENTERPRISE_COLUMNS, FAIR_MODE, FAIR_STATUS, FAIRS, type Fair, type FairDetail, type FairEnterprise } from '../shared/fair.ledger';
import { EmploymentTabs } from './EmploymentTabs';

const count = <InputNumber min={0} precision={0} />;

const FIELDS: FieldRows = [
  { name: 'orgId', label: '主办工会', required: '请选择主办工会', input: <OrgTreeSelect placeholder="选择主办的工会" /> },
  { name: 'name', label: '招聘会名称', required: '请填写招聘会名称', input: <Input maxLength={80} placeholder="如 2026年春风行动专场招聘会" /> },
  [
    { name: 'heldOn', label: '举办日期', required: '请选择举办日期', input: <DatePicker /> },
    { name: 'mode', label: '举办形式', required: '请选择举办形式', input: <Select options={FAIR_MODE.options()} style={{ width: 130 }} /> },
  ],
  { name: 'venue', label: '地点或平台', input: <Input maxLength={100} placeholder="线下写地点，线上写平台或直播间" /> },
  { name: 'coOrganisers', label: '协办单位', input: <Input maxLength={200} placeholder="如 区人社局、区就业服务中心" /> },
  [
    { name: 'visitors', label: '参会人次', input: count },
    { name: 'intentions', label: '达成意向', input: count },
    { name: 'hires', label: '跟踪录用', input: count },
  ],
];
const PARTICIPANT_FIELDS: FieldRows = [
  { name: 'employerName', label: '单位名称', required: '请填写单位名称', input: <Input maxLength={80} /> },
  { name: 'employerUscc', label: '统一社会信用代码', required: '请填写统一社会信用代码', input: <Input maxLength={18} /> },
  [
    { name: 'posts', label: '岗位数', required: '请填写岗位数', input: <InputNumber min={1} precision={0} /> },
    { name: 'headcount', label: '招聘人数', required: '请填写招聘人数', input: <InputNumber min={1} precision={0} /> },
  ],
];

function FairForm({ open, fair, onClose, onSaved }: { open: boolean; fair: Fair | null; onClose(): void; onSaved(id: number): void }) {
  return (
    <LedgerFormDrawer<FairDetail>
      open={open}
      title={fair ? `修改：${fair.name}` : '登记招聘会'}
      intro="参会人次、达成意向和跟踪录用在招聘会举办后登记。"
      fields={fair ? FIELDS.slice(1) : FIELDS}
      initial={fair ?? { mode: 'onsite', heldOn: dayjs().add(14, 'day').format('YYYY-MM-DD') }}
      dates={['heldOn']}
      queryKey="employment-fairs"
      save={(body) => (fair ? patch<FairDetail>(`/api/employment/fairs/${fair.id}`, { ...body, orgId: undefined }) : post<FairDetail>('/api/employment/fairs', body))}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

/** The enterprises taking part: the list, adding one (refusals shown in the form), removing one after confirming. */
function Participants({ fair }: { fair: FairDetail }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showRefusal = useShowRefusal();
  const done = () => qc.invalidateQueries({ queryKey: ['employment-fairs'] });
  const remove = useMutation({ mutationFn: (id: number) => del(`/api/employment/fairs/${fair.id}/enterprises/${id}`), onSuccess: done, onError: (e) => showRefusal(e, '未能移除参会单位') });
  return (
    <section aria-label="参会单位">
      <Typography.Title level={5}>参会单位（{fair.participants.length} 家）</Typography.Title>
      <LedgerTable<FairEnterprise>
        columns={FAIR_ENTERPRISE_COLUMNS}
        rows={fair.participants}
        rowKey="id"
        empty="还没有登记参会单位"
        actions={
          fair.canWrite
            ? (r) => (
                <Popconfirm title={`移除“${r.employerName}”？`} okText="移除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`移除 ${r.employerName}`} />
                </Popconfirm>
              )
            : undefined
        }
      />
      {fair.canWrite && (
        <ServerForm<Record<string, unknown>>
          form={form}
          style={{ marginTop: 12 }}
          onSubmit={async (v) => {
            await post(`/api/employment/fairs/${fair.id}/enterprises`, v);
            form.resetFields();
            await done();
          }}
        >
          <FormFields fields={PARTICIPANT_FIELDS} />
          <Space>
            <SubmitButton icon={<PlusOutlined />}>添加参会单位</SubmitButton>
          </Space>
        </ServerForm>
      )}
    </section>
  );
}

/** 招聘会: the ledger's list, a fair's drawer with its enterprises, registering and changing one. */
export function FairsPage() {
  const write = useMe().permissions.includes(EmploymentPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Fair | null | undefined>(undefined);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记招聘会
    </Button>
  );
  return (
    <>
      <PageHeader title="招聘会" help="工会主办的线上、线下招聘会，参会单位带来的岗位和招聘人数，举办后的参会人次、达成意向和跟踪录用。" extra={add} />
      <EmploymentTabs current="/employment/fairs" />
      <LedgerList<Fair>
        queryKey="employment-fairs"
        url="/api/employment/fairs"
        exportUrl="/api/employment/fairs/export.xlsx"
        exportName="招聘会.xlsx"
        columns={FAIRS.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="招聘会或工会名称"
        status={{ label: '状态', options: [...FAIR_STATUS.options(), { value: 'all', label: '全部' }] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        empty="没有符合条件的招聘会"
        emptyAction={add}
      />
      <LedgerDrawer<FairDetail>
        id={openId}
        url={(id) => `/api/employment/fairs/${id}`}
        queryKey="employment-fairs"
        title={(r) => r.name}
        columns={FAIRS.columns as never}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        onClose={() => setOpen(null)}
      >
        {(r) => <Participants fair={r} />}
      </LedgerDrawer>
      <FairForm
        open={editing !== undefined}
        fair={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(id) => {
          setEditing(undefined);
          setOpen(id);
        }}
      />
    </>
  );
}
