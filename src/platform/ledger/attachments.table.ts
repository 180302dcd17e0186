import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { storedFiles } from '../files/files.table';

/**
 * Record attachments of every ledger on the kit: which record (`owner` names the ledger's papers, `record_id` the
 * record), which kind of paper (材料类别), which stored file. The uploader's name is kept as it was when the paper
 * was uploaded (as an audit row keeps it), so the platform needs no module's accounts table to show it.
 */
export const ledgerAttachments = pgTable(
  'ledger_attachments',
  {
    id: serial().primaryKey(),
    owner: text().notNull(),
    recordId: integer().notNull(),
    kind: text().notNull(),
    fileId: integer()
      .notNull()
      .references(() => storedFiles.id),
    uploadedBy: integer().notNull(),
    uploaderName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ledger_attachments_record_idx').on(t.owner, t.recordId)],
);
export type LedgerAttachmentRow = typeof ledgerAttachments.$inferSelect;
