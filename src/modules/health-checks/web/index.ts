/** Public web API of the health-checks module. */
export { healthCheckRoutes } from './routes';
export { healthChecksWeb } from './health-checks.module';
