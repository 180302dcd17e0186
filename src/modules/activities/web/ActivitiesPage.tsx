import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { del, patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { FormFields, type FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerTable, useOpenRecord, recentYears } from '@ui/ledger';
import { MemberPicker } from '@ui/MemberPicker';
import { ServerForm, SubmitButton, useShowRefusal } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { ActivityPermissions } from '../shared/activities.module';
import { ACTIVITIES, ACTIVITY_KIND, ACTIVITY_PAPERS, PARTICIPANT_COLUMNS, ROLE, type Activity, type ActivityDetail, type Participant } from '../shared/activity.ledger';

const KEY = 'activities';
const count = <InputNumber min={0} precision={0} />;
const FIELDS: FieldRows = [
  { name: 'orgId', label: '主办工会', required: '请选择主办工会', input: <OrgTreeSelect placeholder="选择主办的工会" /> },
  [
    { name: 'kind', label: '活动类型', required: '请选择活动类型', input: <Select options={ACTIVITY_KIND.options()} style={{ width: 140 }} /> },
    { name: 'heldOn', label: '活动日期', required: '请选择活动日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
  ],
  { name: 'title', label: '活动名称', required: '请填写活动名称', input: <Input maxLength={80} placeholder="如 劳模精神宣讲进企业" /> },
  { name: 'place', label: '地点', input: <Input maxLength={100} /> },
  { name: 'organisers', label: '协办单位', input: <Input maxLength={200} /> },
  [
    { name: 'personTimes', label: '参与人次', required: '请填写参与人次', input: count },
    { name: 'reach', label: '辐射人次', extra: '线上观看、宣传覆盖等；不填按参与人次计', input: count },
  ],
  { name: 'byModelWorkers', label: '劳模（工匠）参与', checked: true, input: <Switch /> },
  { name: 'summary', label: '活动简况', input: <Input.TextArea rows={3} maxLength={1000} /> },
];

/** The people named at an activity: volunteers with their hours, participants; adding one, removing one after confirming. */
function People({ activity }: { activity: ActivityDetail }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showRefusal = useShowRefusal();
  const role = Form.useWatch('role', form) as string | undefined;
  const done = () => qc.invalidateQueries({ queryKey: [KEY] });
  const remove = useMutation({ mutationFn: (memberId: number) => del(`/api/activities/${activity.id}/participants/${memberId}`), onSuccess: done, onError: (e) => showRefusal(e, '未能移除') });
  return (
    <section aria-label="参与人员和志愿者">
      <Typography.Title level={5}>
        参与人员和志愿者（登记 {activity.named} 人，参与 {activity.personTimes} 人次，志愿服务 {activity.volunteerHours} 小时）
      </Typography.Title>
      <LedgerTable<Participant>
        columns={PARTICIPANT_COLUMNS}
        rows={activity.participants}
        rowKey="memberId"
        empty="还没有登记姓名：只按人次统计"
        // 操作 is fixed on the right: the drawer is narrower than the table at 1366 px.
        actions={
          activity.canWrite
            ? (r) => (
                <Popconfirm title={`移除“${r.name}”？`} okText="移除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutateAsync(r.memberId).catch(() => undefined)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`移除 ${r.name}`} />
                </Popconfirm>
              )
            : undefined
        }
      />
      {activity.canWrite && (
        <ServerForm<Record<string, unknown>>
          form={form}
          initialValues={{ role: 'volunteer' }}
          style={{ marginTop: 12 }}
          onSubmit={async (v) => {
            await post(`/api/activities/${activity.id}/participants`, { ...v, hours: v.role === 'volunteer' ? v.hours : null });
            form.resetFields(['memberId', 'hours']);
            await done();
          }}
        >
          <FormFields
            fields={[
              { name: 'memberId', label: '会员', required: '请选择会员', input: <MemberPicker /> },
              [
                { name: 'role', label: '身份', required: '请选择身份', input: <Select options={ROLE.options()} style={{ width: 120 }} /> },
                ...(role === 'volunteer' ? [{ name: 'hours', label: '志愿服务时长（小时）', required: '请填写志愿服务时长', input: <InputNumber min={0.5} max={24} step={0.5} /> }] : []),
              ],
            ]}
          />
          <SubmitButton icon={<PlusOutlined />}>登记</SubmitButton>
        </ServerForm>
      )}
    </section>
  );
}

/** 活动与志愿服务: the ledger's list, an activity's drawer with its people and papers, recording and changing one. */
export function ActivitiesPage() {
  const write = useMe().permissions.includes(ActivityPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Activity | null | undefined>(undefined);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记活动
    </Button>
  );
  return (
    <>
      <PageHeader title="活动与志愿服务" help="文体活动、宣讲、走访慰问、志愿服务、心理疏导、微心愿、六一关爱等：举办后登记参与人次和辐射人次；登记了姓名的按人统计，志愿者登记服务时长；照片和活动记录作为材料上传。" extra={add} />
      <LedgerList<Activity>
        queryKey={KEY}
        url="/api/activities"
        exportUrl="/api/activities/export.xlsx"
        exportName="活动与志愿服务.xlsx"
        columns={ACTIVITIES.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="活动或工会名称"
        status={{ label: '活动类型', options: [{ value: 'all', label: '全部' }, ...ACTIVITY_KIND.options()] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        importer={{ kind: 'activities', title: '导入活动', allowed: write }}
        empty="没有符合条件的活动"
        emptyAction={add}
      />
      <LedgerDrawer<ActivityDetail>
        id={openId}
        url={(id) => `/api/activities/${id}`}
        queryKey={KEY}
        title={(r) => r.title}
        columns={ACTIVITIES.columns as never}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        attachments={{ spec: ACTIVITY_PAPERS, url: (r) => `/api/activities/${r.id}/attachments`, canWrite: write, title: '活动材料（照片、活动记录、签到表）' }}
        onClose={() => setOpen(null)}
      >
        {(r) => <People activity={r} />}
      </LedgerDrawer>
      <LedgerFormDrawer<ActivityDetail>
        open={editing !== undefined}
        title={editing ? `修改：${editing.title}` : '登记活动'}
        intro={editing ? undefined : '活动举办后登记；参与人员的姓名和志愿服务时长在保存后逐一登记。'}
        fields={editing ? FIELDS.slice(1) : FIELDS}
        initial={editing ?? { kind: 'culture', heldOn: dayjs().format('YYYY-MM-DD'), byModelWorkers: false }}
        dates={['heldOn']}
        queryKey={KEY}
        save={(body) => (editing ? patch<ActivityDetail>(`/api/activities/${editing.id}`, { ...body, orgId: undefined }) : post<ActivityDetail>('/api/activities', body))}
        onClose={() => setEditing(undefined)}
        onSaved={(id) => {
          setEditing(undefined);
          setOpen(id);
        }}
      />
    </>
  );
}
