/** Public API of the accounts module. */
export { sessionResolver } from './auth.service';
export { accounts } from './account.table';
export { insertAccount, usernameTaken } from './account.repository';
export { accountsServer } from './accounts.module';
