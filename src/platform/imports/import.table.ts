import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns';

/**
 * One Excel import: who uploaded what, its progress and outcome. Rows are validated in chunks and
 * written by COPY inside ONE transaction (see engine.ts), so a crash or restart
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
    /** Add-only: existing records whose row differs, left as they are (the result file says why). */
    skipped: integer().notNull().default(0),
    message: text(),
    /** The error report (invalid), or the result report of a finished import with skipped rows. */
    errorFile: bytea(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('import_jobs_account_idx').on(t.accountId, t.createdAt)],
);
export type ImportJobRow = typeof importJobs.$inferSelect;
