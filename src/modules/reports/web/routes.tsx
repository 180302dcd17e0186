import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const reportRoutes: ModuleRoute[] = [
  {
    path: '/indicators',
    page: lazy(() => import('./pages/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage }))),
    menu: { label: '统计指标', icon: <BarChartOutlined />, permission: 'report.read', order: 50 },
  },
];
