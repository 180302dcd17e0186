/** Public web API of the employers module. */
export { employerRoutes } from './routes';
