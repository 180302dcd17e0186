/** Public API of the unions module (committee terms and elections). */
export { registerUnionRoutes } from './union.routes';
export { unionIndicators } from './union.indicators';
export { insertTerm, insertTermsBulk } from './union.repository';
