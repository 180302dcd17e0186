import { BarChartOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModuleRoute } from '@ui/module-routes';

export const reportRoutes: ModuleRoute[] = [
  {
    path: '/indicators',
    page: lazy(() => import('./pages/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage }))),
    menu: { label: '统计指标', icon: <BarChartOutlined />, permission: 'report.read', order: 50 },
  },
  {
    path: '/reports',
    page: lazy(() => import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage }))),
    menu: { label: '述职报告', icon: <FileTextOutlined />, permission: 'report.read', order: 60 },
  },
  {
    path: '/reports/:id',
    permission: 'report.read',
    page: lazy(() => import('./pages/ReportPage').then((m) => ({ default: m.ReportPage }))),
  },
];
