import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';

/** A free health-check programme (一线职工免费体检) of a union, with places for each group of workers. */
export const healthCheckProgrammes = pgTable('health_check_programmes', {
  id: serial().primaryKey(),
  orgId: integer()
    .notNull()
    .references(() => organisations.id),
  year: integer().notNull(),
  name: text().notNull(),
  provider: text().notNull(),
  package: text(),
  startsOn: date().notNull(),
  endsOn: date().notNull(),
  budgetFen: integer(),
  /** Places by group (sanitation, courier, women_screening …). */
  quotas: jsonb().$type<Record<string, number>>().notNull(),
  status: text().notNull().default('open'),
  createdBy: integer().references(() => accounts.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type ProgrammeRow = typeof healthCheckProgrammes.$inferSelect;

/**
 * A worker signed up for a programme in one group (by their union, or by themselves online): 已报名 → 已体检, or
 * 已取消. Results are health data: SM4-encrypted (`results_enc`, bound to the sign-up), shown only to holders of
 * healthcheck.results and to the worker.
 */
export const healthCheckSignups = pgTable(
  'health_check_signups',
  {
    id: serial().primaryKey(),
    programmeId: integer()
      .notNull()
      .references(() => healthCheckProgrammes.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    group: text().notNull(),
    slotOn: date().notNull(),
    status: text().notNull().default('signed_up'),
    doneOn: date(),
    resultsEnc: text(),
    reportDeliveredOn: date(),
    channel: text().notNull().default('union'),
    createdBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('health_check_signups_member_key').on(t.programmeId, t.memberId).where(sql`status <> 'cancelled'`),
    index('health_check_signups_org_idx').on(t.orgId, t.programmeId),
    index('health_check_signups_done_idx').on(t.doneOn).where(sql`done_on is not null`),
  ],
);
export type SignupRow = typeof healthCheckSignups.$inferSelect;
