import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { z } from 'zod';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '@ui/api';
import { PageHeader, errorText } from '@ui/components';
import { LedgerDetails, LedgerDrawer, LedgerList, useOpenRecord } from '@ui/ledger';
import { useMe } from '@ui/session';
import { ELECTION_LEDGER, TERM_COLUMNS } from '../../shared/union.ledger';
import type { ElectionRowSchema, TermSchema } from '../../shared/union.schema';

type Row = z.infer<typeof ElectionRowSchema>;
type Term = z.infer<typeof TermSchema>;
const COLORS = { overdue: 'red', due: 'gold', in_term: 'green', unregistered: 'default' } as const;
const names = (s: string | undefined) => (s ? s.split(/[，,、\s]+/).filter(Boolean) : []);

const STATUS_OPTIONS = [
  { value: 'due', label: '即将届满' },
  { value: 'overdue', label: '已逾期' },
  { value: 'unregistered', label: '未登记届期' },
  { value: 'all', label: '全部' },
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
  const record = useMutation({
    mutationFn: ({ orgId, body }: { orgId: number; body: unknown }) => post(`/api/unions/${orgId}/terms`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['elections'] });
      void qc.invalidateQueries({ queryKey: ['due'] });
    },
  });
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
        extraColumns={[
          {
            title: '操作',
            key: 'actions',
            render: (_, r) =>
              can('org.write') ? (
                <Button type="link" size="small" onClick={() => startRecording(r.orgId, r.orgName)}>
                  登记换届
                </Button>
              ) : null,
          },
        ]}
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
                <Table<Term>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={terms.slice(1)}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: '往届选举日期', dataIndex: 'electedOn' },
                    { title: '任期', dataIndex: 'termYears', render: (v: number) => `${v} 年` },
                    { title: '届满日期', dataIndex: 'endsOn' },
                    { title: '工会主席', dataIndex: 'chairName' },
                  ]}
                />
              )}
            </>
          )
        }
      </LedgerDrawer>
      <Modal
        title={recording ? `登记换届选举：${recording.orgName}` : ''}
        open={!!recording}
        okText="保存"
        onCancel={() => setRecording(null)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await record.mutateAsync({
              orgId: recording!.orgId,
              body: { ...v, electedOn: v.electedOn.format('YYYY-MM-DD'), viceChairs: names(v.viceChairs), committeeMembers: names(v.committeeMembers), fundsCommittee: names(v.fundsCommittee), womenCommittee: names(v.womenCommittee) },
            });
            void message.success('已登记，新一届任期开始');
            setRecording(null);
          } catch (e) {
            void message.error(errorText(e));
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item name="electedOn" label="选举日期" rules={[{ required: true, message: '请选择选举日期' }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
            <Form.Item name="termYears" label="任期" rules={[{ required: true }]}>
              <Radio.Group options={[{ value: 3, label: '3 年' }, { value: 5, label: '5 年' }]} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="chairName" label="工会主席" rules={[{ required: true, message: '请填写主席姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="chairFullTime" valuePropName="checked" label=" ">
              <Checkbox>专职主席</Checkbox>
            </Form.Item>
          </Space>
          <Form.Item name="viceChairs" label="副主席（多人用顿号分隔）">
            <Input />
          </Form.Item>
          <Form.Item name="committeeMembers" label="委员" extra="工会委员会含主席、副主席应为 3–11 人的单数">
            <Input />
          </Form.Item>
          <Form.Item name="fundsCommittee" label="经费审查委员会委员" extra="3–5 人的单数">
            <Input />
          </Form.Item>
          <Form.Item name="womenCommittee" label="女职工委员会委员">
            <Input />
          </Form.Item>
          <Form.Item name="approvalDoc" label="上级批复文号">
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
