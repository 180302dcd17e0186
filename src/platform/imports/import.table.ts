import { index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns';

/**
 * One Excel import: who uploaded what, its progress and outcome. Rows are validated and staged in
 * `import_rows` in short transactions, then applied to the ledger in ONE transaction, so a crash or restart
 * leaves either the whole batch or nothing; a job interrupted by a restart is marked failed at start-up.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: serial().primaryKey(),
    kind: text().notNull(),
    /** The importing account (no foreign key: the platform does not know the accounts module). */
    accountId: integer().notNull(),
    orgPath: text(),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    mode: text().notNull(),
    /** queued → validating → writing → done; or invalid (rows with errors, nothing written) / failed. */
    status: text().notNull(),
    readBytes: integer().notNull().default(0),
    totalBytes: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    inserted: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    message: text(),
    errorFile: bytea(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('import_jobs_account_idx').on(t.accountId, t.createdAt)],
);
export type ImportJobRow = typeof importJobs.$inferSelect;

/** Validated rows of a running import, waiting to be applied in one transaction; deleted afterwards. */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: integer()
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNo: integer().notNull(),
    /**
     * The row prepared for the ledger, as JSON text. Text, not jsonb: staging is the hot path and jsonb
     * parsing costs more than the write; the applying transaction parses each row once.
     */
    payload: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNo] })],
);
