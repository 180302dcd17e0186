import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { organisations } from '@modules/organisations/server/org.table';

/**
 * A person, once: keyed by the keyed SM3 digest of the resident ID number (`idNumberIdx`). The ID number and
 * phone are stored only encrypted (SM4 + HMAC-SM3 bound to table, column and row) with a display mask kept
 * beside them; the masks are what every list, detail and export shows.
 */
export const members = pgTable(
  'members',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    sex: text().notNull(),
    birthDate: date().notNull(),
    ethnicity: text(),
    idNumberEnc: text().notNull(),
    idNumberIdx: text().notNull(),
    idNumberMasked: text().notNull(),
    phoneEnc: text(),
    phoneIdx: text(),
    phoneMasked: text(),
    education: text(),
    politicalStatus: text(),
    occupation: text(),
    /** 从业类别, coded (shared/member-codes.ts WORKER_KINDS); `gigKind` is its new-form part. */
    workerKind: text(),
    gigKind: text(),
    migrantWorker: boolean().notNull().default(false),
    employerUscc: text(),
    /** The employer's name as the member gave it (online joining), kept when it matches no register employer. */
    employerName: text(),
    remark: text(),
    /** The member's own login, once an online application is approved. */
    accountId: integer().references(() => accounts.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_id_number_idx_key').on(t.idNumberIdx),
    index('members_phone_idx').on(t.phoneIdx),
    // Name search: the prefix is a range of this index and its order is the list's order (name in code-point
    // order, then member id), so a page reads about as many members as it shows; the count reads the index only.
    index('members_name_idx').on(sql`${t.name} collate "C"`, t.id),
    // Probable duplicates are found through the phone index (same phone, then name and birth date compared);
    // a (name, birth_date) index would cost every import and lookup a sixth index for no plan that uses it.
    uniqueIndex('members_account_key').on(t.accountId).where(sql`account_id is not null`),
  ],
);
export type MemberRecord = typeof members.$inferSelect;

/** A dated membership of one union. At most one is open (no `leftOn`) per member at a time. */
export const memberships = pgTable(
  'memberships',
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    joinedOn: date().notNull(),
    leftOn: date(),
    leaveReason: text(),
    channel: text().notNull(),
    /** For a transfer: the membership it continues from. */
    fromMembershipId: integer(),
    remark: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_one_open_key').on(t.memberId).where(sql`left_on is null`),
    // A member's memberships; with `left_on` and `org_id` it also answers "the open membership's union" from the
    // index alone (the name search's count, decision record 0020).
    index('memberships_member_idx').on(t.memberId, t.leftOn, t.orgId),
    index('memberships_org_idx').on(t.orgId, t.leftOn),
  ],
);
export type MembershipRecord = typeof memberships.$inferSelect;

/**
 * A transfer (转会) between unions: requested by the sending side, accepted or refused by the receiving union, or
 * withdrawn by the sender; ordered by a common parent it is accepted at once. Accepting closes the membership
 * (`leave_reason = 'transfer'`) and opens `resultMembershipId` in the receiving union.
 */
export const membershipTransfers = pgTable(
  'membership_transfers',
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    fromMembershipId: integer()
      .notNull()
      .references(() => memberships.id),
    fromOrgId: integer()
      .notNull()
      .references(() => organisations.id),
    toOrgId: integer()
      .notNull()
      .references(() => organisations.id),
    /** `pending` 待接收 → `accepted` 已接收 / `rejected` 已拒绝 / `withdrawn` 已撤回 (shared/member-codes.ts). */
    status: text().notNull(),
    /** The date the membership moves (the old one ends, the new one starts). */
    transferredOn: date().notNull(),
    remark: text(),
    /** Ordered by a union above both sides: accepted at once. */
    ordered: boolean().notNull().default(false),
    requestedBy: integer().references(() => accounts.id),
    requestedByName: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer().references(() => accounts.id),
    decidedByName: text(),
    decidedAt: timestamp({ withTimezone: true }),
    /** Why it was refused or withdrawn. */
    decisionNote: text(),
    resultMembershipId: integer().references(() => memberships.id),
  },
  (t) => [
    uniqueIndex('membership_transfers_one_pending_key').on(t.fromMembershipId).where(sql`status = 'pending'`),
    index('membership_transfers_to_idx').on(t.toOrgId, t.status),
    index('membership_transfers_from_idx').on(t.fromOrgId, t.status),
  ],
);
export type MembershipTransferRecord = typeof membershipTransfers.$inferSelect;

/** An online application to join, filed without an account; the union decides within a deadline. */
export const membershipApplications = pgTable(
  'membership_applications',
  {
    id: serial().primaryKey(),
    /** Unguessable reference the applicant uses to follow the application. */
    ref: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    sex: text().notNull(),
    birthDate: date().notNull(),
    ethnicity: text(),
    idNumberEnc: text().notNull(),
    idNumberIdx: text().notNull(),
    idNumberMasked: text().notNull(),
    phoneEnc: text().notNull(),
    phoneIdx: text().notNull(),
    phoneMasked: text().notNull(),
    education: text(),
    politicalStatus: text(),
    occupation: text(),
    workerKind: text(),
    gigKind: text(),
    migrantWorker: boolean().notNull().default(false),
    employerName: text(),
    username: text().notNull(),
    passwordHash: text().notNull(),
    status: text().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    dueOn: date().notNull(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: integer(),
    opinion: text(),
    memberId: integer().references(() => members.id),
  },
  (t) => [
    uniqueIndex('membership_applications_ref_key').on(t.ref),
    index('membership_applications_org_idx').on(t.orgId, t.status),
    index('membership_applications_id_idx').on(t.idNumberIdx),
  ],
);
export type ApplicationRecord = typeof membershipApplications.$inferSelect;

/** Pairs a person reviewed and marked "not the same person"; never proposed again. `memberA < memberB`. */
export const duplicateDismissals = pgTable(
  'member_duplicate_dismissals',
  {
    memberA: integer()
      .notNull()
      .references(() => members.id),
    memberB: integer()
      .notNull()
      .references(() => members.id),
    accountId: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberA, t.memberB] })],
);
