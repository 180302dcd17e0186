import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Form, Input, InputNumber, Space, Table } from 'antd';
import { get, post, put } from '@ui/api';
import { ServerForm, SubmitButton } from '@ui/ServerForm';
import { useMe } from '@ui/session';
import { yuan } from './AssessmentFields';

interface Settings {
  settings: { reviewIntervalMonths: number; exitMonths: number; watchMonths: number; watchVisitMonths: number; exitIncomePercent: number; relapseIncomePercent: number; noticeDays: number; visitDueDays: number };
  thresholds: { id: number; place: string; year: number; minimumLivingFen: number; source: string | null }[];
}

const FIELDS: [keyof Settings['settings'], string, string, number?][] = [
  ['reviewIntervalMonths', '回头看间隔', '个月'],
  ['exitMonths', '脱困须连续高于低保标准', '个月'],
  // The band: exit above 低保 × exit %, relapse below 低保 × relapse %; in between, neither (shared/category.ts).
  ['exitIncomePercent', '脱困线：人均收入高于低保的', '%', 300],
  ['relapseIncomePercent', '返困线：人均收入低于低保的', '%', 300],
  ['watchMonths', '防返困监测期', '个月'],
  ['watchVisitMonths', '监测期回访间隔', '个月'],
  ['noticeDays', '公示天数', '天'],
  ['visitDueDays', '初审后入户调查时限', '天'],
];

/** The 低保 standard per place and year, and the intervals of the lifecycle; set by the district. */
export function ParametersTab() {
  const me = useMe();
  const canEdit = me.permissions.includes('hardship.config');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const data = useQuery({ queryKey: ['hardship', 'settings'], queryFn: () => get<Settings>('/api/hardship/settings') });
  const [settingsForm] = Form.useForm();
  const [thresholdForm] = Form.useForm();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['hardship', 'settings'] });
  const saveSettings = useMutation({ mutationFn: (v: unknown) => put('/api/hardship/settings', v), onSuccess: refresh });
  const saveThreshold = useMutation({ mutationFn: (v: unknown) => post('/api/hardship/thresholds', v), onSuccess: refresh });
  if (!data.data) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title="低保标准（困难类别按此计算：低于低保为深度困难，低于 2 倍为相对困难）">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.data.thresholds}
          locale={{ emptyText: '还没有设置低保标准，请先添加，否则无法核定困难类别' }}
          columns={[
            { title: '适用地', dataIndex: 'place' },
            { title: '年度', dataIndex: 'year' },
            { title: '低保标准（每人每月）', dataIndex: 'minimumLivingFen', render: (v: number) => yuan(v) },
            { title: '依据', dataIndex: 'source', render: (v) => v ?? '—' },
          ]}
        />
        {canEdit && (
          <ServerForm<{ place: string; year: number; yuan: number; source?: string }>
            form={thresholdForm}
            layout="inline"
            style={{ marginTop: 12, rowGap: 8 }}
            initialValues={{ place: '全区', year: new Date().getFullYear() }}
            onSubmit={async (v) => {
              await saveThreshold.mutateAsync({ place: v.place, year: v.year, minimumLivingFen: Math.round(v.yuan * 100), source: v.source || undefined });
              void message.success('已保存低保标准');
            }}
          >
            <Form.Item name="place" rules={[{ required: true, message: '请填写适用地' }]}>
              <Input placeholder="适用地" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} addonAfter="年" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="yuan" rules={[{ required: true, message: '请填写金额' }]}>
              <InputNumber min={1} max={10000} precision={2} addonAfter="元/人/月" placeholder="标准" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="source">
              <Input placeholder="依据文件（选填）" style={{ width: 220 }} />
            </Form.Item>
            <SubmitButton type="default">保存（同年同地覆盖）</SubmitButton>
          </ServerForm>
        )}
      </Card>
      <Card size="small" title="帮扶工作参数">
        <ServerForm<Settings['settings']>
          form={settingsForm}
          layout="inline"
          disabled={!canEdit}
          initialValues={data.data.settings}
          style={{ rowGap: 8 }}
          onSubmit={async (v) => {
            await saveSettings.mutateAsync(v);
            void message.success('已保存');
          }}
        >
          {FIELDS.map(([name, label, unit, max]) => (
            <Form.Item key={name} name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
              <InputNumber min={0} max={max ?? 90} precision={0} addonAfter={unit} style={{ width: 130 }} />
            </Form.Item>
          ))}
          {canEdit && <SubmitButton>保存参数</SubmitButton>}
        </ServerForm>
      </Card>
    </Space>
  );
}
