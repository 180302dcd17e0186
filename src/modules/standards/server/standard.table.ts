import { boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { organisations } from '@modules/organisations/server/org.table';
import { storedFiles } from '@platform/files/files.table';

/**
 * Standardisation checklists (六有, 六好, star ratings), versioned: `series` groups the versions of one
 * standard; a published version never changes (assessments cite it), a new version starts as a draft copy.
 */
export const standardChecklists = pgTable(
  'standard_checklists',
  {
    id: serial().primaryKey(),
    series: text().notNull(),
    name: text().notNull(),
    version: integer().notNull(),
    description: text(),
    effectiveFrom: date().notNull(),
    status: text().notNull().default('draft'),
    gradeBands: jsonb().$type<{ label: string; minScore: number }[]>().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standard_checklists_series_version_key').on(t.series, t.version)],
);
export type ChecklistRow = typeof standardChecklists.$inferSelect;

export const standardItems = pgTable(
  'standard_items',
  {
    id: serial().primaryKey(),
    checklistId: integer()
      .notNull()
      .references(() => standardChecklists.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    description: text(),
    maxScore: integer().notNull(),
    evidenceHint: text(),
  },
  (t) => [index('standard_items_checklist_idx').on(t.checklistId, t.position)],
);
export type ItemRow = typeof standardItems.$inferSelect;

/** One grassroots union's yearly assessment against one standard: self-assessment, then the parent's review. */
export const standardAssessments = pgTable(
  'standard_assessments',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    series: text().notNull(),
    checklistId: integer()
      .notNull()
      .references(() => standardChecklists.id),
    status: text().notNull().default('draft'),
    selfTotal: integer().notNull().default(0),
    reviewTotal: integer(),
    grade: text(),
    passed: boolean(),
    reviewOpinion: text(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: integer().references(() => accounts.id),
    /** The unions whose accounts filled it in (scores, evidence, submission): none of them may review it. */
    fillerOrgIds: jsonb().$type<number[]>().notNull().default([]),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer().references(() => accounts.id),
    reviewerName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standard_assessments_org_year_key').on(t.orgId, t.year, t.series), index('standard_assessments_year_idx').on(t.year, t.series)],
);
export type AssessmentRow = typeof standardAssessments.$inferSelect;

export const standardScores = pgTable(
  'standard_scores',
  {
    assessmentId: integer()
      .notNull()
      .references(() => standardAssessments.id, { onDelete: 'cascade' }),
    itemId: integer()
      .notNull()
      .references(() => standardItems.id),
    selfScore: integer(),
    selfNote: text(),
    reviewScore: integer(),
    reviewNote: text(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.itemId] })],
);
export type ScoreRow = typeof standardScores.$inferSelect;

export const standardEvidence = pgTable(
  'standard_evidence',
  {
    id: serial().primaryKey(),
    assessmentId: integer()
      .notNull()
      .references(() => standardAssessments.id, { onDelete: 'cascade' }),
    itemId: integer()
      .notNull()
      .references(() => standardItems.id),
    fileId: integer()
      .notNull()
      .references(() => storedFiles.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('standard_evidence_assessment_idx').on(t.assessmentId)],
);

/** Honours a union holds (模范职工之家, 职工小家 …) with the year, level and awarding body; revocation is dated. */
export const unionHonours = pgTable(
  'union_honours',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    title: text().notNull(),
    level: text().notNull(),
    year: integer().notNull(),
    awardingBody: text().notNull(),
    docNo: text(),
    remark: text(),
    revokedOn: date(),
    revokeReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('union_honours_org_idx').on(t.orgId), index('union_honours_year_idx').on(t.year)],
);
export type HonourRow = typeof unionHonours.$inferSelect;
