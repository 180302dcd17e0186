import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from '../../accounts/server/account.table';
import { organisations } from '../../organisations/server/org.table';

/**
 * Annual work reports. A draft's figures are computed live from the ledgers; finalising freezes the text,
 * every value and the definitions used into `snapshot`, and the row is never changed again.
 */
export const reports = pgTable(
  'reports',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    period: text().notNull(),
    title: text().notNull(),
    status: text().notNull().default('draft'),
    sections: jsonb().notNull(),
    snapshot: jsonb(),
    basedOnReportId: integer(),
    createdBy: integer()
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finalisedAt: timestamp({ withTimezone: true }),
    finalisedBy: integer().references(() => accounts.id),
  },
  (t) => [index('reports_org_idx').on(t.orgId)],
);
export type ReportRow = typeof reports.$inferSelect;
