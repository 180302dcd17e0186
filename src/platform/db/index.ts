export { openDatabase, queryRows, copyRows, analyzeDatabase, migrationsFolder, type Database, type DatabaseKind, type Db, type Tx, type DbOrTx } from './client';
export { pageOf, type Page, type PageQuery } from './paging';
