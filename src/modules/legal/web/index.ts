export { legalWeb } from './legal.module';
