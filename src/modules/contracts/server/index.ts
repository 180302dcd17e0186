/** Public API of the collective contracts module. */
export { contractIndicators } from './contract.indicators';
export { contractsServer } from './contracts.module';
