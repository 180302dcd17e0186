import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { FormModal } from '@ui/dialogs';
import { STANDARD_TEMPLATES } from '../../shared/standard-templates';
import type { Checklist } from '../types';

interface Values {
  name: string;
  description?: string;
  effectiveFrom: dayjs.Dayjs;
  gradeBands: { label: string; minScore: number }[];
  items: { title: string; maxScore: number; description?: string; evidenceHint?: string }[];
}

/** Create a standard (blank or from the 六有/六好 templates) or edit a draft: items with points, grade lines. */
export function ChecklistEditor({ editing, open, onClose, onSave }: { editing: Checklist | null; open: boolean; onClose: () => void; onSave: (body: unknown) => Promise<void> }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const items = Form.useWatch('items', form) ?? [];
  const total = items.reduce((n, i) => n + (Number(i?.maxScore) || 0), 0);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      {form.setFieldsValue({
        name: editing.name,
        description: editing.description ?? undefined,
        effectiveFrom: dayjs(editing.effectiveFrom),
        gradeBands: editing.gradeBands,
        items: editing.items.map((i) => ({ title: i.title, maxScore: i.maxScore, description: i.description ?? undefined, evidenceHint: i.evidenceHint ?? undefined })),
      });}
    else form.setFieldsValue({ effectiveFrom: dayjs(), gradeBands: [{ label: '达标', minScore: 60 }], items: [{ title: '', maxScore: 10 }] });
  }, [open, editing, form]);
  return (
    <FormModal<Values>
      title={editing ? `编辑草稿：${editing.name}（第 ${editing.version} 版）` : '新建检查标准'}
      open={open}
      form={form}
      width={820}
      okText="保存草稿"
      onCancel={onClose}
      modalProps={{ destroyOnHidden: true }}
      onSubmit={async (v) => {
        await onSave({ ...v, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') });
        void message.success('已保存草稿，发布后各基层工会即可按此自评');
        onClose();
      }}
    >
        {!editing && (
          <Form.Item label="从模板开始（可修改）">
            <Select
              allowClear
              placeholder="空白标准"
              options={STANDARD_TEMPLATES.map((t, i) => ({ value: i, label: t.input.name }))}
              onChange={(i?: number) => {
                if (i === undefined) return;
                const t = STANDARD_TEMPLATES[i]!.input;
                form.setFieldsValue({ ...t, description: t.description ?? undefined, effectiveFrom: dayjs(), items: t.items.map((x) => ({ ...x, description: x.description ?? undefined, evidenceHint: x.evidenceHint ?? undefined })) });
              }}
            />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item name="name" label="标准名称" rules={[{ required: true, message: '请填写标准名称' }]} style={{ width: 360 }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Typography.Title level={5}>检查项目（合计 {total} 分）</Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 8 }}>
                  <Space wrap align="start">
                    <Typography.Text strong style={{ lineHeight: '32px' }}>
                      {i + 1}.
                    </Typography.Text>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写检查项目' }]} style={{ width: 330, marginBottom: 8 }}>
                      <Input placeholder="检查项目，如：有依法选举的工会主席" maxLength={60} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'maxScore']} rules={[{ required: true, message: '请填写分值' }]} style={{ marginBottom: 8 }}>
                      <InputNumber min={1} max={100} precision={0} addonAfter="分" style={{ width: 110 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label="删除此项" />
                  </Space>
                  <Form.Item name={[f.name, 'description']} style={{ marginBottom: 8 }}>
                    <Input placeholder="评分要点" maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'evidenceHint']} style={{ marginBottom: 0 }}>
                    <Input placeholder="佐证材料要求，如：选举结果批复、换届请示" maxLength={200} />
                  </Form.Item>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '', maxScore: 10 })} block>
                添加检查项目
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          等级（审核得分达到最低分即评为该等级；最低一档即达标线）
        </Typography.Title>
        <Form.List name="gradeBands">
          {(fields, { add, remove }) => (
            <Space wrap>
              {fields.map((f) => (
                <Space.Compact key={f.key}>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '等级名称' }]} noStyle>
                    <Input placeholder="等级" style={{ width: 80 }} maxLength={12} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'minScore']} rules={[{ required: true, message: '最低分' }]} noStyle>
                    <InputNumber placeholder="最低分" min={0} max={1000} precision={0} style={{ width: 90 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label="删除此等级" />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ label: '', minScore: 0 })}>
                添加等级
              </Button>
            </Space>
          )}
        </Form.List>
    </FormModal>
  );
}
