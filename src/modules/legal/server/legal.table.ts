import { bigint, boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';

/** A legal education event (普法活动) a union held: its audience counted, the materials handed out. */
export const legalEvents = pgTable(
  'legal_events',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    title: text().notNull(),
    heldOn: date().notNull(),
    place: text(),
    audience: integer().notNull(),
    materials: integer(),
    speakers: text(),
    summary: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('legal_events_org_idx').on(t.orgId, t.heldOn)],
);

/**
 * A legal service case (法律服务): consultation, mediation, legal aid, arbitration or litigation support. The worker's
 * name, phone and the facts are personal data: encrypted in `detail_enc` (SM4, bound to the row), the list shows
 * `worker_masked` only.
 */
export const legalCases = pgTable(
  'legal_cases',
  {
    id: serial().primaryKey(),
    caseNo: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    status: text().notNull(),
    kind: text().notNull(),
    issue: text().notNull(),
    source: text().notNull(),
    receivedOn: date().notNull(),
    acceptedOn: date(),
    closedOn: date(),
    memberId: integer().references(() => members.id),
    /** The account of the worker who asked online: they follow the case on their phone. */
    requestedBy: integer().references(() => accounts.id),
    workerMasked: text().notNull(),
    employerName: text().notNull(),
    workersAffected: integer().notNull(),
    handledBy: text(),
    outcome: text(),
    amountRecoveredFen: bigint({ mode: 'number' }),
    detailEnc: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('legal_cases_no_idx').on(t.caseNo), index('legal_cases_org_idx').on(t.orgId, t.receivedOn), index('legal_cases_requested_by_idx').on(t.requestedBy)],
);

/** A step of a case: received, accepted, a note on its handling, closed; the note encrypted (it may name people). */
export const legalCaseEvents = pgTable(
  'legal_case_events',
  {
    id: serial().primaryKey(),
    caseId: integer()
      .notNull()
      .references(() => legalCases.id),
    step: text().notNull(),
    on: date().notNull(),
    noteEnc: text(),
    /** Whether the worker sees the note on their phone (a reply to them, not the union's working notes). */
    toWorker: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('legal_case_events_case_idx').on(t.caseId)],
);
