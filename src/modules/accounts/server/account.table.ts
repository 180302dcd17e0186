import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/** A login account. Belongs to one organisation; its roles hold over that organisation's subtree. */
export const accounts = pgTable(
  'accounts',
  {
    id: serial().primaryKey(),
    username: text().notNull(),
    displayName: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(false),
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_username_key').on(t.username), index('accounts_org_idx').on(t.orgId)],
);
export type AccountRow = typeof accounts.$inferSelect;

export const accountRoles = pgTable(
  'account_roles',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.role] })],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);
