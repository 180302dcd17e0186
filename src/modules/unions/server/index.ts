/** Public API of the unions module (committee terms and elections). */
export { unionIndicators } from './union.indicators';
export { insertTerm } from './union.repository';
export { unionsServer } from './unions.module';
