import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { get, put } from '@ui/api';
import { errorText } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { CONTRACT_CLOCK_RULES, daysText } from '../shared/contract-clocks';
import type { ClockSettings } from '../shared/contract.ledger';

const CLOCKS = [
  ['reply', '答复要约'],
  ['talks', '答复后开始协商'],
  ['filing', '签订后报送审查'],
  ['correction', '通知后补正材料'],
  ['review', '受理后审查（期满无异议即生效）'],
  ['publish', '生效后向职工公布'],
] as const;
const KIND = [
  { value: false, label: '自然日' },
  { value: true, label: '工作日' },
];
const dates = (text: unknown) => String(text ?? '').split(/[\s,，、;；]+/).filter(Boolean);

type ClockKey = (typeof CLOCKS)[number][0];

/**
 * The clock rules in force today, as the page's help and hints quote them (the regulations' until the answer
 * comes, the district's once set): `span('filing')` is 「10 日」 or 「10 个工作日」.
 */
export function useClockRules() {
  const settings = useQuery({ queryKey: ['contracts', 'clock-rules'], queryFn: () => get<ClockSettings>('/api/contracts/clock-rules'), staleTime: 60_000 });
  const rules = settings.data?.rules ?? CONTRACT_CLOCK_RULES;
  return { rules, span: (key: ClockKey) => daysText(key, rules) };
}

/** The district's contract clocks (days, calendar or working) and its working-day calendar: read by all, set by the district. */
export function ClockSettingsDialog({ open, canEdit, onClose }: { open: boolean; canEdit: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const settings = useQuery({ queryKey: ['contracts', 'clock-rules'], enabled: open, queryFn: () => get<ClockSettings>('/api/contracts/clock-rules') });
  // (useClockRules shares this query: saving a version refreshes the page's help too.)
  const s = settings.data;
  const since = s?.effectiveFrom ? `区总工会设定，${s.effectiveFrom} 起适用` : '《集体合同规定》《劳动合同法》规定的期限（区总工会尚未另行设定）';
  if (!canEdit || !s) {
    return (
      <Modal title="集体合同时限" open={open} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
        {settings.isLoading && <Skeleton active />}
        {settings.isError && <Alert type="error" showIcon title={`未能读取时限设置：${errorText(settings.error)}`} />}
        {s && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="适用">{since}</Descriptions.Item>
            {CLOCKS.map(([key, label]) => (
              <Descriptions.Item key={key} label={label}>{`${s.rules[`${key}Days`]} ${s.rules[`${key}Working`] ? '个工作日' : '日'}`}</Descriptions.Item>
            ))}
            <Descriptions.Item label="续签">{`期满前 ${s.rules.renewalMonths} 个月内提出`}</Descriptions.Item>
            <Descriptions.Item label="工作日历">{`法定节假日 ${s.calendar.holidays.length} 天，调休上班 ${s.calendar.workdays.length} 天`}</Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    );
  }
  return (
    <FormModal<Record<string, unknown>>
      title="设定集体合同时限和工作日历"
      open={open}
      okText="保存"
      form={form}
      width={640}
      intro={<Alert type="info" showIcon title={`现行：${since}。新设置自起用日期起适用；已经签订或受理的合同，报送和审查期限按当时的规则不变。`} />}
      formProps={{ layout: 'vertical', initialValues: { ...s.rules, effectiveFrom: dayjs(), holidays: s.calendar.holidays.join('\n'), workdays: s.calendar.workdays.join('\n') } }}
      modalProps={{ destroyOnHidden: true }}
      onCancel={onClose}
      onSubmit={async (v) => {
        const rules = Object.fromEntries(CLOCKS.flatMap(([key]) => [[`${key}Days`, v[`${key}Days`]], [`${key}Working`, v[`${key}Working`]]]));
        await put('/api/contracts/clock-rules', { effectiveFrom: dayjs(v.effectiveFrom as string).format('YYYY-MM-DD'), rules, calendar: { holidays: dates(v.holidays), workdays: dates(v.workdays) } });
        void message.success('已保存：此后签订、受理的合同按新的时限计算');
        await qc.invalidateQueries({ queryKey: ['contracts'] });
        onClose();
      }}
    >
      <Form.Item name="effectiveFrom" label="起用日期" rules={[{ required: true, message: '请选择起用日期' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      {CLOCKS.map(([key, label]) => (
        <Form.Item key={key} label={label} required>
          <Space>
            <Form.Item name={`${key}Days`} noStyle rules={[{ required: true, message: `请填写${label}的期限` }]}>
              <InputNumber aria-label={`${label}的天数`} min={1} max={90} precision={0} />
            </Form.Item>
            <Form.Item name={`${key}Working`} noStyle>
              <Select aria-label={`${label}按自然日或工作日`} options={KIND} style={{ width: 100 }} />
            </Form.Item>
          </Space>
        </Form.Item>
      ))}
      <Form.Item name="holidays" label="法定节假日" extra="按国务院办公厅公布的放假安排填写，每行一个日期，如 2026-10-01；周末不必填写">
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="workdays" label="调休上班日" extra="周末调休上班的日期，每行一个">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
