import { AuditOutlined } from '@ant-design/icons';
import type { WebModule } from '@ui/web-module';
import { auditRoutes } from './routes';

/** The audit module as the web shell mounts it: its page and the home page's count of today's operations. */
export const auditWeb: WebModule = {
  name: 'audit',
  routes: auditRoutes,
  homeTiles: [
    { title: '今日操作', icon: <AuditOutlined />, permission: 'audit.read', totalUrl: () => `/api/audit?pageSize=1&from=${new Date().toISOString().slice(0, 10)}`, to: '/audit' },
  ],
};
