import { boolean, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/**
 * Committee elections of grassroots unions (换届). The latest election is the current term; its end is
 * `elected_on + term_years` (《工会法》第十五条: 3 or 5 years for a grassroots committee).
 */
export const unionTerms = pgTable(
  'union_terms',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    electedOn: date().notNull(),
    termYears: integer().notNull(),
    chairName: text().notNull(),
    chairFullTime: boolean().notNull(),
    viceChairs: text().array().notNull().default([]),
    committeeMembers: text().array().notNull().default([]),
    fundsCommittee: text().array().notNull().default([]),
    womenCommittee: text().array().notNull().default([]),
    approvalDoc: text(),
    remark: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('union_terms_org_idx').on(t.orgId, t.electedOn)],
);
export type UnionTermRow = typeof unionTerms.$inferSelect;
