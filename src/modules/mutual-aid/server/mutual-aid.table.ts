import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';
import { storedFiles } from '@platform/files/files.table';

/**
 * A critical-illness mutual-aid plan (职工大病互助) of one year, run by the district: a contribution per share,
 * at most `maxShares` shares a person, and a yearly benefit ceiling per share over the cover period.
 */
export const mutualAidPlans = pgTable(
  'mutual_aid_plans',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    name: text().notNull(),
    product: text().notNull(),
    premiumFen: integer().notNull(),
    maxShares: integer().notNull(),
    benefitPerShareFen: integer().notNull(),
    coverStart: date().notNull(),
    coverEnd: date().notNull(),
    enrolUntil: date().notNull(),
    status: text().notNull().default('open'),
    createdBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mutual_aid_plans_name_key').on(t.orgId, t.year, t.name)],
);
export type PlanRow = typeof mutualAidPlans.$inferSelect;

/** Enrolment targets (参保任务) the district gives each street or industry union for a plan. */
export const mutualAidQuotas = pgTable(
  'mutual_aid_quotas',
  {
    planId: integer()
      .notNull()
      .references(() => mutualAidPlans.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    persons: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.orgId] })],
);

/**
 * A member enrolled in a plan by their union; withdrawn with a reason and a date (`withdrawnOn`, the first day no
 * longer enrolled). At most one enrolment in force per plan and member; taking a withdrawn member up again adds a
 * new enrolment, so the withdrawn one (and the period it counted in) stays as it was.
 */
export const mutualAidEnrolments = pgTable(
  'mutual_aid_enrolments',
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => mutualAidPlans.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    /** The member's union when enrolled (the union that paid the contribution). */
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    shares: integer().notNull(),
    premiumFen: integer().notNull(),
    paidOn: date().notNull(),
    status: text().notNull().default('enrolled'),
    withdrawReason: text(),
    withdrawnOn: date(),
    source: text().notNull().default('manual'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_enrolments_member_key').on(t.planId, t.memberId).where(sql`status = 'enrolled'`),
    index('mutual_aid_enrolments_org_idx').on(t.orgId, t.planId),
    index('mutual_aid_enrolments_paid_idx').on(t.paidOn),
  ],
);
export type EnrolmentRow = typeof mutualAidEnrolments.$inferSelect;

/**
 * A claim on an enrolment: submitted by the member's union → approved with an amount (within what the
 * enrolment has left this cover period) or rejected with an opinion, by the district → paid. The diagnosis is
 * health data: SM4-encrypted, bound to the claim.
 */
export const mutualAidClaims = pgTable(
  'mutual_aid_claims',
  {
    id: serial().primaryKey(),
    enrolmentId: integer()
      .notNull()
      .references(() => mutualAidEnrolments.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    diagnosisEnc: text().notNull(),
    hospital: text().notNull(),
    admittedOn: date().notNull(),
    dischargedOn: date(),
    claimedFen: integer().notNull(),
    approvedFen: integer(),
    status: text().notNull().default('submitted'),
    opinion: text(),
    decidedBy: integer().references(() => accounts.id),
    decidedAt: timestamp({ withTimezone: true }),
    paidOn: date(),
    createdBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mutual_aid_claims_enrolment_idx').on(t.enrolmentId), index('mutual_aid_claims_org_idx').on(t.orgId), index('mutual_aid_claims_paid_idx').on(t.paidOn).where(sql`paid_on is not null`)],
);
export type ClaimRow = typeof mutualAidClaims.$inferSelect;

/** Documents of a claim (diagnosis certificate, invoices, discharge summary); their bytes are encrypted. */
export const mutualAidClaimFiles = pgTable(
  'mutual_aid_claim_files',
  {
    id: serial().primaryKey(),
    claimId: integer()
      .notNull()
      .references(() => mutualAidClaims.id),
    fileId: integer()
      .notNull()
      .references(() => storedFiles.id),
    kind: text().notNull(),
    uploadedBy: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mutual_aid_claim_files_claim_idx').on(t.claimId)],
);
