import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';
import { hardshipCases } from './hardship.table';

/** A care campaign (送温暖, 四季送 …) run by a union; its recipients are aid records that cite it. */
export const careCampaigns = pgTable(
  'care_campaigns',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    season: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    /** Budget in fen by fund source. */
    budgets: jsonb().$type<Record<string, number>>().notNull().default({}),
    status: text().notNull().default('open'),
    createdBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_campaigns_org_idx').on(t.orgId)],
);
export type CampaignRow = typeof careCampaigns.$inferSelect;

/**
 * Aid given to a member (and their household's case, if any): money in fen (goods and services at their value),
 * by kind and fund source. 待审批 → 已审批待签收 → 已签收; 已撤销 with a reason. A household's yearly total is capped
 * (hardship_settings.yearly_cap_fen) and one person is paid once per campaign.
 */
export const aidRecords = pgTable(
  'aid_records',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    caseId: integer().references(() => hardshipCases.id),
    campaignId: integer().references(() => careCampaigns.id),
    kind: text().notNull(),
    form: text().notNull(),
    amountFen: integer().notNull(),
    items: text(),
    schoolLevel: text(),
    givenOn: date().notNull(),
    fundSource: text().notNull(),
    status: text().notNull().default('pending'),
    approvedBy: integer().references(() => accounts.id),
    approvedAt: timestamp({ withTimezone: true }),
    signedOn: date(),
    cancelReason: text(),
    createdBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('aid_records_campaign_member_key').on(t.campaignId, t.memberId).where(sql`campaign_id is not null and status <> 'cancelled'`),
    index('aid_records_member_idx').on(t.memberId, t.givenOn),
    index('aid_records_case_idx').on(t.caseId),
    index('aid_records_org_idx').on(t.orgId, t.givenOn),
  ],
);
export type AidRow = typeof aidRecords.$inferSelect;

/** 金秋助学 amounts by school level and whether the family's case is on file. */
export const educationAidRates = pgTable(
  'education_aid_rates',
  {
    id: serial().primaryKey(),
    level: text().notNull(),
    onFile: boolean().notNull(),
    amountFen: integer().notNull(),
  },
  (t) => [uniqueIndex('education_aid_rates_key').on(t.level, t.onFile)],
);
