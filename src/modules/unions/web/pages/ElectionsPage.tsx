import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Empty, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import type { z } from 'zod';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields, type FieldRows } from '@ui/FormFields';
import { LedgerDetails, LedgerDrawer, LedgerList, LedgerTable, useOpenRecord } from '@ui/ledger';
import { type FormValues } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { ELECTION_LEDGER, ELECTION_STATUS, TERM_COLUMNS } from '../../shared/union.ledger';
import type { ElectionRowSchema, TermSchema } from '../../shared/union.schema';

type Row = z.infer<typeof ElectionRowSchema>;
type Term = z.infer<typeof TermSchema>;
const COLORS = { overdue: 'red', due: 'gold', in_term: 'green', unregistered: 'default' } as const;
const names = (s: string | undefined) => (s ? s.split(/[，,、\s]+/).filter(Boolean) : []);

/** The reminder's status filter: the statuses a reminder is about, then 全部. */
const STATUS_OPTIONS = [...(['due', 'overdue', 'unregistered'] as const).map((value) => ({ value, label: ELECTION_STATUS.labels[value] })), { value: 'all', label: '全部' }];

/** What an election's record asks for; names of a committee are typed in one box each. */
const TERM_FIELDS: FieldRows = [
  [
    { name: 'electedOn', label: '选举日期', required: '请选择选举日期', input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
    { name: 'termYears', label: '任期', required: '请选择任期', input: <Radio.Group options={[{ value: 3, label: '3 年' }, { value: 5, label: '5 年' }]} /> },
  ],
  [
    { name: 'chairName', label: '工会主席', required: '请填写主席姓名', input: <Input maxLength={30} /> },
    { name: 'chairFullTime', label: ' ', checked: true, input: <Checkbox>专职主席</Checkbox> },
  ],
  { name: 'viceChairs', label: '副主席（多人用顿号分隔）', input: <Input /> },
  { name: 'committeeMembers', label: '委员', extra: '工会委员会含主席、副主席应为 3–11 人的单数', input: <Input /> },
  { name: 'fundsCommittee', label: '经费审查委员会委员', extra: '3–5 人的单数', input: <Input /> },
  { name: 'womenCommittee', label: '女职工委员会委员', input: <Input /> },
  { name: 'approvalDoc', label: '上级批复文号', input: <Input maxLength={60} /> },
];

/** Committee terms (换届): unions whose term ends soon or has ended, and recording an election; on the ledger kit. */
export function ElectionsPage() {
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [within, setWithin] = useState(180);
  const [openId, setOpen] = useOpenRecord();
  const [recording, setRecording] = useState<{ orgId: number; orgName: string } | null>(null);
  const [form] = Form.useForm();
  const union = useQuery({ queryKey: ['elections', 'union', openId], enabled: openId !== null, queryFn: () => get<{ name: string }>(`/api/orgs/${openId}`), retry: false });
  const startRecording = (orgId: number, orgName: string) => (form.resetFields(), form.setFieldsValue({ termYears: 5, chairFullTime: false }), setRecording({ orgId, orgName }));
  return (
    <>
      <PageHeader title="换届提醒" help="《工会法》第十五条：基层工会委员会每届任期三年或者五年。届满前请及时向上级工会报送换届请示。" />
      <LedgerList<Row>
        queryKey="elections"
        url="/api/unions/elections"
        exportUrl="/api/unions/elections/export.xlsx"
        exportName="换届提醒.xlsx"
        columns={ELECTION_LEDGER.columns}
        rowKey={(r) => r.orgId}
        onOpen={(r) => setOpen(r.orgId)}
        status={{ label: '换届状态', options: STATUS_OPTIONS }}
        search="工会名称"
        fixed={{ within }}
        toolbar={<Select aria-label="届满期限" value={within} onChange={setWithin} style={{ width: 150 }} options={[30, 90, 180, 365].map((d) => ({ value: d, label: `${d} 天内届满` }))} />}
        render={{
          termYears: (r) => (r.termYears ? `${r.termYears} 年` : '—'),
          status: (r) => <Tag color={COLORS[r.status]}>{r.status === 'due' ? `${r.daysLeft} 天后届满` : r.status === 'overdue' ? `逾期 ${-(r.daysLeft ?? 0)} 天` : r.statusLabel}</Tag>,
        }}
        actions={(r) =>
          can('org.write') && (
            <Button type="link" size="small" onClick={() => startRecording(r.orgId, r.orgName)}>
              登记换届
            </Button>
          )
        }
        empty="没有需要提醒的工会"
      />
      <LedgerDrawer<Term[]>
        id={openId}
        url={(id) => `/api/unions/${id}/terms`}
        queryKey="elections"
        title={union.data ? `${union.data.name}：历届选举` : '历届选举'}
        extra={() =>
          can('org.write') && union.data ? (
            <Button type="primary" onClick={() => startRecording(Number(openId), union.data!.name)}>
              登记换届
            </Button>
          ) : null
        }
        attachments={{ spec: ELECTION_LEDGER.attachments!, title: '当前届期的选举材料', url: (terms) => (terms[0] ? `/api/unions/terms/${terms[0].id}/attachments` : null), canWrite: can('org.write') }}
        onClose={() => setOpen(null)}
      >
        {(terms) =>
          terms.length === 0 ? (
            <Empty description="还没有登记换届选举" />
          ) : (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                当前届期
              </Typography.Title>
              <LedgerDetails columns={TERM_COLUMNS} row={terms[0]!} />
              {terms.length > 1 && (
                <>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    往届选举
                  </Typography.Title>
                  <LedgerTable columns={TERM_COLUMNS} rows={terms.slice(1)} rowKey="id" />
                </>
              )}
            </>
          )
        }
      </LedgerDrawer>
      <FormModal<FormValues>
        title={recording ? `登记换届选举：${recording.orgName}` : ''}
        open={!!recording}
        okText="保存"
        form={form}
        onCancel={() => setRecording(null)}
        onSubmit={async (v) => {
          const lists = { viceChairs: names(v.viceChairs), committeeMembers: names(v.committeeMembers), fundsCommittee: names(v.fundsCommittee), womenCommittee: names(v.womenCommittee) };
          await post(`/api/unions/${recording!.orgId}/terms`, { ...v, ...lists, electedOn: v.electedOn.format('YYYY-MM-DD') });
          for (const queryKey of [['elections'], ['due']]) void qc.invalidateQueries({ queryKey });
          void message.success('已登记，新一届任期开始');
          setRecording(null);
        }}
      >
        <FormFields fields={TERM_FIELDS} />
      </FormModal>
    </>
  );
}
