/** Public API of the health-checks module. */
export { healthCheckIndicators } from './health-check.indicators';
export { healthChecksServer } from './health-checks.module';
