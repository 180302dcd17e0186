import { lazy } from 'react';
import type { WebModule } from '@ui/web-module';
import { reportRoutes } from './routes';

/** The dashboard, lazily loaded so that ECharts stays out of the first page load. */
export const Dashboard = lazy(() => import('./components/Dashboard').then((m) => ({ default: m.Dashboard })));

/** The reports module as the web shell mounts it: its pages and the dashboard on the home page. */
export const reportsWeb: WebModule = { name: 'reports', routes: reportRoutes, home: { permission: 'report.read', component: Dashboard } };
