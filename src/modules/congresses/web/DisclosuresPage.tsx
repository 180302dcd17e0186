import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import type { FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, recentYears, useOpenRecord } from '@ui/ledger';
import { useMe } from '@ui/session';
import { DISCLOSURE_CATEGORY, DISCLOSURE_CHANNEL, DISCLOSURE_PAPERS, DISCLOSURES, type Disclosure } from '../shared/congress.ledger';
import { CongressPermissions } from '../shared/congresses.module';
import { CongressTabs } from './CongressTabs';

const KEY = 'disclosures';
const FIELDS: FieldRows = [
  { name: 'orgId', label: '单位工会', required: '请选择单位工会', input: <OrgTreeSelect placeholder="选择公开事项所在单位的工会" /> },
  { name: 'matter', label: '公开事项', required: '请填写公开事项', input: <Input maxLength={100} placeholder="如 2026 年度职工福利费使用情况" /> },
  [
    { name: 'category', label: '公开类别', required: '请选择公开类别', input: <Select options={DISCLOSURE_CATEGORY.options()} style={{ width: 150 }} /> },
    { name: 'channel', label: '公开渠道', required: '请选择公开渠道', input: <Select options={DISCLOSURE_CHANNEL.options()} style={{ width: 170 }} /> },
    { name: 'disclosedOn', label: '公开日期', required: '请选择公开日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
  ],
  { name: 'periodLabel', label: '公开期限', input: <Input maxLength={30} placeholder="如 2026-04-10 至 2026-04-20" /> },
  { name: 'content', label: '公开内容', extra: '本单位会员在手机上能看到', input: <Input.TextArea rows={3} maxLength={2000} /> },
  { name: 'feedback', label: '职工反馈和处理', input: <Input.TextArea rows={2} maxLength={1000} /> },
];

/** 厂务公开: what each unit made public, how and when, and what its workers said; its members read it on their phones. */
export function DisclosuresPage() {
  const write = useMe().permissions.includes(CongressPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Disclosure | null | undefined>(undefined);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      登记厂务公开
    </Button>
  );
  return (
    <>
      <PageHeader title="职代会和民主管理" help="企业重大决策、生产经营、职工切身利益、规章制度和廉洁建设等事项的公开：公开后登记渠道和日期，公开栏照片作为材料上传，职工意见收到后补记。本单位会员在手机上能看到近一年的公开内容。" extra={add} />
      <CongressTabs current="/congresses/disclosures" />
      <LedgerList<Disclosure>
        queryKey={KEY}
        url="/api/congresses/disclosures"
        exportUrl="/api/congresses/disclosures/export.xlsx"
        exportName="厂务公开.xlsx"
        columns={DISCLOSURES.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="公开事项或工会名称"
        status={{ label: '公开类别', options: [{ value: 'all', label: '全部' }, ...DISCLOSURE_CATEGORY.options()] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        importer={{ kind: 'disclosures', title: '导入厂务公开事项', allowed: write }}
        empty="没有符合条件的厂务公开事项"
        emptyAction={add}
      />
      <LedgerDrawer<Disclosure>
        id={openId}
        url={(id) => `/api/congresses/disclosures/${id}`}
        queryKey={KEY}
        title={(r) => r.matter}
        columns={DISCLOSURES.columns}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改或补记反馈</Button> : null)}
        attachments={{ spec: DISCLOSURE_PAPERS, url: (r) => `/api/congresses/disclosures/${r.id}/attachments`, canWrite: write, title: '公开材料（公开栏照片、公开材料）' }}
        onClose={() => setOpen(null)}
      />
      <LedgerFormDrawer<Disclosure>
        open={editing !== undefined}
        title={editing ? `修改：${editing.matter}` : '登记厂务公开事项'}
        intro={editing ? undefined : '公开后登记；同一事项分次公开的，每次登记一条。'}
        fields={editing ? FIELDS.slice(1) : FIELDS}
        initial={editing ?? { category: 'rights', channel: 'board', disclosedOn: dayjs().format('YYYY-MM-DD') }}
        dates={['disclosedOn']}
        queryKey={KEY}
        save={(body) => (editing ? patch<Disclosure>(`/api/congresses/disclosures/${editing.id}`, { ...body, orgId: undefined }) : post<Disclosure>('/api/congresses/disclosures', body))}
        onClose={() => setEditing(undefined)}
        onSaved={(id) => {
          setEditing(undefined);
          setOpen(id);
        }}
      />
    </>
  );
}
