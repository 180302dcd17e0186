/** Public API of the worker-facilities module. */
export { facilityIndicators } from './facility.indicators';
export { facilitiesServer } from './facilities.module';
