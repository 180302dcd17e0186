import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORG_FILTER } from '@modules/organisations/web';
import { get, post, query } from '@ui/api';
import { PageHeader } from '@ui/components';
import type { FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerSteps, recentYears, useOpenRecord, type StepDialogSpec } from '@ui/ledger';
import type { AvailableStep } from '@platform/workflow/machine';
import { useMe } from '@ui/session';
import { PROPOSAL_STATUS, PROPOSALS, SATISFACTION, type Congress, type Proposal } from '../shared/congress.ledger';
import { CongressPermissions } from '../shared/congresses.module';
import { CongressTabs } from './CongressTabs';

const KEY = 'congress-proposals';
const COLORS: Record<string, string> = { submitted: 'gold', accepted: 'blue', replied: 'cyan', rated: 'green', rejected: 'default' };

/** A congress chosen by its union's name, as a Form.Item child. */
function CongressSelect({ id, value, onChange }: { id?: string; value?: number; onChange?: (v: number) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['congresses', 'pick', q], queryFn: () => get<{ items: Congress[] }>(`/api/congresses${query({ q: q || undefined, pageSize: 20 })}`) });
  return (
    <Select id={id} showSearch filterOption={false} onSearch={setQ} value={value} onChange={onChange} placeholder="输入单位工会名称查找" loading={found.isLoading} notFoundContent="没有找到已建立职代会的单位" options={found.data?.items.map((c) => ({ value: c.id, label: `${c.orgName}（第${c.termNo}届）` }))} />
  );
}

const FIELDS: FieldRows = [
  { name: 'congressId', label: '职代会', required: '请选择职代会', input: <CongressSelect /> },
  { name: 'title', label: '案由', required: '请填写案由', input: <Input maxLength={80} placeholder="如 关于增设夜班休息室的建议" /> },
  { name: 'content', label: '提案内容（情况和建议）', required: '请填写提案内容', input: <Input.TextArea rows={4} maxLength={2000} /> },
  [
    { name: 'proposer', label: '提案人', required: '请填写提案人', input: <Input maxLength={30} /> },
    { name: 'submittedOn', label: '提交日期', required: '请选择提交日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
  ],
  { name: 'coSigners', label: '附议人', input: <Input maxLength={200} placeholder="附议代表的姓名，用顿号分隔" /> },
];

function stepDialog(step: AvailableStep): StepDialogSpec {
  switch (step.code) {
    case 'accept':
      return { dateLabel: '立案日期', fields: [{ name: 'department', label: '承办部门', required: '请填写承办部门', input: <Input maxLength={40} /> }] };
    case 'reject':
      return { opinionLabel: '不予立案的理由（提案人能看到）', hint: '不符合立案条件的，作为意见建议转有关部门处理。' };
    case 'reply':
      return { dateLabel: '答复日期', fields: [{ name: 'reply', label: '答复内容', required: '请填写答复内容', input: <Input.TextArea rows={4} maxLength={2000} /> }] };
    default:
      return { fields: [{ name: 'satisfaction', label: '提案人评价', required: '请选择评价', input: <Select options={SATISFACTION.options()} style={{ width: 140 }} /> }] };
  }
}

/** 职工代表提案: filed by the union or by the delegate on their phone; put on file, answered, rated. */
export function ProposalsPage() {
  const write = useMe().permissions.includes(CongressPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [adding, setAdding] = useState(false);
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
      登记提案
    </Button>
  );
  const tag = (r: Proposal) => <Tag color={COLORS[r.status]}>{PROPOSAL_STATUS.label(r.status)}</Tag>;
  return (
    <>
      <PageHeader title="职代会和民主管理" help="职工代表在职代会期间和闭会期间提出的提案：提案工作委员会审查立案、交承办部门办理，答复后由提案人评价。代表在手机上提交的提案也在这里办理；未立案或未答复的提案列入待办，提交后 30 日为办理期限。" extra={add} />
      <CongressTabs current="/congresses/proposals" />
      <LedgerList<Proposal>
        queryKey={KEY}
        url="/api/congresses/proposals"
        exportUrl="/api/congresses/proposals/export.xlsx"
        exportName="职工代表提案.xlsx"
        columns={PROPOSALS.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="案由、提案人或工会名称"
        status={{ label: '状态', options: [{ value: 'all', label: '全部' }, { value: 'open', label: '待立案或待答复' }, ...PROPOSAL_STATUS.options()] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        render={{ status: tag }}
        empty={(f) => (f.status === 'open' ? '没有待办理的提案' : '没有符合条件的提案')}
        emptyAction={add}
      />
      <LedgerDrawer<Proposal & { steps: AvailableStep[] }>
        id={openId}
        url={(id) => `/api/congresses/proposals/${id}`}
        queryKey={KEY}
        title={(r) => r.title}
        columns={PROPOSALS.columns as never}
        render={{ status: tag as never }}
        onClose={() => setOpen(null)}
      >
        {(r) => <LedgerSteps steps={r.steps} url={`/api/congresses/proposals/${r.id}/steps`} queryKey={KEY} title={r.title} primary={['accept', 'reply']} danger={['reject']} dialog={stepDialog} />}
      </LedgerDrawer>
      <LedgerFormDrawer<Proposal>
        open={adding}
        title="登记职工代表提案"
        intro="代表书面提交的提案在这里登记；代表也可以在手机上“厂务公开和提案”中自己提交。"
        fields={FIELDS}
        initial={{ submittedOn: dayjs().format('YYYY-MM-DD') }}
        dates={['submittedOn']}
        queryKey={KEY}
        save={(body) => post<Proposal>('/api/congresses/proposals', body)}
        onClose={() => setAdding(false)}
        onSaved={(id) => {
          setAdding(false);
          setOpen(id);
        }}
      />
    </>
  );
}
