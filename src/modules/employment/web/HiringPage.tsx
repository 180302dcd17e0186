import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { patch, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { ConfirmButton } from '@ui/dialogs';
import { type FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerTable, useOpenRecord, recentYears } from '@ui/ledger';
import { useShowRefusal } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { EmploymentPermissions } from '../shared/employment.module';
import { EmploymentTabs } from './EmploymentTabs';
import { HIRING, HIRING_STATUS, SOURCE, WORK_KIND, type Hiring, type HiringDetail, type Interest } from '../shared/hiring.ledger';

const money = <InputNumber min={0} precision={0} addonAfter="元" style={{ width: 150 }} />;
const DATE_FIELDS = ['recordedOn', 'validUntil'] as const;

/** What a record asks for (the server checks again: the USCC's check digit, the pay range, the dates). */
const FIELDS: FieldRows = [
  { name: 'orgId', label: '录入工会', required: '请选择录入的工会', input: <OrgTreeSelect placeholder="选择街道或基层工会" /> },
  { name: 'employerName', label: '单位名称', required: '请填写单位名称', input: <Input maxLength={80} /> },
  { name: 'employerUscc', label: '统一社会信用代码', required: '请填写统一社会信用代码', extra: '18 位，系统按 GB 32100 校验', input: <Input maxLength={18} /> },
  [
    { name: 'post', label: '岗位名称', required: '请填写岗位名称', input: <Input maxLength={60} /> },
    { name: 'workKind', label: '用工形式', required: '请选择用工形式', input: <Select options={WORK_KIND.options()} style={{ width: 140 }} /> },
    { name: 'headcount', label: '招聘人数', required: '请填写招聘人数', input: <InputNumber min={1} precision={0} /> },
  ],
  [
    { name: 'payMin', label: '月薪下限', input: money },
    { name: 'payMax', label: '月薪上限', input: money },
  ],
  [
    { name: 'recordedOn', label: '录入日期', required: '请选择录入日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
    { name: 'validUntil', label: '有效期至', required: '请选择有效期', input: <DatePicker /> },
  ],
  { name: 'source', label: '信息来源', required: '请选择信息来源', input: <Select options={SOURCE.options()} /> },
  { name: 'place', label: '工作地点', input: <Input maxLength={100} /> },
  { name: 'requirements', label: '岗位要求', input: <Input.TextArea maxLength={500} rows={2} /> },
  [
    { name: 'contactName', label: '联系人', input: <Input maxLength={30} /> },
    { name: 'contactPhone', label: '联系电话', input: <Input maxLength={30} /> },
  ],
];

function HiringForm({ open, record, onClose, onSaved }: { open: boolean; record: Hiring | null; onClose(): void; onSaved(id: number): void }) {
  return (
    <LedgerFormDrawer<Hiring>
      open={open}
      title={record ? `修改：${record.employerName} · ${record.post}` : '录入企业用工信息'}
      fields={record ? FIELDS.slice(1) : FIELDS}
      initial={record ?? { workKind: 'full_time', source: 'survey', headcount: 1, recordedOn: dayjs().format('YYYY-MM-DD'), validUntil: dayjs().add(3, 'month').format('YYYY-MM-DD') }}
      dates={DATE_FIELDS}
      queryKey="employment"
      save={(body) => (record ? patch<Hiring>(`/api/employment/hiring/${record.id}`, { ...body, orgId: undefined }) : post<Hiring>('/api/employment/hiring', body))}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

/** Workers who said 我有意向 on /jobs: masked phones; the keeping union reveals one to call back (audited). */
function Interests({ post: job }: { post: HiringDetail }) {
  const [shown, setShown] = useState<Record<number, string>>({});
  const showRefusal = useShowRefusal();
  return (
    <section aria-label="求职意向">
      <Typography.Title level={5}>求职意向（{job.interested} 人）</Typography.Title>
      <LedgerTable<Interest>
        columns={[
          { key: 'name', header: '姓名', value: (r) => r.name },
          { key: 'phone', header: '手机号码', value: (r) => shown[r.id] ?? r.phoneMasked },
          { key: 'message', header: '留言', value: (r) => r.message },
          { key: 'createdAt', header: '登记时间', value: (r) => r.createdAt.slice(0, 16).replace('T', ' ') },
        ]}
        rows={job.interests}
        rowKey="id"
        empty="还没有人在招聘信息页登记意向"
        actions={
          job.canWrite
            ? (r) =>
                shown[r.id] ? null : (
                  <Button
                    size="small"
                    onClick={() =>
                      post<{ phone: string }>(`/api/employment/hiring/${job.id}/interests/${r.id}/reveal`, {})
                        .then((x) => setShown((s) => ({ ...s, [r.id]: x.phone })))
                        .catch((e: unknown) => showRefusal(e, '未能查看号码'))
                    }
                  >
                    查看号码
                  </Button>
                )
            : undefined
        }
      />
    </section>
  );
}

/** 企业用工信息: the ledger's list, a record's drawer, recording and changing one, marking it filled. */
export function HiringPage() {
  const write = useMe().permissions.includes(EmploymentPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [editing, setEditing] = useState<Hiring | null | undefined>(undefined);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      录入用工信息
    </Button>
  );
  return (
    <>
      <PageHeader title="企业用工信息" help="工会调查或企业填报的招聘岗位：一个岗位一条，过了有效期自动显示为已过期，招满后标记为已招满。职工不用登录就能在 /jobs 看到招聘中的岗位。" extra={add} />
      <EmploymentTabs current="/employment" />
      <LedgerList<Hiring>
        queryKey="employment"
        url="/api/employment/hiring"
        exportUrl="/api/employment/hiring/export.xlsx"
        exportName="企业用工信息.xlsx"
        columns={HIRING.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="单位、岗位或工会名称"
        status={{ label: '状态', options: [...HIRING_STATUS.options(), { value: 'all', label: '全部' }] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        importer={{ kind: 'employment-hiring', title: '导入企业用工信息', allowed: write }}
        empty="没有符合条件的用工信息"
        emptyAction={add}
      />
      <LedgerDrawer<HiringDetail>
        id={openId}
        url={(id) => `/api/employment/hiring/${id}`}
        queryKey="employment"
        title={(r) => `${r.employerName} · ${r.post}`}
        columns={HIRING.columns}
        extra={(r) =>
          r.canWrite ? (
            <>
              <Button onClick={() => setEditing(r)}>修改</Button>
              {r.status === 'open' && (
                <ConfirmButton title="标记为已招满？" description="招满后不再显示为招聘中；这条信息仍计入录入的用工信息。" okText="已招满" url={`/api/employment/hiring/${r.id}/fill`} refresh={[['employment']]}>
                  已招满
                </ConfirmButton>
              )}
            </>
          ) : null
        }
        onClose={() => setOpen(null)}
      >
        {(r) => <Interests post={r} />}
      </LedgerDrawer>
      <HiringForm
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
