/** Public API of the hardship module. */
export { hardshipIndicators } from './hardship.indicators';
export { demoDistrictPrincipal } from './hardship-demo';
export { hardshipServer } from './hardship.module';
export { hardshipFilesByIdIdx } from './hardship.repository';
