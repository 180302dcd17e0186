import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '@ui/api';
import { PageHeader, errorText } from '@ui/components';
import { FormModal } from '@ui/dialogs';
import { FormFields } from '@ui/FormFields';
import { Panel } from '@ui/Panel';
import { useMe } from '@ui/session';
import { FacilityPermissions } from '../shared/facilities.module';
import { FACILITY_KIND, type Standard } from '../shared/facility.ledger';
import { FacilityTabs } from './FacilityTabs';

const THRESHOLDS = [
  ['minVolumes', '最少藏书（册）'],
  ['minArea', '最小面积（平方米）'],
  ['minChildren', '最少托管儿童（人）'],
  ['minDays', '最少托管天数'],
  ['minRate', '最低出勤率（%）'],
] as const;

/** A new version of a standard: the same items (titles, required or not), a new effective date and thresholds. */
function NewVersion({ base, onClose }: { base: Standard | null; onClose(): void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  return (
    <FormModal<Record<string, unknown>>
      title={`发布新版本：${base?.name ?? ''}`}
      open={base !== null}
      okText="发布"
      form={form}
      width={600}
      intro={<Typography.Paragraph type="secondary">新版本从生效日期起用于验收和复验；此前的检查仍按当时的版本。</Typography.Paragraph>}
      formProps={{ initialValues: base ? { effectiveFrom: dayjs().add(1, 'day'), items: base.items, ...base.thresholds } : {} }}
      modalProps={{ destroyOnHidden: true }}
      onCancel={onClose}
      onSubmit={async (v) => {
        const thresholds = Object.fromEntries(THRESHOLDS.map(([k]) => [k, v[k]]).filter(([, x]) => x != null));
        await post('/api/facilities/standards', { kind: base!.kind, name: base!.name, effectiveFrom: (v.effectiveFrom as dayjs.Dayjs).format('YYYY-MM-DD'), items: v.items, thresholds });
        await qc.invalidateQueries({ queryKey: ['facilities'] });
        onClose();
      }}
    >
      <FormFields fields={[{ name: 'effectiveFrom', label: '生效日期', required: '请选择生效日期', input: <DatePicker /> }]} />
      <Form.List name="items">
        {(rows) =>
          rows.map((row) => (
            <Space key={row.key} align="baseline" wrap>
              <Form.Item name={[row.name, 'title']} label={`检查项目 ${row.name + 1}`} rules={[{ required: true, message: '请填写检查项目' }]}>
                <Input maxLength={60} style={{ width: 300 }} />
              </Form.Item>
              <Form.Item name={[row.name, 'required']} valuePropName="checked">
                <Checkbox>必备</Checkbox>
              </Form.Item>
              <Form.Item name={[row.name, 'code']} hidden>
                <Input />
              </Form.Item>
            </Space>
          ))
        }
      </Form.List>
      <Space wrap>
        {THRESHOLDS.filter(([k]) => base?.thresholds[k] != null).map(([k, label]) => (
          <Form.Item key={k} name={k} label={label}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        ))}
      </Space>
    </FormModal>
  );
}

/** 建设标准: every version of every facility standard, the current one marked; the district publishes new versions. */
export function StandardsPage() {
  const mayPublish = useMe().permissions.includes(FacilityPermissions.standards.name);
  const standards = useQuery({ queryKey: ['facilities', 'standards'], queryFn: () => get<Standard[]>('/api/facilities/standards') });
  const [base, setBase] = useState<Standard | null>(null);
  return (
    <>
      <PageHeader title="服务阵地" help="建设标准是验收和复验逐项检查的清单（七个一、六有、爱心妈妈小屋配置、托管班门槛等），按版本和生效日期保存。" />
      <FacilityTabs current="/facilities/standards" />
      {standards.isLoading && <Skeleton active aria-label="正在加载建设标准" />}
      {standards.error && <Typography.Text type="danger">{errorText(standards.error)}</Typography.Text>}
      {standards.data?.length === 0 && <Empty description="还没有建设标准" />}
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}>
        {standards.data?.map((s) => (
          <Panel
            key={s.id}
            size="small"
            title={
              <span>
                {FACILITY_KIND.label(s.kind)} · {s.name} 第 {s.version} 版 {s.current ? <Tag color="green">现行</Tag> : <Tag>{s.effectiveFrom > dayjs().format('YYYY-MM-DD') ? '待生效' : '旧版'}</Tag>}
              </span>
            }
          >
            <Typography.Text type="secondary">{s.effectiveFrom} 起生效</Typography.Text>
            <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
              {s.items.map((i) => (
                <li key={i.code}>
                  {i.title}
                  {i.required ? '' : '（选配）'}
                </li>
              ))}
            </ul>
            {THRESHOLDS.filter(([k]) => s.thresholds[k] != null).map(([k, label]) => (
              <div key={k}>
                {label}：{s.thresholds[k]}
              </div>
            ))}
            {mayPublish && s.current && (
              <Button size="small" style={{ marginTop: 8 }} onClick={() => setBase(s)}>
                发布新版本
              </Button>
            )}
          </Panel>
        ))}
      </div>
      <NewVersion base={base} onClose={() => setBase(null)} />
    </>
  );
}
