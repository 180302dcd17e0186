import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { Panel } from '@ui/Panel';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, get, post } from '@ui/api';
import { DemoBanner } from '../DemoBanner';

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useQuery({ queryKey: ['setup'], queryFn: () => get<{ demo: boolean; federationName: string | null }>('/api/setup/status') });
  const expired = (location.state as { expired?: boolean } | null)?.expired;

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      {status.data?.demo && <DemoBanner />}
      <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
        <Panel style={{ width: 400, maxWidth: '100%' }}>
          <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
            工会工作平台
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {status.data?.federationName ?? '\u00a0'}
          </Typography.Paragraph>
          {expired && !error && <Alert type="info" showIcon title="登录已超时，请重新登录" style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form
            layout="vertical"
            size="large"
            onFinish={async (values) => {
              setBusy(true);
              setError(null);
              try {
                await post('/api/auth/login', values);
                await qc.invalidateQueries({ queryKey: ['me'] });
                navigate('/', { replace: true });
              } catch (e) {
                setError(e instanceof ApiError ? e.message : '登录失败，请稍后再试');
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            连续 5 次输错密码将锁定账号一段时间；忘记密码请联系本单位或上级工会管理员重置。
          </Typography.Paragraph>
        </Panel>
      </main>
    </div>
  );
}
