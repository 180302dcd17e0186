/** Public web API of the standards module. */
export { standardRoutes } from './routes';
export { standardsWeb } from './standards.module';
