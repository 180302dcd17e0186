import { date, doublePrecision, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/** A collective contract (集体合同) and every date its legal clocks run from; kept by the union that negotiates it. */
export const collectiveContracts = pgTable(
  'collective_contracts',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    scope: text().notNull(),
    title: text().notNull(),
    session: text(),
    status: text().notNull(),
    offerOn: date().notNull(),
    offerBy: text().notNull(),
    replyOn: date(),
    firstRoundOn: date(),
    rounds: integer().notNull().default(0),
    draftOn: date(),
    voteOn: date(),
    delegatesTotal: integer(),
    delegatesPresent: integer(),
    votesFor: integer(),
    votesAgainst: integer(),
    signedOn: date(),
    startsOn: date(),
    endsOn: date(),
    filedOn: date(),
    lateReason: text(),
    correctionOn: date(),
    refiledOn: date(),
    receivedOn: date(),
    receiptNo: text(),
    objectionOn: date(),
    effectiveOn: date(),
    publishedOn: date(),
    /** The filing deadline, fixed at signing by the clock rules then in force (the on-time figure reads it). */
    filingDueOn: date(),
    /** The last day of the review, fixed at receipt: the day after it the contract takes effect by itself. */
    reviewDueOn: date(),
    lastReportOn: date(),
    /** The day the contract becomes 待办 (the earliest `attentionOn` of its running clocks), kept on every write: the 待办 filter and order. */
    nextDueOn: date(),
    renewedOn: date(),
    terminatedOn: date(),
    /** Wage contracts: last year's average wage in fen, the agreed increase and the minimum-wage multiple. */
    avgWageLastYearFen: integer(),
    wageIncreasePct: doublePrecision(),
    minWageMultiple: doublePrecision(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collective_contracts_org_idx').on(t.orgId, t.signedOn), index('collective_contracts_status_idx').on(t.status), index('collective_contracts_due_idx').on(t.nextDueOn)],
);

/** The enterprises a contract covers (one for a single enterprise's; the list of a regional or industry one). */
export const collectiveContractEmployers = pgTable(
  'collective_contract_employers',
  {
    id: serial().primaryKey(),
    contractId: integer()
      .notNull()
      .references(() => collectiveContracts.id),
    uscc: text().notNull(),
    name: text().notNull(),
    workers: integer().notNull(),
  },
  (t) => [index('collective_contract_employers_contract_idx').on(t.contractId), index('collective_contract_employers_uscc_idx').on(t.uscc)],
);

/** The contract's history: every step taken, with its date and note (negotiation rounds, yearly performance reports). */
export const collectiveContractEvents = pgTable(
  'collective_contract_events',
  {
    id: serial().primaryKey(),
    contractId: integer()
      .notNull()
      .references(() => collectiveContracts.id),
    step: text().notNull(),
    on: date().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collective_contract_events_contract_idx').on(t.contractId)],
);
