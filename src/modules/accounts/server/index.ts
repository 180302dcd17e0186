/** Public API of the accounts module. */
export { registerAccountRoutes } from './account.routes';
export { sessionResolver } from './auth.service';
export { accounts } from './account.table';
export { insertAccount, usernameTaken } from './account.repository';
