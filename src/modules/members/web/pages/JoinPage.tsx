import { CheckCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import { Panel } from '@ui/Panel';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, post, query } from '@ui/api';
import { errorText } from '@ui/components';
import { compact, schemaRule } from '@ui/forms';
import { ServerForm, SubmitButton } from '@ui/ServerForm';
import { JoinApplicationSchema } from '../../shared/member.schema';
import { EDUCATION_LEVELS, ETHNICITIES, POLITICAL_STATUSES, WORKER_KINDS } from '../../shared/member-codes';

interface Target {
  id: number;
  name: string;
  code: string;
  gigWorkers: boolean;
  parentName: string | null;
}
interface Status {
  ref: string;
  status: 'pending' | 'approved' | 'rejected';
  statusLabel: string;
  orgName: string;
  submittedAt: string;
  dueOn: string;
  opinion: string | null;
  username: string;
}

const options = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
const shape = JoinApplicationSchema.shape;

/** The default password policy (8 characters, 3 of 4 classes), checked on the phone; the server checks its own. */
function checkPassword(password: unknown, username: unknown) {
  if (typeof password !== 'string' || !password) return;
  if (password.length < 8) throw new Error('密码长度至少 8 位');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) throw new Error('密码须包含大写字母、小写字母、数字、符号中的至少 3 类');
  if (typeof username === 'string' && username && password.toLowerCase().includes(username.toLowerCase())) throw new Error('密码不能包含登录名');
}

function StatusCard({ refCode }: { refCode: string }) {
  const s = useQuery({ queryKey: ['join', refCode], queryFn: () => get<Status>(`/api/join/${encodeURIComponent(refCode)}`), retry: false });
  if (s.isError) return <Alert type="error" showIcon message={errorText(s.error)} />;
  if (!s.data) return null;
  const d = s.data;
  return (
    <Result
      status={d.status === 'approved' ? 'success' : d.status === 'rejected' ? 'warning' : 'info'}
      title={`入会申请：${d.statusLabel}`}
      subTitle={
        d.status === 'pending'
          ? `“${d.orgName}”将在 ${d.dueOn} 前审核。`
          : d.status === 'approved'
            ? `您已成为“${d.orgName}”的会员。可用登录名“${d.username}”和您设置的密码登录，查看本人会籍。`
            : `审核意见：${d.opinion ?? ''}`
      }
      extra={d.status === 'approved' ? <Button type="primary" href="/login">去登录</Button> : null}
    />
  );
}

/** Joining online (public, phone-first): choose a union, fill the form, agree to the processing notice. */
export function JoinPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const [submitted, setSubmitted] = useState<Status | null>(null);
  const targets = useQuery({ queryKey: ['join-targets', search], queryFn: () => get<Target[]>(`/api/join/unions${query({ q: search })}`) });
  const ref = params.get('ref');

  const wrap = (children: React.ReactNode) => (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 12 }}>
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', margin: '16px 0' }}>
          申请加入工会
        </Typography.Title>
        {children}
      </div>
    </div>
  );

  if (ref) return wrap(<Panel><StatusCard refCode={ref} /></Panel>);
  if (submitted)
    {return wrap(
      <Panel>
        <Result
          icon={<CheckCircleOutlined style={{ color: '#c8161d' }} />}
          title="申请已提交"
          subTitle={`“${submitted.orgName}”将在 ${submitted.dueOn} 前审核。您的工作单位不会收到通知。`}
          extra={
            <Space direction="vertical">
              <Typography.Text>
                申请编号：<Typography.Text copyable strong>{submitted.ref}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">请保存申请编号，凭它查看审核进度。</Typography.Text>
              <Button type="primary" onClick={() => setParams({ ref: submitted.ref })}>查看审核进度</Button>
            </Space>
          }
        />
      </Panel>,
    );}

  return wrap(
    <ServerForm<Record<string, unknown>>
      form={form}
      requiredMark
      scrollToFirstError
      onSubmit={async (v) => {
        const r = await post<Status>('/api/join', compact({ ...v, migrantWorker: !!v.migrantWorker, consent: !!v.consent }));
        setSubmitted(r);
      }}
    >
      <Panel size="small" title="1. 选择要加入的工会" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">
          单位已建工会的，请搜索单位工会名称；快递员、外卖配送员、网约车司机、货车司机等新就业形态劳动者，可以直接加入下面的新就业形态劳动者联合工会。
        </Typography.Paragraph>
        <Input.Search placeholder="搜索工会名称，如 单位名称" allowClear onSearch={setSearch} style={{ marginBottom: 8 }} />
        <Form.Item name="orgId" rules={[{ required: true, message: '请选择要加入的工会' }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {targets.data?.map((t) => (
              <Radio key={t.id} value={t.id}>
                {t.name}
                {t.gigWorkers && <Typography.Text type="danger"> （新就业形态劳动者可选）</Typography.Text>}
                {t.parentName && <Typography.Text type="secondary"> · {t.parentName}</Typography.Text>}
              </Radio>
            ))}
            {targets.data?.length === 0 && <Typography.Text type="secondary">没有找到，请换个关键词</Typography.Text>}
          </Radio.Group>
        </Form.Item>
      </Panel>
      <Panel size="small" title="2. 个人信息" style={{ marginBottom: 12 }}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }, schemaRule(shape.name)]}>
          <Input maxLength={30} autoComplete="name" />
        </Form.Item>
        <Form.Item name="idNumber" label="居民身份证号码" rules={[{ required: true, message: '请填写居民身份证号码' }, schemaRule(shape.idNumber)]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }, schemaRule(shape.phone)]}>
          <Input maxLength={11} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="occupation" label="职业">
          <Select allowClear showSearch options={options([...Object.values(WORKER_KINDS).filter((l) => !l.startsWith('否')), '企业职工', '个体从业人员'])} />
        </Form.Item>
        <Form.Item name="employerName" label="工作单位（平台或企业名称，可不填）">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="ethnicity" label="民族">
          <Select allowClear showSearch options={options(ETHNICITIES)} />
        </Form.Item>
        <Form.Item name="education" label="学历">
          <Select allowClear options={options(EDUCATION_LEVELS)} />
        </Form.Item>
        <Form.Item name="politicalStatus" label="政治面貌">
          <Select allowClear options={options(POLITICAL_STATUSES)} />
        </Form.Item>
        <Form.Item name="migrantWorker" valuePropName="checked">
          <Checkbox>我是农民工（农业户籍进城务工）</Checkbox>
        </Form.Item>
      </Panel>
      <Panel size="small" title="3. 设置登录账号" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">审核通过后，用这个登录名和密码登录，查看本人会籍。</Typography.Paragraph>
        <Form.Item name="username" label="登录名" rules={[{ required: true, message: '请设置登录名' }, schemaRule(shape.username)]}>
          <Input maxLength={32} autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label="密码"
          dependencies={['username']}
          rules={[{ required: true, message: '请设置密码' }, ({ getFieldValue }) => ({ validator: async (_, v) => checkPassword(v, getFieldValue('username')) })]}
          extra="至少 8 位，含大写字母、小写字母、数字、符号中的三类">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Panel>
      <Panel size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ fontSize: 13 }}>
          个人信息处理说明：您提交的身份证号码、手机号码等信息仅用于办理入会和会员管理，加密保存，只有您申请加入的工会及其上级工会的授权人员可以查看；不会通知您的工作单位，也不会提供给任何第三方。
        </Typography.Paragraph>
        <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请阅读并同意个人信息处理说明'))) }]}>
          <Checkbox>我已阅读并同意</Checkbox>
        </Form.Item>
        <SubmitButton block size="large">
          提交申请
        </SubmitButton>
      </Panel>
    </ServerForm>,
  );
}
