/** Public API of the mutual-aid module. */
export { mutualAidIndicators } from './mutual-aid.indicators';
export { mutualAidServer } from './mutual-aid.module';
