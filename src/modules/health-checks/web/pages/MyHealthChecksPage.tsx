import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Popconfirm, Radio, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AvailableStep } from '@platform/workflow/machine';
import { get, post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { useShowRefusal } from '@ui/ServerForm';

interface Offer {
  id: number;
  name: string;
  provider: string;
  package: string | null;
  startsOn: string;
  endsOn: string;
  groups: { group: string; groupLabel: string; left: number; eligible: boolean; reason: string | null }[];
}
interface MySignup {
  id: number;
  programmeId: number;
  programmeName: string;
  groupLabel: string;
  slotOn: string;
  status: string;
  statusLabel: string;
  doneOn: string | null;
  reportDeliveredOn: string | null;
  results: { abnormal: boolean; findings: string | null; followUp: string | null } | null;
  /** The steps open to the worker themself (取消 while signed up). */
  steps: AvailableStep[];
}

const STATUS_COLORS: Record<string, string> = { signed_up: 'blue', done: 'green', cancelled: 'default' };

/** The worker's own free health checks, on a phone: what they may sign up for, their bookings and results. */
export function MyHealthChecksPage() {
  const { message } = App.useApp();
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  const mine = useQuery({ queryKey: ['me', 'health-checks'], queryFn: () => get<{ open: Offer[]; signups: MySignup[] }>('/api/me/health-checks') });
  const [offer, setOffer] = useState<Offer | null>(null);
  const [form] = Form.useForm();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['me', 'health-checks'] });
  if (mine.isLoading) return <Spin />;
  const active = new Set(mine.data?.signups.filter((s) => s.status !== 'cancelled').map((s) => s.programmeId));
  const offers = mine.data?.open.filter((o) => !active.has(o.id)) ?? [];
  return (
    <>
      <PageHeader title="免费体检" help="工会为一线职工、新就业形态劳动者和女职工安排的免费健康体检。报名后按预约日期到体检机构体检；体检结果只有您本人和工会的授权人员能看到。" />
      <Typography.Title level={5}>我的体检</Typography.Title>
      {mine.data?.signups.length === 0 && <Empty description="还没有报名体检" style={{ marginBottom: 16 }} />}
      {mine.data?.signups.map((s) => (
        <Card key={s.id} size="small" style={{ marginBottom: 12 }} title={s.programmeName} extra={<Tag color={STATUS_COLORS[s.status]}>{s.statusLabel}</Tag>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="人群">{s.groupLabel}</Descriptions.Item>
            <Descriptions.Item label="预约日期">{s.slotOn}</Descriptions.Item>
            {s.doneOn && <Descriptions.Item label="体检日期">{s.doneOn}</Descriptions.Item>}
            {s.results && (
              <>
                <Descriptions.Item label="结果">{s.results.abnormal ? <Tag color="red">有异常，请按指导复查</Tag> : <Tag color="green">未见异常</Tag>}</Descriptions.Item>
                {s.results.findings && <Descriptions.Item label="主要结果">{s.results.findings}</Descriptions.Item>}
                {s.results.followUp && <Descriptions.Item label="健康指导">{s.results.followUp}</Descriptions.Item>}
              </>
            )}
            {s.status === 'done' && !s.results && <Descriptions.Item label="结果">体检机构出具报告后，工会会登记并送达</Descriptions.Item>}
          </Descriptions>
          {s.steps.some((step) => step.code === 'cancel') && (
            <Popconfirm
              title="取消这次报名？"
              description="取消后名额会让给其他职工。"
              okText="取消报名"
              cancelText="不取消"
              onConfirm={async () => {
                try {
                  await post(`/api/me/health-checks/signups/${s.id}/cancel`);
                  refresh();
                } catch (e) {
                  showRefusal(e, '未能取消报名');
                }
              }}
            >
              <Button danger size="small">
                取消报名
              </Button>
            </Popconfirm>
          )}
        </Card>
      ))}
      <Typography.Title level={5}>可以报名的体检</Typography.Title>
      {offers.length === 0 && <Empty description="目前没有可以报名的体检项目" />}
      {offers.map((o) => {
        const can = o.groups.some((g) => g.eligible && g.left > 0);
        return (
          <Card key={o.id} size="small" style={{ marginBottom: 12 }} title={o.name}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="体检机构">{o.provider}</Descriptions.Item>
              <Descriptions.Item label="体检时间">
                {o.startsOn} 至 {o.endsOn}
              </Descriptions.Item>
              {o.package && <Descriptions.Item label="套餐">{o.package}</Descriptions.Item>}
              <Descriptions.Item label="名额">
                <Space wrap size={4}>
                  {o.groups.map((g) => (
                    <Tag key={g.group} color={g.eligible && g.left > 0 ? 'green' : 'default'}>
                      {g.groupLabel} 余 {g.left}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
            <Button
              type="primary"
              block
              style={{ marginTop: 12 }}
              disabled={!can}
              onClick={() => {
                const first = o.groups.find((g) => g.eligible && g.left > 0);
                form.resetFields();
                form.setFieldsValue({ group: first?.group, slotOn: dayjs().isAfter(o.startsOn) ? dayjs().add(1, 'day') : dayjs(o.startsOn) });
                setOffer(o);
              }}
            >
              {can ? '我要报名' : '没有符合条件的名额'}
            </Button>
          </Card>
        );
      })}
      <FormModal<{ group: string; slotOn: dayjs.Dayjs }>
        title={offer ? `报名：${offer.name}` : ''}
        open={!!offer}
        form={form}
        okText="报名"
        onCancel={() => setOffer(null)}
        onSubmit={async (v) => {
          await post(`/api/me/health-checks/${offer!.id}/signups`, { group: v.group, slotOn: v.slotOn.format('YYYY-MM-DD') });
          void message.success('报名成功，请按预约日期前往体检');
          setOffer(null);
          refresh();
        }}
      >
        {offer && (
          <>
            <Form.Item name="group" label="我属于" rules={[{ required: true, message: '请选择人群' }]}>
              <Radio.Group>
                <Space direction="vertical">
                  {offer.groups.map((g) => (
                    <Radio key={g.group} value={g.group} disabled={!g.eligible || g.left === 0}>
                      {g.groupLabel}
                      {!g.eligible ? `（${g.reason}）` : g.left === 0 ? '（名额已满）' : ''}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="slotOn" label="预约体检日期" rules={[{ required: true, message: '请选择预约日期' }]}>
              <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.isBefore(offer.startsOn, 'day') || d.isAfter(offer.endsOn, 'day') || d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
