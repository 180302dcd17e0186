import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';
import { storedFiles } from '@platform/files/files.table';

/** The district's parameters of hardship work (one row): intervals and windows the lifecycle uses. */
export const hardshipSettings = pgTable('hardship_settings', {
  id: integer().primaryKey().default(1),
  /** 回头看: months between follow-up reviews of a case on file. */
  reviewIntervalMonths: integer().notNull().default(12),
  /** 脱困: consecutive months above the threshold that an exit needs. */
  exitMonths: integer().notNull().default(6),
  /**
   * The exit / relapse band, in percent of the 低保 standard (shared/category.ts `bandStanding`): 脱困 needs the
   * per-capita income above 低保 × exitIncomePercent %, 返困 below 低保 × relapseIncomePercent % (or an accident
   * costing more than 80 % of income); in between the household stays in the watch band. relapse ≤ exit.
   */
  exitIncomePercent: integer().notNull().default(100),
  relapseIncomePercent: integer().notNull().default(100),
  /** 防返困: months a household is watched after it exits. */
  watchMonths: integer().notNull().default(12),
  /** Months between watch visits. */
  watchVisitMonths: integer().notNull().default(6),
  /** 公示: days a public notice runs. */
  noticeDays: integer().notNull().default(5),
  /** Days within which a first-reviewed application should be visited. */
  visitDueDays: integer().notNull().default(15),
  /** Aid to one household in one calendar year may not exceed this (fen). */
  yearlyCapFen: integer().notNull().default(2_000_000),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type HardshipSettingsRow = typeof hardshipSettings.$inferSelect;

/** The local minimum living standard (低保) per place and year, in fen per person per month. */
export const hardshipThresholds = pgTable(
  'hardship_thresholds',
  {
    id: serial().primaryKey(),
    place: text().notNull(),
    year: integer().notNull(),
    minimumLivingFen: integer().notNull(),
    /** The document that set it (e.g. 区民政局 2025 年低保标准通知). */
    source: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hardship_thresholds_place_year_key').on(t.place, t.year)],
);
export type ThresholdRow = typeof hardshipThresholds.$inferSelect;

/**
 * A hardship case file (困难职工档案) of a member's household, kept by the member's grassroots union. `status`
 * follows the declared machine in shared/case-machine.ts; `category` is the current assessment's computed
 * category. Household finances and health live only in the assessments' encrypted detail.
 */
export const hardshipCases = pgTable(
  'hardship_cases',
  {
    id: serial().primaryKey(),
    caseNo: text().notNull(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    status: text().notNull(),
    channel: text().notNull(),
    category: text(),
    primaryCause: text().notNull(),
    secondaryCauses: jsonb().$type<string[]>().notNull().default([]),
    place: text().notNull(),
    /** Consent to a public notice: when, and which items it covers (name, union, category, cause). */
    noticeConsentAt: timestamp({ withTimezone: true }),
    noticeConsentCovers: jsonb().$type<string[]>().notNull().default([]),
    noticeStartsOn: date(),
    noticeEndsOn: date(),
    visitDueOn: date(),
    filedOn: date(),
    nextReviewOn: date(),
    exitReason: text(),
    exitedOn: date(),
    watchUntil: date(),
    nextWatchVisitOn: date(),
    relapses: integer().notNull().default(0),
    createdBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hardship_cases_case_no_key').on(t.caseNo),
    // One living case per member: a relapse reopens the same case; only rejected or withdrawn ones stay beside a new one.
    uniqueIndex('hardship_cases_one_open_key').on(t.memberId).where(sql`status not in ('rejected', 'withdrawn')`),
    index('hardship_cases_org_status_idx').on(t.orgId, t.status),
  ],
);
export type CaseRow = typeof hardshipCases.$inferSelect;

/**
 * A household assessment: a snapshot of income, rigid expenses, members and accident costs, with the threshold
 * used and the computed category. A new one supersedes the last (`supersededAt`); the detail is encrypted.
 */
export const hardshipAssessments = pgTable(
  'hardship_assessments',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => hardshipCases.id),
    kind: text().notNull(),
    assessedOn: date().notNull(),
    householdSize: integer().notNull(),
    thresholdId: integer()
      .notNull()
      .references(() => hardshipThresholds.id),
    minimumLivingFen: integer().notNull(),
    category: text().notNull(),
    /** SM4 ciphertext of the JSON detail (incomes, expenses, members, accident costs, X and its explanation). */
    detailEnc: text().notNull(),
    supersededAt: timestamp({ withTimezone: true }),
    createdBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_assessments_case_idx').on(t.caseId)],
);
export type AssessmentRow = typeof hardshipAssessments.$inferSelect;

/** The case's timeline: every step with its actor, opinion and details (sensitive notes encrypted). */
export const hardshipCaseEvents = pgTable(
  'hardship_case_events',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => hardshipCases.id),
    action: text().notNull(),
    fromStatus: text(),
    toStatus: text().notNull(),
    actorId: integer().references(() => accounts.id),
    actorName: text().notNull(),
    actorOrgName: text(),
    opinion: text(),
    /** Non-sensitive facts of the step: visit date and visitors, notice window, exit reason, months above. */
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Sensitive notes (visit findings), SM4 ciphertext. */
    noteEnc: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_case_events_case_idx').on(t.caseId, t.at)],
);
export type CaseEventRow = typeof hardshipCaseEvents.$inferSelect;

/** Documents of a case (application, signed authorisation, diagnosis …); their bytes are encrypted. */
export const hardshipCaseFiles = pgTable(
  'hardship_case_files',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => hardshipCases.id),
    fileId: integer()
      .notNull()
      .references(() => storedFiles.id),
    kind: text().notNull(),
    uploadedBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_case_files_case_idx').on(t.caseId)],
);
export type CaseFileRow = typeof hardshipCaseFiles.$inferSelect;
