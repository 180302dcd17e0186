import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { labelOptions } from '@ui/forms';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { EXPENSE_KINDS, INCOME_KINDS } from '../../shared/category';
import { HEALTH_LABELS } from '../../shared/hardship.schema';
export { yuan } from '@platform/money';

const yuanInput = (placeholder: string) => <InputNumber min={0} max={10_000_000} precision={2} addonAfter="元/年" placeholder={placeholder} style={{ width: 200 }} />;

/** The household finances, entered in 元 per year (converted to fen by `assessmentFromForm`). Under `name`. */
export function AssessmentFields({ name = 'assessment' }: { name?: string }) {
  return (
    <>
      <Form.Item name={[name, 'householdSize']} label="家庭共同生活人口" rules={[{ required: true, message: '请填写家庭共同生活人口' }]} initialValue={3}>
        <InputNumber min={1} max={20} precision={0} addonAfter="人" />
      </Form.Item>
      <Typography.Text strong>家庭年收入</Typography.Text>
      <Form.List name={[name, 'incomes']} initialValue={[{ kind: 'wage' }]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择收入类别' }]}>
                  <Select options={labelOptions(INCOME_KINDS)} style={{ width: 190 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'annualYuan']} rules={[{ required: true, message: '请填写金额' }]}>
                  {yuanInput('年收入')}
                </Form.Item>
                <MinusCircleOutlined aria-label="删除这一项" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'other' })} style={{ marginBottom: 12 }}>
              添加收入
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Typography.Text strong>刚性支出</Typography.Text> <Typography.Text type="secondary">（自付医疗、子女教育、残疾康复等，没有可不填）</Typography.Text>
      </div>
      <Form.List name={[name, 'expenses']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择支出类别' }]}>
                  <Select options={labelOptions(EXPENSE_KINDS)} style={{ width: 190 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'annualYuan']} rules={[{ required: true, message: '请填写金额' }]}>
                  {yuanInput('年支出')}
                </Form.Item>
                <MinusCircleOutlined aria-label="删除这一项" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'medical' })} style={{ marginBottom: 12 }}>
              添加支出
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name={[name, 'accidentLossYuan']} label="本年因意外、灾害或重病发生的支出和损失" initialValue={0} extra="超过家庭年收入 80% 的，可认定为意外致困">
        <InputNumber min={0} max={10_000_000} precision={2} addonAfter="元" style={{ width: 200 }} />
      </Form.Item>
      <Typography.Text strong>家庭成员</Typography.Text>
      <Form.List name={[name, 'members']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                  <Input placeholder="姓名" maxLength={30} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'relation']} rules={[{ required: true, message: '请填写关系' }]}>
                  <Input placeholder="关系" maxLength={10} style={{ width: 80 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'health']} initialValue="healthy">
                  <Select options={labelOptions(HEALTH_LABELS)} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']}>
                  <Input placeholder="疾病、残疾、就学就业" maxLength={100} style={{ width: 180 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除这一项" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ health: 'healthy' })}>
              添加家庭成员
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

interface FormAssessment {
  householdSize: number;
  incomes?: { kind: string; annualYuan: number }[];
  expenses?: { kind: string; annualYuan: number }[];
  accidentLossYuan?: number;
  members?: { name: string; relation: string; health?: string; note?: string }[];
}

const fen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100);

/** The API's assessment (money in fen) from the form's values (money in 元). */
export function assessmentFromForm(v: FormAssessment) {
  return {
    householdSize: v.householdSize,
    incomes: (v.incomes ?? []).map((i) => ({ kind: i.kind, annualFen: fen(i.annualYuan) })),
    expenses: (v.expenses ?? []).map((e) => ({ kind: e.kind, annualFen: fen(e.annualYuan) })),
    accidentLossFen: fen(v.accidentLossYuan),
    members: (v.members ?? []).map((m) => ({ name: m.name, relation: m.relation, health: m.health ?? 'healthy', ...(m.note ? { note: m.note } : {}) })),
  };
}

