import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AvailableStep } from '@platform/workflow/machine';
import { ORG_FILTER, OrgTreeSelect } from '@modules/organisations/web';
import { post } from '@ui/api';
import { errorText, PageHeader } from '@ui/components';
import type { FieldRows } from '@ui/FormFields';
import { LedgerDrawer, LedgerFormDrawer, LedgerList, LedgerSteps, LedgerTable, recentYears, useOpenRecord, type StepDialogSpec } from '@ui/ledger';
import { MemberPicker } from '@ui/MemberPicker';
import { useMe } from '@ui/session';
import { CASE_MACHINE } from '../shared/legal-machine';
import { CASE_ISSUE, CASE_KIND, CASE_OUTCOME, CASE_PAPERS, LEGAL_CASES, type CaseReveal, type LegalCase, type LegalCaseDetail } from '../shared/legal.ledger';
import { LegalPermissions } from '../shared/legal.module';
import { LegalTabs } from './LegalTabs';

const KEY = 'legal-cases';
const FIELDS: FieldRows = [
  { name: 'orgId', label: '受理工会', required: '请选择受理工会', input: <OrgTreeSelect placeholder="受理案件的工会" /> },
  [
    { name: 'kind', label: '服务类型', required: '请选择服务类型', input: <Select options={CASE_KIND.options()} style={{ width: 150 }} /> },
    { name: 'issue', label: '争议事项', required: '请选择争议事项', input: <Select options={CASE_ISSUE.options()} style={{ width: 150 }} /> },
  ],
  [
    { name: 'source', label: '来源', required: '请选择来源', input: <Select options={[{ value: 'visit', label: '来访' }, { value: 'phone', label: '来电' }, { value: 'referral', label: '转办' }]} style={{ width: 100 }} /> },
    { name: 'receivedOn', label: '受理日期', required: '请选择受理日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
  ],
  { name: 'memberId', label: '会员', extra: '职工是会员的，从会员名册选择；不是会员的，填写下面的姓名', input: <MemberPicker /> },
  [
    { name: 'workerName', label: '职工姓名（非会员）', input: <Input maxLength={30} style={{ width: 160 }} /> },
    { name: 'phone', label: '联系电话', input: <Input maxLength={11} style={{ width: 160 }} /> },
  ],
  [
    { name: 'employerName', label: '用人单位', required: '请填写用人单位', input: <Input maxLength={80} style={{ width: 260 }} /> },
    { name: 'workersAffected', label: '涉及职工人数', required: '请填写涉及职工人数', input: <InputNumber min={1} precision={0} addonAfter="人" /> },
  ],
  { name: 'handledBy', label: '承办人（律师或工会干部）', required: '请填写承办人', input: <Input maxLength={40} /> },
  { name: 'facts', label: '案情', required: '请填写案情', extra: '加密保存，只有有权限的人员查看时解密，每次查看记入审计', input: <Input.TextArea rows={4} maxLength={2000} /> },
];

function stepDialog(step: AvailableStep): StepDialogSpec {
  switch (step.code) {
    case 'accept':
      return {
        fields: [
          [
            { name: 'kind', label: '服务类型', required: '请选择服务类型', input: <Select options={CASE_KIND.options()} style={{ width: 150 }} /> },
            { name: 'handledBy', label: '承办人', required: '请填写承办人', input: <Input maxLength={40} /> },
          ],
          { name: 'note', label: '告知职工', extra: '职工在手机上能看到这段话', input: <Input.TextArea rows={2} maxLength={1000} /> },
        ],
        initial: { kind: 'consultation' },
      };
    case 'decline':
      return { opinionLabel: '不予受理的理由（职工能看到）', hint: '不属于劳动争议或工会法律服务范围的，说明理由并告知职工可向哪里反映。' };
    case 'progress':
      return { fields: [{ name: 'note', label: '办理情况', required: '请填写办理情况', extra: '加密保存，职工看不到', input: <Input.TextArea rows={3} maxLength={1000} /> }] };
    case 'close':
      return {
        dateLabel: '办结日期',
        fields: [
          [
            { name: 'outcome', label: '办理结果', required: '请选择办理结果', input: <Select options={CASE_OUTCOME.options()} style={{ width: 150 }} /> },
            { name: 'amountRecovered', label: '挽回经济损失', extra: '追回的工资、工伤待遇、经济补偿等', input: <InputNumber min={0} precision={2} addonAfter="元" style={{ width: 180 }} /> },
          ],
          { name: 'workersAffected', label: '涉及职工人数（如有变化）', input: <InputNumber min={1} precision={0} addonAfter="人" /> },
          { name: 'note', label: '告知职工', extra: '职工在手机上能看到这段话', input: <Input.TextArea rows={2} maxLength={1000} /> },
        ],
      };
    default:
      return {};
  }
}

const STEP_LABEL: Record<string, string> = { receive: '受理（来访、来电或转办）', request: '职工网上求助', ...Object.fromEntries(CASE_MACHINE.stepCodes.map((s) => [s, CASE_MACHINE.steps[s].label])) };

/** The worker's name, phone, the facts and the notes: decrypted on request, each look audited. */
function Reveal({ r }: { r: LegalCaseDetail }) {
  const reveal = useMutation({ mutationFn: () => post<CaseReveal>(`/api/legal/cases/${r.id}/reveal`) });
  if (!r.canReveal) return <Typography.Paragraph type="secondary">职工姓名、电话和案情加密保存，您没有查看权限。</Typography.Paragraph>;
  if (!reveal.data)
    {return (
      <div style={{ marginBottom: 16 }}>
        <Button icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
          查看职工信息和案情（记入审计）
        </Button>
        {reveal.isError && <Alert type="error" showIcon style={{ marginTop: 8 }} title={`未能查看：${errorText(reveal.error)}`} />}
      </div>
    );}
  const notes = new Map(reveal.data.notes.map((n) => [n.eventId, n.note]));
  return (
    <Card size="small" title="职工信息和案情" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="职工">{reveal.data.workerName}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{reveal.data.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="案情">{reveal.data.facts}</Descriptions.Item>
        {r.events.filter((e) => notes.has(e.id)).map((e) => (
          <Descriptions.Item key={e.id} label={`${e.on} ${STEP_LABEL[e.step] ?? e.step}`}>
            {notes.get(e.id)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

/** 法律服务案件: the register with its filters, a case's drawer with its steps, the sealed part and papers. */
export function LegalCasesPage() {
  const me = useMe();
  const write = me.permissions.includes(LegalPermissions.write.name);
  const [openId, setOpen] = useOpenRecord();
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState('all');
  const add = write && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
      登记案件
    </Button>
  );
  return (
    <>
      <PageHeader title="普法和法律服务" help="法律咨询、劳动争议调解、法律援助、仲裁和诉讼代理：来访、来电、转办的案件直接登记为办理中；职工在手机上的求助先列入待办，3 日内受理或说明不予受理的理由。职工姓名、电话、案情和办理记录加密保存，列表只显示姓氏。" extra={add} />
      <LegalTabs current="/legal/cases" />
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented aria-label="服务类型" value={kind} onChange={(v) => setKind(String(v))} options={[{ value: 'all', label: '全部类型' }, ...CASE_KIND.options()]} />
      </div>
      <LedgerList<LegalCase>
        queryKey={KEY}
        url="/api/legal/cases"
        exportUrl="/api/legal/cases/export.xlsx"
        exportName="法律服务案件.xlsx"
        columns={LEGAL_CASES.columns}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpen(r.id)}
        search="案件编号、用人单位或工会名称"
        fixed={{ kind }}
        status={{ label: '状态', options: [{ value: 'all', label: '全部' }, { value: 'open', label: '未办结' }, ...CASE_MACHINE.stateCodes.map((s) => ({ value: s, label: CASE_MACHINE.states[s].label }))] }}
        initialFilters={{ status: 'all' }}
        years={recentYears()}
        org={ORG_FILTER}
        empty={(f) => (f.status === 'requested' ? '没有待受理的网上求助' : '没有符合条件的案件')}
        emptyAction={add}
      />
      <LedgerDrawer<LegalCaseDetail>
        id={openId}
        url={(id) => `/api/legal/cases/${id}`}
        queryKey={KEY}
        title={(r) => `${r.caseNo} ${CASE_ISSUE.label(r.issue)}：${r.employerName}`}
        columns={LEGAL_CASES.columns as never}
        attachments={{ spec: CASE_PAPERS, url: (r) => (r.canReveal ? `/api/legal/cases/${r.id}/attachments` : null), canWrite: me.permissions.includes(LegalPermissions.sensitive.name), title: '案件材料（证据、文书；加密保存）' }}
        onClose={() => setOpen(null)}
      >
        {(r) => (
          <>
            <LedgerSteps steps={r.steps} url={`/api/legal/cases/${r.id}/steps`} queryKey={KEY} title={r.caseNo} primary={['accept', 'close']} danger={['decline']} dialog={stepDialog} />
            <Reveal r={r} />
            <section aria-label="办理经过">
              <Typography.Title level={5}>办理经过</Typography.Title>
              <LedgerTable<LegalCaseDetail['events'][number]>
                columns={[
                  { key: 'on', header: '日期', value: (x) => x.on },
                  { key: 'step', header: '事项', value: (x) => STEP_LABEL[x.step] ?? x.step },
                  { key: 'hasNote', header: '情况说明', value: (x) => (x.hasNote ? '有（加密）' : '—') },
                ]}
                rows={r.events}
                rowKey="id"
                empty="还没有办理记录"
              />
            </section>
          </>
        )}
      </LedgerDrawer>
      <LedgerFormDrawer<LegalCaseDetail>
        open={adding}
        title="登记法律服务案件"
        intro="来访、来电或转办的案件登记后即为办理中；职工的网上求助在列表的“待受理”中受理。"
        fields={FIELDS}
        initial={{ kind: 'consultation', issue: 'wage_arrears', source: 'visit', receivedOn: dayjs().format('YYYY-MM-DD'), workersAffected: 1 }}
        dates={['receivedOn']}
        queryKey={KEY}
        save={(body) => post<LegalCaseDetail>('/api/legal/cases', body)}
        onClose={() => setAdding(false)}
        onSaved={(id) => {
          setAdding(false);
          setOpen(id);
        }}
      />
    </>
  );
}
