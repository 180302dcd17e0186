import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Select, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import type { FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, useOpenRecord } from '@ui/ledger';
import { useMe } from '@ui/session';
import { CONGRESS_FORM, CONGRESS_PAPERS, CONGRESSES, type Congress, type CongressDetail } from '../shared/congress.ledger';
import { CongressPermissions } from '../shared/congresses.module';
import { CongressBody } from './CongressBody';
import { CongressRulesDialog } from './CongressRulesDialog';
import { CongressTabs } from './CongressTabs';

import { KEY } from './keys';
const notAfterToday = (d: dayjs.Dayjs) => d.isAfter(dayjs());
const FIELDS: FieldRows = [
  { name: 'orgId', label: '单位工会', required: '请选择单位工会', input: <OrgTreeSelect placeholder="选择建立职代会的单位的工会" /> },
  [
    { name: 'form', label: '组织形式', required: '请选择组织形式', extra: '职工不满 100 人的单位一般召开职工大会', input: <Select options={CONGRESS_FORM.options()} style={{ width: 160 }} /> },
    { name: 'establishedOn', label: '建立日期', required: '请选择建立日期', input: <DatePicker disabledDate={notAfterToday} /> },
  ],
  [
    { name: 'termNo', label: '届次', required: '请填写届次', input: <InputNumber min={1} max={99} precision={0} addonBefore="第" addonAfter="届" style={{ width: 140 }} /> },
    { name: 'termStartsOn', label: '本届起始日期', required: '请选择本届起始日期', input: <DatePicker disabledDate={notAfterToday} /> },
    { name: 'termYears', label: '每届任期', required: '请填写任期', input: <InputNumber min={1} max={5} precision={0} addonAfter="年" style={{ width: 110 }} /> },
  ],
  [
    { name: 'staff', label: '职工人数', required: '请填写职工人数', extra: '据此核对代表人数下限', input: <InputNumber min={1} precision={0} addonAfter="人" /> },
    { name: 'womenStaff', label: '女职工人数', extra: '据此核对女职工代表比例', input: <InputNumber min={0} precision={0} addonAfter="人" /> },
  ],
  { name: 'stateOwned', label: '国有独资或国有控股公司', checked: true, extra: '这类公司依法应设职工董事，没有在任职工董事时列入待办', input: <Switch /> },
  { name: 'note', label: '说明', input: <Input.TextArea rows={2} maxLength={500} /> },
];

/** 职代会: each unit's congress with its roster checked live, the failing check named; a congress's drawer keeps its roster, sessions and worker directors. */
export function CongressesPage() {
  const me = useMe();
  const write = me.permissions.includes(CongressPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Congress | null | undefined>(undefined);
  const [rules, setRules] = useState(false);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      建立职代会制度
    </Button>
  );
  return (
    <>
      <PageHeader
        title="职代会和民主管理"
        help="各单位的职工代表大会（职工大会）制度、代表名册、会议、提案、厂务公开和职工董事监事。代表人数和构成按区总工会设定的标准实时核对：不符合时写明哪一项，会议不能作为依法召开登记。"
        extra={
          <>
            <Button icon={<SettingOutlined />} onClick={() => setRules(true)}>
              代表构成标准
            </Button>
            {add}
          </>
        }
      />
      <CongressTabs current="/congresses" />
      <LedgerList<Congress>
        queryKey={KEY}
        url="/api/congresses"
        exportUrl="/api/congresses/export.xlsx"
        exportName="职代会.xlsx"
        columns={CONGRESSES.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="单位工会名称"
        status={{ label: '筛选', options: [{ value: 'all', label: '全部' }, { value: 'failing', label: '代表构成不符合规定' }, { value: 'no_director', label: '国有企业缺职工董事' }, ...CONGRESS_FORM.options()] }}
        initialFilters={{ status: 'all' }}
        org={ORG_FILTER}
        importer={{ kind: 'congress-delegates', title: '导入职工代表名册', allowed: write }}
        render={{
          checks: (r) => (r.lawful ? <Tag color="green">符合规定</Tag> : <Tag color="red">{`${r.checks.filter((c) => !c.ok).map((c) => c.label).join('、')}不符合`}</Tag>),
          directorsText: (r) => (r.directorMissing ? <Tag color="orange">缺职工董事</Tag> : r.directors + r.supervisors ? `董事 ${r.directors} 人，监事 ${r.supervisors} 人` : '—'),
        }}
        empty={(f) => (f.status === 'failing' ? '没有代表构成不符合规定的职代会' : '没有符合条件的职代会')}
        emptyAction={add}
      />
      <LedgerDrawer<CongressDetail>
        id={openId}
        url={(id) => `/api/congresses/${id}`}
        queryKey={KEY}
        title={(r) => `${r.orgName} · ${CONGRESS_FORM.label(r.form)}（第${r.termNo}届）`}
        columns={CONGRESSES.columns.filter((c) => !['checks', 'delegates', 'women', 'lastSessionOn'].includes(c.key)) as never}
        extra={(r) => (r.canWrite ? <Button onClick={() => setEditing(r)}>修改</Button> : null)}
        attachments={{ spec: CONGRESS_PAPERS, url: (r) => `/api/congresses/${r.id}/attachments`, canWrite: write, title: '职代会材料（实施办法、代表名册）' }}
        onClose={() => setOpen(null)}
      >
        {(r) => <CongressBody r={r} />}
      </LedgerDrawer>
      <LedgerFormDrawer<CongressDetail>
        open={editing !== undefined}
        title={editing ? `修改：${editing.orgName}职代会` : '建立职代会制度'}
        intro={editing ? '换届后改届次和本届起始日期；职工人数变化后改职工人数，代表人数下限随之核对。' : '一个单位一套职代会制度；建立后登记代表名册，再登记会议。'}
        fields={editing ? FIELDS.slice(1) : FIELDS}
        initial={editing ?? { form: 'congress', termNo: 1, termYears: 3, stateOwned: false, establishedOn: dayjs().format('YYYY-MM-DD'), termStartsOn: dayjs().format('YYYY-MM-DD') }}
        dates={['establishedOn', 'termStartsOn']}
        queryKey={KEY}
        save={(body) => (editing ? patch<CongressDetail>(`/api/congresses/${editing.id}`, { ...body, orgId: undefined }) : post<CongressDetail>('/api/congresses', body))}
        onClose={() => setEditing(undefined)}
        onSaved={(id) => {
          setEditing(undefined);
          setOpen(id);
        }}
      />
      <CongressRulesDialog open={rules} canEdit={me.permissions.includes(CongressPermissions.rules.name)} onClose={() => setRules(false)} />
    </>
  );
}
