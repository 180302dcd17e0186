import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns';

/**
 * Uploaded files (evidence for assessments, later case documents). Kept in the database beside the records
 * that cite them, so one backup and one transaction cover both. The owning organisation decides who may
 * read a file; `purpose` names the ledger that uses it.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: serial().primaryKey(),
    orgId: integer().notNull(),
    orgPath: text().notNull(),
    purpose: text().notNull(),
    name: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    uploadedBy: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_org_idx').on(t.orgId)],
);
export type StoredFileRow = typeof storedFiles.$inferSelect;
