/** Public API of the mutual-aid module. */
export { registerMutualAidRoutes } from './mutual-aid.routes';
export { mutualAidIndicators } from './mutual-aid.indicators';
export { seedDemoMutualAid } from './mutual-aid-demo';
export { mutualAidServer } from './mutual-aid.module';
