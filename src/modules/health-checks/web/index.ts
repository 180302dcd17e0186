/** Public web API of the health-checks module. */
export { healthCheckRoutes } from './routes';
export { HealthCheckDueCard } from './components/HealthCheckDueCard';
