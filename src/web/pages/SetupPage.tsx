import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Typography } from 'antd';
import { Panel } from '@ui/Panel';
import { useNavigate } from 'react-router';
import { post } from '@ui/api';
import { ServerForm, SubmitButton } from '@ui/ServerForm';

/** First run on an empty database: the district federation and its first administrator. */
export function SetupPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', justifyContent: 'center', padding: '6vh 16px' }}>
      <Panel style={{ width: 520, maxWidth: '100%' }}>
        <Typography.Title level={3}>初始化工会工作平台</Typography.Title>
        <Typography.Paragraph type="secondary">
          这是一个全新的安装。请填写区总工会的名称和行政区划代码，并设置第一个管理员账号。完成后即以该账号登录，再逐级建立街道、产业和基层工会。
        </Typography.Paragraph>
        <ServerForm<Record<string, string>>
          form={form}
          requiredMark={false}
          onSubmit={async (values) => {
            const { confirm: _c, ...body } = values;
            await post('/api/setup', body);
            await qc.invalidateQueries();
            void message.success('初始化完成');
            navigate('/', { replace: true });
          }}
        >
          <Form.Item name="federationName" label="区总工会名称" rules={[{ required: true, min: 4, message: '请填写区总工会名称（至少 4 个字）' }]}>
            <Input placeholder="如：某某区总工会" maxLength={100} />
          </Form.Item>
          <Form.Item name="divisionCode" label="行政区划代码" rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写 6 位行政区划代码，如 320102' }]}>
            <Input placeholder="6 位数字" maxLength={6} inputMode="numeric" />
          </Form.Item>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="管理员账号拥有全区的管理权限，请妥善保管密码。" />
          <Form.Item name="adminDisplayName" label="管理员姓名" rules={[{ required: true, min: 2, message: '请填写管理员姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="adminUsername" label="管理员用户名" rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、下划线、点或短横线' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="adminPassword" label="管理员密码" extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类" rules={[{ required: true, message: '请设置密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再次输入密码"
            dependencies={['adminPassword']}
            rules={[
              { required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('adminPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <SubmitButton block size="large">
            完成初始化
          </SubmitButton>
        </ServerForm>
      </Panel>
    </div>
  );
}
