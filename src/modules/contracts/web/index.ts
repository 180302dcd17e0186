export { contractsWeb } from './contracts.module';
