import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { post } from '@ui/api';
import { PageHeader } from '@ui/components';
import { applyServerError } from '@ui/forms';
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
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values) => {
            if (values.newPassword !== values.confirm) {
              form.setFields([{ name: 'confirm', errors: ['两次输入的新密码不一致'] }]);
              return;
            }
            try {
              await post('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
              void message.success('密码已修改，其他设备上的登录已退出');
              await refresh();
              navigate('/');
            } catch (e) {
              const text = applyServerError(form, e);
              if (text) void message.error(text);
            }
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
          <Form.Item name="confirm" label="再次输入新密码" rules={[{ required: true, message: '请再次输入新密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存新密码
          </Button>
        </Form>
      </Card>
    </>
  );
}
