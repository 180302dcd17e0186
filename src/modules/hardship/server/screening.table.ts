import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';
import { hardshipCases } from './hardship.table';

/** A screening campaign (摸底排查) started by a union for its subtree, with a deadline. */
export const screeningCampaigns = pgTable('screening_campaigns', {
  id: serial().primaryKey(),
  orgId: integer()
    .notNull()
    .references(() => organisations.id),
  name: text().notNull(),
  scopeNote: text(),
  population: text().notNull().default('all'),
  deadline: date().notNull(),
  status: text().notNull().default('open'),
  createdBy: integer().references(() => accounts.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type ScreeningRow = typeof screeningCampaigns.$inferSelect;

/** One member checked in a screening by their union, with the outcome (a new case, no hardship, a case updated). */
export const screeningChecks = pgTable(
  'screening_checks',
  {
    id: serial().primaryKey(),
    campaignId: integer()
      .notNull()
      .references(() => screeningCampaigns.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    outcome: text().notNull(),
    caseId: integer().references(() => hardshipCases.id),
    note: text(),
    checkedOn: date().notNull(),
    checkedBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('screening_checks_campaign_member_key').on(t.campaignId, t.memberId), index('screening_checks_org_idx').on(t.campaignId, t.orgId)],
);
