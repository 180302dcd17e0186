import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Form, InputNumber, Modal, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { get, put } from '@ui/api';
import { errorText } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields } from '@ui/FormFields';
import type { CongressRules } from '../shared/congress-rules';
import { KEY } from './keys';

type Rules = CongressRules & { effectiveFrom: string | null; versions: { effectiveFrom: string }[] };

/** The district's standard for a congress's make-up: shown to everyone, set by the district from a day on. */
export function CongressRulesDialog({ open, canEdit, onClose }: { open: boolean; canEdit: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const rules = useQuery({ queryKey: [KEY, 'rules'], enabled: open, queryFn: () => get<Rules>('/api/congresses/rules') });
  const r = rules.data;
  const since = r?.effectiveFrom ? `区总工会设定，${r.effectiveFrom} 起适用` : '《职工代表大会条例》的标准（区总工会尚未另行设定）';
  const shown = r && (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="适用">{since}</Descriptions.Item>
      <Descriptions.Item label="召开职工大会">{`职工少于 ${r.assemblyBelow} 人`}</Descriptions.Item>
      <Descriptions.Item label="代表人数">{[...r.bands].sort((a, b) => a.from - b.from).map((b) => `职工 ${b.from} 人以上不少于 ${b.min} 名`).join('；')}</Descriptions.Item>
      <Descriptions.Item label="一线职工代表">{`不低于 ${r.frontlineMin}%`}</Descriptions.Item>
      <Descriptions.Item label="中层及以上管理人员代表">{`不超过 ${r.managersMax}%`}</Descriptions.Item>
      <Descriptions.Item label="女职工代表">{`不低于女职工占职工总数的比例减 ${r.womenTolerance} 个百分点`}</Descriptions.Item>
    </Descriptions>
  );
  if (!canEdit || !r) {
    return (
      <Modal title="职工代表构成标准" open={open} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
        {rules.isLoading && <Skeleton active />}
        {rules.isError && <Alert type="error" showIcon title={`未能读取标准：${errorText(rules.error)}`} />}
        {shown}
      </Modal>
    );
  }
  return (
    <FormModal<Record<string, unknown>>
      title="设定职工代表构成标准"
      open={open}
      okText="保存"
      form={form}
      width={620}
      intro={<Alert type="info" showIcon title={`现行：${since}。新标准自起用日期起适用，之前登记的会议和选举仍按当时的标准。`} />}
      formProps={{ layout: 'vertical', initialValues: { ...r, effectiveFrom: dayjs() } }}
      modalProps={{ destroyOnHidden: true }}
      onCancel={onClose}
      onSubmit={async (v) => {
        await put('/api/congresses/rules', { ...v, effectiveFrom: dayjs(v.effectiveFrom as string).format('YYYY-MM-DD') });
        void message.success('已保存：各单位的代表构成检查按新标准更新');
        await qc.invalidateQueries({ queryKey: [KEY] });
        onClose();
      }}
    >
      <FormFields
        fields={[
          [
            { name: 'effectiveFrom', label: '起用日期', required: '请选择起用日期', input: <DatePicker /> },
            { name: 'assemblyBelow', label: '职工少于多少人召开职工大会', required: '请填写人数', input: <InputNumber min={1} precision={0} addonAfter="人" /> },
          ],
          [
            { name: 'frontlineMin', label: '一线职工代表不低于', required: '请填写比例', input: <InputNumber min={0} max={100} precision={0} addonAfter="%" /> },
            { name: 'managersMax', label: '管理人员代表不超过', required: '请填写比例', input: <InputNumber min={0} max={100} precision={0} addonAfter="%" /> },
            { name: 'womenTolerance', label: '女职工代表比例可低于', required: '请填写百分点', input: <InputNumber min={0} max={100} precision={0} addonAfter="个百分点" /> },
          ],
        ]}
      />
      <Form.List name="bands">
        {(fields, { add, remove }) => (
          <Form.Item label="代表人数标准（职工人数达到……时，代表不少于……）">
            {fields.map((f) => (
              <Space key={f.key} style={{ display: 'flex', marginBottom: 8 }} align="baseline">
                <Form.Item name={[f.name, 'from']} rules={[{ required: true, message: '请填写职工人数' }]} noStyle>
                  <InputNumber aria-label="职工人数达到" min={1} precision={0} addonBefore="职工" addonAfter="人以上" />
                </Form.Item>
                <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: '请填写代表人数' }]} noStyle>
                  <InputNumber aria-label="代表不少于" min={1} precision={0} addonBefore="不少于" addonAfter="名" />
                </Form.Item>
                <Button aria-label="删除这一档" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ from: 100, min: 30 })}>
              添加一档
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
