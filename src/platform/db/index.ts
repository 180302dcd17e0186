export { openDatabase, queryRows, copyRows, copyInto, copyText, analyzeDatabase, analyzeTables, migrationsFolder, type Database, type DatabaseKind, type Db, type Tx, type DbOrTx } from './client';
export { pageOf, type Page, type PageQuery } from './paging';
