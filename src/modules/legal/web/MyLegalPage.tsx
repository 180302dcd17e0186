import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Select, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '@ui/api';
import { errorText, PageHeader } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields } from '@ui/FormFields';
import { useShowRefusal } from '@ui/ServerForm';
import { CASE_MACHINE } from '../shared/legal-machine';
import { CASE_ISSUE, CASE_OUTCOME, type MyLegalCase } from '../shared/legal.ledger';

const KEY = ['me', 'legal-cases'];
const COLORS: Record<string, string> = { requested: 'gold', handling: 'blue', closed: 'green', declined: 'default', withdrawn: 'default' };
const STEP: Record<string, string> = { request: '提交求助', accept: '工会已受理', decline: '不予受理', progress: '办理中', close: '已办结', withdraw: '已撤回' };

/** A worker's own legal help, on a phone: ask for help, follow each request, withdraw one not yet accepted. */
export function MyLegalPage() {
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm();
  const mine = useQuery({ queryKey: KEY, queryFn: () => get<{ items: MyLegalCase[] }>('/api/me/legal-cases') });
  const ask = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAsking(true)}>
      申请法律帮助
    </Button>
  );
  return (
    <>
      <PageHeader title="法律帮助" help="遇到拖欠工资、工伤、劳动合同等问题，可以向所在工会申请法律帮助：工会 3 日内联系您，安排律师或工会干部咨询、调解，符合条件的提供法律援助。您填写的情况加密保存，只有承办人员能看到。" extra={ask} />
      {mine.isLoading && <Skeleton active />}
      {mine.isError && <Alert type="error" showIcon title={`未能读取您的求助：${errorText(mine.error)}`} />}
      {mine.data?.items.length === 0 && <Empty description="还没有申请过法律帮助">{ask}</Empty>}
      {mine.data?.items.map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 12 }} title={`${CASE_ISSUE.label(c.issue)}：${c.employerName}`} extra={<Tag color={COLORS[c.status]}>{CASE_MACHINE.states[c.status as keyof typeof CASE_MACHINE.states]?.label ?? c.status}</Tag>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="编号">{c.caseNo}</Descriptions.Item>
            <Descriptions.Item label="受理工会">{c.orgName}</Descriptions.Item>
            {c.handledBy && <Descriptions.Item label="承办人">{c.handledBy}</Descriptions.Item>}
            {c.outcome && <Descriptions.Item label="结果">{CASE_OUTCOME.label(c.outcome)}</Descriptions.Item>}
            {c.amountRecovered ? <Descriptions.Item label="挽回经济损失">{`${c.amountRecovered.toLocaleString('zh-CN')} 元`}</Descriptions.Item> : null}
            <Descriptions.Item label="您填写的情况">{c.facts}</Descriptions.Item>
          </Descriptions>
          <Typography.Text strong>办理进度</Typography.Text>
          <Timeline style={{ marginTop: 12 }} items={c.events.map((e) => ({ content: <><Typography.Text>{`${e.on} ${STEP[e.step] ?? e.step}`}</Typography.Text>{e.note && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{e.note}</Typography.Paragraph>}</> }))} />
          {c.canWithdraw && (
            <Popconfirm
              title="撤回这次求助？"
              description="撤回后工会不再受理；问题没解决可以重新申请。"
              okText="撤回"
              okButtonProps={{ danger: true }}
              cancelText="不撤回"
              onConfirm={async () => {
                try {
                  await post(`/api/me/legal-cases/${c.id}/withdraw`);
                  void message.success('已撤回');
                  await qc.invalidateQueries({ queryKey: KEY });
                } catch (e) {
                  showRefusal(e, '未能撤回');
                }
              }}
            >
              <Button danger>撤回求助</Button>
            </Popconfirm>
          )}
        </Card>
      ))}
      <FormModal<Record<string, unknown>>
        title="申请法律帮助"
        open={asking}
        okText="提交"
        form={form}
        formProps={{ initialValues: { issue: 'wage_arrears', workersAffected: 1 }, layout: 'vertical' }}
        modalProps={{ destroyOnHidden: true }}
        onCancel={() => setAsking(false)}
        onSubmit={async (v) => {
          const r = await post<{ caseNo: string }>('/api/me/legal-cases', v);
          void message.success(`已提交，编号 ${r.caseNo}；工会会在 3 日内联系您`);
          await qc.invalidateQueries({ queryKey: KEY });
          setAsking(false);
        }}
      >
        <FormFields
          fields={[
            { name: 'issue', label: '遇到的问题', required: '请选择遇到的问题', input: <Select options={CASE_ISSUE.options()} /> },
            { name: 'employerName', label: '用人单位', required: '请填写用人单位', input: <Input maxLength={80} placeholder="公司或单位的全称" /> },
            { name: 'workersAffected', label: '涉及人数（包括您）', required: '请填写涉及人数', input: <InputNumber min={1} precision={0} addonAfter="人" /> },
            { name: 'phone', label: '联系电话', required: '请填写联系电话', input: <Input maxLength={11} inputMode="tel" /> },
            { name: 'facts', label: '情况说明', required: '请写清发生了什么', extra: '什么时候、发生了什么、涉及多少钱；至少 10 个字', input: <Input.TextArea rows={4} maxLength={2000} /> },
          ]}
        />
      </FormModal>
    </>
  );
}
