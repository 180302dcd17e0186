/** Public web API of the accounts module. */
export { accountRoutes } from './routes';
export { accountsWeb } from './accounts.module';
