/** Public web API of the unions module. */
export { unionRoutes } from './routes';
export { ElectionDueCard } from './components/ElectionDueCard';
