/** Public web API of the standards module. */
export { standardRoutes } from './routes';
export { StandardDueCard } from './components/StandardDueCard';
