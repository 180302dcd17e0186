import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/**
 * 企业用工信息: one post an enterprise is hiring for, recorded by a union (its street, usually). The enterprise is
 * named by its USCC (as members name their employer), so a record can be kept before the enterprise is in the
 * register. Status is computed from `filled_on` and `valid_until`, never stored.
 */
export const hiringPosts = pgTable(
  'hiring_posts',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    employerName: text().notNull(),
    employerUscc: text().notNull(),
    post: text().notNull(),
    workKind: text().notNull(),
    headcount: integer().notNull(),
    payMin: integer(),
    payMax: integer(),
    requirements: text(),
    place: text(),
    recordedOn: date().notNull(),
    validUntil: date().notNull(),
    filledOn: date(),
    contactName: text(),
    contactPhone: text(),
    source: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hiring_posts_org_idx').on(t.orgId, t.recordedOn), index('hiring_posts_uscc_idx').on(t.employerUscc)],
);
export type HiringPostRow = typeof hiringPosts.$inferSelect;

/**
 * A worker's 求职意向 in an open post, said on the public page with consent: a name and a phone kept encrypted
 * (shown masked; the full number only to the keeping union on an audited request), once per post and phone.
 */
export const hiringInterests = pgTable(
  'hiring_interests',
  {
    id: serial().primaryKey(),
    postId: integer()
      .notNull()
      .references(() => hiringPosts.id),
    name: text().notNull(),
    phoneIdx: text().notNull(),
    phoneMasked: text().notNull(),
    phoneEnc: text().notNull(),
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hiring_interests_phone_key').on(t.postId, t.phoneIdx)],
);
