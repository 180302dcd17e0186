import { date, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/** 招聘会 (job fair) organised by a union: online, on site or both; its results once held. */
export const jobFairs = pgTable('job_fairs', {
  id: serial().primaryKey(),
  orgId: integer()
    .notNull()
    .references(() => organisations.id),
  name: text().notNull(),
  heldOn: date().notNull(),
  mode: text().notNull(),
  venue: text(),
  coOrganisers: text(),
  visitors: integer(),
  intentions: integer(),
  hires: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** An enterprise taking part in a fair, with the posts and headcount it brought; once per fair. */
export const jobFairEnterprises = pgTable(
  'job_fair_enterprises',
  {
    id: serial().primaryKey(),
    fairId: integer()
      .notNull()
      .references(() => jobFairs.id),
    employerName: text().notNull(),
    employerUscc: text().notNull(),
    posts: integer().notNull(),
    headcount: integer().notNull(),
  },
  (t) => [uniqueIndex('job_fair_enterprises_key').on(t.fairId, t.employerUscc)],
);
