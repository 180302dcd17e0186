/** Public web API of the unions module. */
export { unionRoutes } from './routes';
export { unionsWeb } from './unions.module';
