import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import type { FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, recentYears, useOpenRecord } from '@ui/ledger';
import { useMe } from '@ui/session';
import { EVENT_KIND, EVENT_PAPERS, LEGAL_EVENTS, type LegalEvent } from '../shared/legal.ledger';
import { LegalPermissions } from '../shared/legal.module';
import { LegalTabs } from './LegalTabs';

const KEY = 'legal-events';
const FIELDS: FieldRows = [
  { name: 'orgId', label: '主办工会', required: '请选择主办工会', input: <OrgTreeSelect placeholder="选择主办的工会" /> },
  [
    { name: 'kind', label: '活动形式', required: '请选择活动形式', input: <Select options={EVENT_KIND.options()} style={{ width: 150 }} /> },
    { name: 'heldOn', label: '活动日期', required: '请选择活动日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
  ],
  { name: 'title', label: '活动名称', required: '请填写活动名称', input: <Input maxLength={80} placeholder="如 “尊法守法 携手筑梦”送法进企业" /> },
  { name: 'place', label: '地点', input: <Input maxLength={100} /> },
  [
    { name: 'audience', label: '服务职工人数', required: '请填写服务职工人数', extra: '到场听讲、参加竞赛和现场咨询的职工', input: <InputNumber min={0} precision={0} addonAfter="人" /> },
    { name: 'materials', label: '发放资料', input: <InputNumber min={0} precision={0} addonAfter="份" /> },
  ],
  { name: 'speakers', label: '主讲人或律师', input: <Input maxLength={100} /> },
  { name: 'summary', label: '活动简况', input: <Input.TextArea rows={3} maxLength={1000} /> },
];

/** 普法活动: the event register (list, import, export), an event's drawer with its photos and sign-in sheets. */
export function LegalEventsPage() {
  const write = useMe().permissions.includes(LegalPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<LegalEvent | null | undefined>(undefined);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记普法活动
    </Button>
  );
  return (
    <>
      <PageHeader title="普法和法律服务" help="送法进企业、进社区、进工地，法治讲座、法律知识竞赛和法律咨询日：举办后登记服务职工人数和发放资料份数，照片和签到表作为材料上传。年度报告的“普法活动场次”“普法服务职工人数”由这里统计。" extra={add} />
      <LegalTabs current="/legal" />
      <LedgerList<LegalEvent>
        queryKey={KEY}
        url="/api/legal/events"
        exportUrl="/api/legal/events/export.xlsx"
        exportName="普法活动.xlsx"
        columns={LEGAL_EVENTS.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="活动或工会名称"
        status={{ label: '活动形式', options: [{ value: 'all', label: '全部' }, ...EVENT_KIND.options()] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        importer={{ kind: 'legal-events', title: '导入普法活动', allowed: write }}
        empty="没有符合条件的普法活动"
        emptyAction={add}
      />
      <LedgerDrawer<LegalEvent>
        id={openId}
        url={(id) => `/api/legal/events/${id}`}
        queryKey={KEY}
        title={(r) => r.title}
        columns={LEGAL_EVENTS.columns}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        attachments={{ spec: EVENT_PAPERS, url: (r) => `/api/legal/events/${r.id}/attachments`, canWrite: write, title: '活动材料（照片、活动记录、签到表）' }}
        onClose={() => setOpen(null)}
      />
      <LedgerFormDrawer<LegalEvent>
        open={editing !== undefined}
        title={editing ? `修改：${editing.title}` : '登记普法活动'}
        intro={editing ? undefined : '活动举办后登记。'}
        fields={editing ? FIELDS.slice(1) : FIELDS}
        initial={editing ?? { kind: 'enterprise', heldOn: dayjs().format('YYYY-MM-DD') }}
        dates={['heldOn']}
        queryKey={KEY}
        save={(body) => (editing ? patch<LegalEvent>(`/api/legal/events/${editing.id}`, { ...body, orgId: undefined }) : post<LegalEvent>('/api/legal/events', body))}
        onClose={() => setEditing(undefined)}
        onSaved={(id) => {
          setEditing(undefined);
          setOpen(id);
        }}
      />
    </>
  );
}
