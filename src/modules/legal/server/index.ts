export { legalServer } from './legal.module';
