import { Alert, App, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { ServerForm, SubmitButton } from '@ui/ServerForm';
import { useMe, useRefreshSession } from '@ui/session';

export function PasswordPage() {
  const me = useMe();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  return (
    <>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 480 }}>
        {me.account.mustChangePassword && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="管理员已为您重置密码，请先设置新密码后再使用系统。" />
        )}
        <ServerForm<{ currentPassword: string; newPassword: string; confirm: string }>
          form={form}
          onSubmit={async (values) => {
            await post('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
            void message.success('密码已修改，其他设备上的登录已退出');
            await refresh();
            navigate('/');
          }}
        >
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra={`至少 ${me.passwordPolicy.minLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${me.passwordPolicy.minClasses} 类`}
            rules={[{ required: true, message: '请填写新密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再次输入新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <SubmitButton>保存新密码</SubmitButton>
        </ServerForm>
      </Card>
    </>
  );
}
