import { HomeOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Dropdown, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { post } from '@ui/api';
import { useIsPhone } from '@ui/components';
import { useMe } from '@ui/session';
import { DemoBanner } from './DemoBanner';
import { moduleRoutes } from './router';

export function AppLayout() {
  const me = useMe();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [drawer, setDrawer] = useState(false);

  const items: { key: string; icon: ReactNode; label: string }[] = [
    { key: '/', icon: <HomeOutlined />, label: '工作台' },
    ...moduleRoutes
      .filter((r) => r.menu && me.permissions.includes(r.menu.permission))
      .sort((a, b) => a.menu!.order - b.menu!.order)
      .map((r) => ({ key: r.path, icon: r.menu!.icon, label: r.menu!.label })),
  ];
  const selected = items.filter((i) => i.key !== '/' && location.pathname.startsWith(i.key)).map((i) => i.key);
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected.length ? selected : [location.pathname]}
      onClick={({ key }) => {
        navigate(key);
        setDrawer(false);
      }}
    />
  );

  async function logout() {
    try {
      await post('/api/auth/logout');
    } catch {
      // The session may already have ended; the login page follows either way.
    }
    qc.clear();
    void message.success('已退出登录');
    navigate('/login', { replace: true });
  }

  const brand = (
    <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '16px 20px', whiteSpace: 'nowrap' }}>工会工作平台</div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {me.demo && <DemoBanner />}
      <Layout>
        {!phone && (
          <Layout.Sider width={208} breakpoint="lg" collapsedWidth={64}>
            {brand}
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header
            style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}
          >
            {phone && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawer(true)} />}
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
              {me.account.orgName}
            </Typography.Text>
            <Dropdown
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
                ],
                onClick: ({ key }) => (key === 'logout' ? void logout() : navigate('/password')),
              }}
            >
              <Button type="text" icon={<UserOutlined />} aria-label={phone ? `${me.account.displayName}：修改密码、退出登录` : undefined}>
                {phone ? '' : me.account.displayName}
              </Button>
            </Dropdown>
          </Layout.Header>
          <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      {phone && (
        <Drawer placement="left" open={drawer} onClose={() => setDrawer(false)} size={240} styles={{ body: { padding: 0, background: '#001529' } }} closable={false}>
          {brand}
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
