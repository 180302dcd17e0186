import { date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * District settings that change over time (a congress's make-up rules, the contract clocks, the working-day
 * calendar): each version of a key applies from its day until the next version's (decision 0025).
 */
export const datedSettings = pgTable(
  'dated_settings',
  {
    key: text().notNull(),
    effectiveFrom: date().notNull(),
    value: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.effectiveFrom] })],
);
