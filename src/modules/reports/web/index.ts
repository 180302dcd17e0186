/** Public web API of the reports module. */
export { reportRoutes } from './routes';
export { Dashboard } from './components/Dashboard';
