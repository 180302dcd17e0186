import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Form, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, post } from '@ui/api';
import { labelOptions } from '@ui/forms';
import { ConfirmButton, FormModal } from '@ui/dialogs';
import type { FormValues } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { AID_FORM_LABELS, FUND_SOURCE_LABELS, RECIPIENT_SOURCES, SEASON_LABELS, type Campaign } from '../../shared/aid.schema';
import { yuan } from './AssessmentFields';


/** Care campaigns: create, build the recipient list from the ledgers, see reach and money by source, close. */
export function CampaignsTab() {
  const me = useMe();
  const canWrite = me.permissions.includes('hardship.write');
  const qc = useQueryClient();
  const [, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [building, setBuilding] = useState<Campaign | null>(null);
  const [result, setResult] = useState<{ added: number; skipped: { name: string; reason: string }[] } | null>(null);
  const [form] = Form.useForm();
  const [buildForm] = Form.useForm();
  const list = useQuery({ queryKey: ['campaigns'], queryFn: () => get<{ items: Campaign[] }>('/api/campaigns') });
  const refresh = () => (void qc.invalidateQueries({ queryKey: ['campaigns'] }), void qc.invalidateQueries({ queryKey: ['aid'] }));
  return (
    <>
      {canWrite && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => (form.resetFields(), form.setFieldsValue({ season: 'winter', dates: [dayjs(), dayjs().add(1, 'month')] }), setCreating(true))}>
            新建活动
          </Button>
        </Card>
      )}
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有活动。新建“冬送温暖”等活动后，可从困难职工档案等台账一键生成发放名单" /> }}
        columns={[
          { title: '活动', dataIndex: 'name' },
          { title: '类型', dataIndex: 'seasonLabel' },
          { title: '举办单位', dataIndex: 'orgName', ellipsis: true, width: 180 },
          { title: '时间', render: (_, c) => `${c.startsOn} 至 ${c.endsOn}` },
          { title: '慰问人数', dataIndex: 'people', align: 'right' },
          { title: '已签收', dataIndex: 'signed', align: 'right' },
          { title: '金额合计', dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
          { title: '按资金来源', render: (_, c) => c.bySource.map((s) => `${s.label} ${yuan(s.amountFen)}`).join('；') || '—' },
          { title: '状态', dataIndex: 'status', render: (v) => (v === 'open' ? <Tag color="green">进行中</Tag> : <Tag>已结束</Tag>) },
          {
            title: '操作',
            render: (_, c) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setParams({ tab: 'aid', campaignId: String(c.id) })}>
                  发放名单
                </Button>
                {canWrite && c.status === 'open' && (
                  <Button type="link" size="small" onClick={() => (buildForm.resetFields(), buildForm.setFieldsValue({ source: 'cases', form: 'cash', fundSource: 'union', givenOn: dayjs() }), setResult(null), setBuilding(c))}>
                    生成名单
                  </Button>
                )}
                {canWrite && c.status === 'open' && (
                  <ConfirmButton inline title="结束这项活动？" description="结束后不能再登记发放。" okText="结束" url={`/api/campaigns/${c.id}/close`} refresh={[['campaigns'], ['aid']]}>
                    结束
                  </ConfirmButton>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<FormValues>
        title="新建活动"
        open={creating}
        form={form}
        okText="保存"
        onCancel={() => setCreating(false)}
        onSubmit={async (v) => {
          const budgets = Object.fromEntries(Object.keys(FUND_SOURCE_LABELS).filter((k) => v[`budget_${k}`]).map((k) => [k, Math.round(v[`budget_${k}`] * 100)]));
          await post('/api/campaigns', { name: v.name, season: v.season, startsOn: v.dates[0].format('YYYY-MM-DD'), endsOn: v.dates[1].format('YYYY-MM-DD'), budgets });
          setCreating(false);
          refresh();
        }}
      >
          <Form.Item name="name" label="活动名称" rules={[{ required: true, min: 2, message: '请填写活动名称' }]}>
            <Input maxLength={60} placeholder={`如：${dayjs().year()}年冬送温暖`} />
          </Form.Item>
          <Form.Item name="season" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={labelOptions(SEASON_LABELS)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="dates" label="活动时间" rules={[{ required: true, message: '请选择活动时间' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Typography.Text strong>预算（按资金来源，可不填）</Typography.Text>
          <Space wrap style={{ marginTop: 8 }}>
            {Object.entries(FUND_SOURCE_LABELS).map(([k, label]) => (
              <Form.Item key={k} name={`budget_${k}`} label={label}>
                <InputNumber min={0} max={100_000_000} precision={2} addonAfter="元" style={{ width: 170 }} />
              </Form.Item>
            ))}
          </Space>
      </FormModal>
      <FormModal<FormValues>
        title={building ? `生成发放名单：${building.name}` : ''}
        open={!!building}
        form={buildForm}
        okText={result ? '完成' : '生成'}
        modalProps={{ cancelButtonProps: { style: result ? { display: 'none' } : {} } }}
        onCancel={() => setBuilding(null)}
        onSubmit={async (v) => {
          if (result) return setBuilding(null);
          const r = await post<{ added: number; skipped: { name: string; reason: string }[] }>(`/api/campaigns/${building!.id}/recipients`, {
            source: v.source,
            form: v.form,
            amountFen: Math.round(v.amountYuan * 100),
            items: v.items || undefined,
            fundSource: v.fundSource,
            givenOn: v.givenOn.format('YYYY-MM-DD'),
          });
          setResult(r);
          refresh();
        }}
      >
        {result ? (
          <>
            <Typography.Paragraph>
              已加入名单 {result.added} 人（待审批）；跳过 {result.skipped.length} 人。
            </Typography.Paragraph>
            {result.skipped.length > 0 && <List size="small" bordered style={{ maxHeight: 240, overflow: 'auto' }} dataSource={result.skipped} renderItem={(s) => <List.Item>{s.reason}</List.Item>} />}
          </>
        ) : (
          <>
            <Form.Item name="source" label="名单来源" rules={[{ required: true, message: '请选择名单来源' }]} extra="只列入您管辖范围内、在会的会员；已在本活动领取或超过每户每年上限的会跳过并说明">
              <Select options={labelOptions(RECIPIENT_SOURCES)} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="amountYuan" label="每人金额" rules={[{ required: true, message: '请填写金额' }]}>
                <InputNumber min={0.01} max={100000} precision={2} addonAfter="元" style={{ width: 170 }} />
              </Form.Item>
              <Form.Item name="form" label="形式" rules={[{ required: true }]}>
                <Select options={labelOptions(AID_FORM_LABELS)} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="fundSource" label="资金来源" rules={[{ required: true }]}>
                <Select options={labelOptions(FUND_SOURCE_LABELS)} style={{ width: 120 }} />
              </Form.Item>
            </Space>
            <Form.Item name="items" label="实物内容（可不填）">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="givenOn" label="发放日期" rules={[{ required: true, message: '请选择发放日期' }]}>
              <DatePicker />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
