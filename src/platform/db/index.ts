export { openDatabase, pgliteDatabase, queryRows, copyRows, analyzeDatabase, analyzeTables, migrationsFolder, type Database, type DatabaseKind, type Db, type Tx, type DbOrTx, type CopyValue } from './client';
export { pageOf, totalOf, type Page, type PageQuery } from './paging';
export { BulkWriter, ForeignKeyViolation } from './bulk';
export { lockKey, lockKeyShared, lockKeyText, type LockName } from './locks';
export { reserveSerialIds } from './ids';
export { Bindings, statement, statementName } from './statements';
