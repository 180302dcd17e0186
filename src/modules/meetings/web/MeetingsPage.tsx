import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields, type FieldRows } from '@ui/FormFields';
import { formBody, LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerTable, useOpenRecord, recentYears } from '@ui/ledger';
import { ServerForm, SubmitButton } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { MeetingPermissions } from '../shared/meetings.module';
import { DECISION_COLUMNS, MEETING_KIND, MEETING_PAPERS, MEETINGS, type Decision, type Meeting, type MeetingDetail } from '../shared/meeting.ledger';

const KEY = 'meetings';
const people = <InputNumber min={0} precision={0} addonAfter="人" style={{ width: 120 }} />;
const FIELDS: FieldRows = [
  { name: 'orgId', label: '工会', required: '请选择召开会议的工会', input: <OrgTreeSelect placeholder="选择工会" /> },
  [
    { name: 'kind', label: '会议类型', required: '请选择会议类型', input: <Select options={MEETING_KIND.options()} style={{ width: 170 }} /> },
    { name: 'session', label: '届次', input: <Input maxLength={30} placeholder="如 十一届四次" style={{ width: 140 }} /> },
  ],
  { name: 'title', label: '会议名称', required: '请填写会议名称', input: <Input maxLength={80} /> },
  [
    { name: 'heldOn', label: '会议日期', required: '请选择会议日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
    { name: 'membersTotal', label: '应到人数', required: '请填写应到人数', input: people },
    { name: 'attendees', label: '实到人数', required: '请填写实到人数', input: people },
  ],
  { name: 'place', label: '地点', input: <Input maxLength={100} /> },
  { name: 'agenda', label: '议程', input: <Input.TextArea rows={2} maxLength={1000} /> },
  { name: 'minutes', label: '会议纪要', input: <Input.TextArea rows={4} maxLength={5000} /> },
];

/** The meeting's decisions: owner and deadline, follow-up until done (a dialog asks how it was carried out). */
function Decisions({ meeting }: { meeting: MeetingDetail }) {
  const [form] = Form.useForm();
  const [doneForm] = Form.useForm();
  const qc = useQueryClient();
  const [closing, setClosing] = useState<Decision | null>(null);
  const done = () => qc.invalidateQueries({ queryKey: [KEY] });
  return (
    <section aria-label="决定事项">
      <Typography.Title level={5}>决定事项（{meeting.decisions} 项，未落实 {meeting.openDecisions} 项）</Typography.Title>
      {meeting.quorumMet === false && <Typography.Paragraph type="danger">出席人数未达到应到人数的三分之二，这次会议不能作出决定。</Typography.Paragraph>}
      <LedgerTable<Decision>
        columns={DECISION_COLUMNS}
        rows={meeting.items}
        rowKey="id"
        empty="没有登记决定事项"
        actions={meeting.canWrite ? (r) => (r.doneOn ? null : <Button size="small" icon={<CheckOutlined />} onClick={() => setClosing(r)}>已落实</Button>) : undefined}
      />
      {meeting.canWrite && meeting.quorumMet !== false && (
        <ServerForm<Record<string, unknown>>
          form={form}
          style={{ marginTop: 12 }}
          onSubmit={async (v) => {
            await post(`/api/meetings/${meeting.id}/decisions`, formBody(v, ['dueOn']));
            form.resetFields();
            await done();
          }}
        >
          <FormFields
            fields={[
              { name: 'content', label: '决定事项', required: '请填写决定事项', input: <Input maxLength={300} /> },
              [
                { name: 'owner', label: '责任部门或责任人', required: '请填写责任部门或责任人', input: <Input maxLength={40} style={{ width: 180 }} /> },
                { name: 'dueOn', label: '完成期限', required: '请选择完成期限', input: <DatePicker /> },
              ],
            ]}
          />
          <SubmitButton icon={<PlusOutlined />}>登记决定事项</SubmitButton>
        </ServerForm>
      )}
      <FormModal<Record<string, unknown>>
        title={`已落实：${closing?.content ?? ''}`}
        open={closing !== null}
        okText="登记落实"
        form={doneForm}
        formProps={{ initialValues: { doneOn: dayjs() } }}
        modalProps={{ destroyOnHidden: true }}
        onCancel={() => setClosing(null)}
        onSubmit={async (v) => {
          await post(`/api/meetings/${meeting.id}/decisions/${closing!.id}/done`, formBody(v, ['doneOn']));
          await done();
          setClosing(null);
        }}
      >
        <FormFields
          fields={[
            { name: 'doneOn', label: '落实日期', required: '请选择落实日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
            { name: 'followUp', label: '落实情况', required: '请填写落实情况', input: <Input.TextArea rows={3} maxLength={500} /> },
          ]}
        />
      </FormModal>
    </section>
  );
}

/** 会议记录: the federation's own meetings, their decisions and follow-up; an open decision is 待办 until done. */
export function MeetingsPage() {
  const write = useMe().permissions.includes(MeetingPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Meeting | null | undefined>(undefined);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记会议
    </Button>
  );
  return (
    <>
      <PageHeader title="会议记录" help="常委会、全委会、主席办公会、政府工会联席会议、三会一课、职工周例会：出席情况、议程、纪要和决定事项。常委会、全委会出席须达到应到人数的三分之二才能作出决定；未落实的决定事项进入待办，直到登记落实。" extra={add} />
      <LedgerList<Meeting>
        queryKey={KEY}
        url="/api/meetings"
        exportUrl="/api/meetings/export.xlsx"
        exportName="会议记录.xlsx"
        columns={MEETINGS.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="会议或工会名称"
        status={{ label: '会议类型', options: [{ value: 'all', label: '全部' }, ...MEETING_KIND.options()] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        empty="没有符合条件的会议"
        emptyAction={add}
      />
      <LedgerDrawer<MeetingDetail>
        id={openId}
        url={(id) => `/api/meetings/${id}`}
        queryKey={KEY}
        title={(r) => r.title}
        columns={MEETINGS.columns as never}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        attachments={{ spec: MEETING_PAPERS, url: (r) => `/api/meetings/${r.id}/attachments`, canWrite: write, title: '会议材料（纪要、签到表）' }}
        onClose={() => setOpen(null)}
      >
        {(r) => <Decisions meeting={r} />}
      </LedgerDrawer>
      <LedgerFormDrawer<MeetingDetail>
        open={editing !== undefined}
        title={editing ? `修改：${editing.title}` : '登记会议'}
        intro={editing ? undefined : '会议召开后登记；决定事项在保存后逐项登记责任和完成期限。'}
        fields={editing ? FIELDS.slice(1) : FIELDS}
        initial={editing ?? { kind: 'chair', heldOn: dayjs().format('YYYY-MM-DD') }}
        dates={['heldOn']}
        queryKey={KEY}
        save={(body) => (editing ? patch<MeetingDetail>(`/api/meetings/${editing.id}`, { ...body, orgId: undefined }) : post<MeetingDetail>('/api/meetings', body))}
        onClose={() => setEditing(undefined)}
        onSaved={(id) => {
          setEditing(undefined);
          setOpen(id);
        }}
      />
    </>
  );
}
