/** Public web API of the reports module. */
import { lazy } from 'react';

export { reportRoutes } from './routes';

/** The dashboard, lazily loaded so that ECharts stays out of the first page load. */
export const Dashboard = lazy(() => import('./components/Dashboard').then((m) => ({ default: m.Dashboard })));
