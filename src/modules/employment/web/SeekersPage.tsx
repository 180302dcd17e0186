import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { type FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, useOpenRecord, recentYears } from '@ui/ledger';
import { useMe } from '@ui/session';
import { EmploymentPermissions } from '../shared/employment.module';
import { SEEKER_CATEGORY, SEEKER_OUTCOME, SEEKER_SERVICE, SEEKERS, type Seeker } from '../shared/seeker.ledger';
import { EmploymentTabs } from './EmploymentTabs';

/** The person's hardship file, opened in its own ledger (shown only to those who may see it). */
const RENDER = { hardshipFile: (r: Seeker) => (r.hardshipFile ? <Link to={`/hardship/cases/${r.hardshipFile.id}`}>{`${r.hardshipFile.caseNo}（${r.hardshipFile.status}）`}</Link> : '—') };
const PERSON: FieldRows = [
  { name: 'orgId', label: '服务工会', required: '请选择服务的工会', input: <OrgTreeSelect placeholder="选择工会" /> },
  [
    { name: 'personName', label: '姓名', required: '请填写姓名', input: <Input maxLength={30} /> },
    { name: 'idNumber', label: '身份证号码', required: '请填写身份证号码', extra: '只保存脱敏号码，用于按人统计', input: <Input maxLength={18} /> },
  ],
  { name: 'category', label: '服务对象类别', required: '请选择服务对象类别', input: <Select options={SEEKER_CATEGORY.options()} /> },
];
const SERVICE: FieldRows = [
  [
    { name: 'service', label: '服务内容', required: '请选择服务内容', input: <Select options={SEEKER_SERVICE.options()} style={{ width: 160 }} /> },
    { name: 'servedOn', label: '服务日期', required: '请选择服务日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
  ],
  { name: 'outcome', label: '服务结果', required: '请选择服务结果', input: <Select options={SEEKER_OUTCOME.options()} /> },
  { name: 'note', label: '说明', input: <Input.TextArea maxLength={300} rows={2} /> },
];

function SeekerForm({ open, record, onClose, onSaved }: { open: boolean; record: Seeker | null; onClose(): void; onSaved(id: number): void }) {
  return (
    <LedgerFormDrawer<Seeker>
      open={open}
      title={record ? `修改：${record.personName}` : '登记就业援助服务'}
      fields={record ? SERVICE : [...PERSON, ...SERVICE]}
      initial={record ?? { service: 'referral', outcome: 'following', servedOn: dayjs().format('YYYY-MM-DD') }}
      dates={['servedOn']}
      queryKey="employment-seekers"
      save={(body) =>
        record ? patch<Seeker>(`/api/employment/seekers/${record.id}`, { service: body.service, servedOn: body.servedOn, outcome: body.outcome, note: body.note }) : post<Seeker>('/api/employment/seekers', body)
      }
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

/** 就业援助: services given to job seekers (workers in hardship, the laid-off, graduates of hardship families). */
export function SeekersPage() {
  const write = useMe().permissions.includes(EmploymentPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Seeker | null | undefined>(undefined);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记服务
    </Button>
  );
  return (
    <>
      <PageHeader title="就业援助" help="为困难职工、失业人员、困难家庭高校毕业生等提供的岗位推荐、技能培训、政策咨询和创业指导，一次服务一条；服务人数按身份证号码统计。" extra={add} />
      <EmploymentTabs current="/employment/seekers" />
      <LedgerList<Seeker>
        queryKey="employment-seekers"
        url="/api/employment/seekers"
        exportUrl="/api/employment/seekers/export.xlsx"
        exportName="就业援助服务.xlsx"
        columns={SEEKERS.columns}
        render={RENDER}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="姓名或工会名称"
        status={{ label: '服务结果', options: [...SEEKER_OUTCOME.options(), { value: 'all', label: '全部' }] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        empty="没有符合条件的就业援助记录"
        emptyAction={add}
      />
      <LedgerDrawer<Seeker>
        id={openId}
        url={(id) => `/api/employment/seekers/${id}`}
        queryKey="employment-seekers"
        title={(r) => r.personName}
        columns={SEEKERS.columns}
        render={RENDER}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        onClose={() => setOpen(null)}
      />
      <SeekerForm
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
