/** Public API of the hardship module. */
export { registerHardshipRoutes } from './hardship.routes';
export { registerAidRoutes } from './aid.routes';
export { registerScreeningRoutes } from './screening.routes';
export { hardshipIndicators } from './hardship.indicators';
export { seedDemoHardship, demoDistrictPrincipal } from './hardship-demo';
export { hardshipServer } from './hardship.module';
