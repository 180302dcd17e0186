import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '@ui/web-module';
import { accountRoutes } from './routes';

/** The accounts module as the web shell mounts it: its page and the home page's count of accounts. */
export const accountsWeb: WebModule = {
  name: 'accounts',
  routes: accountRoutes,
  homeTiles: [{ title: '账号', icon: <TeamOutlined />, permission: 'account.read', totalUrl: () => '/api/accounts?pageSize=1', to: '/accounts' }],
};
