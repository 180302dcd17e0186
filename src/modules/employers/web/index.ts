/** Public web API of the employers module. */
export { employerRoutes } from './routes';
export { employersWeb } from './employers.module';
