/** Public API of the health-checks module. */
export { registerHealthCheckRoutes } from './health-check.routes';
export { healthCheckIndicators } from './health-check.indicators';
export { seedDemoHealthChecks } from './health-check-demo';
export { healthChecksServer } from './health-checks.module';
