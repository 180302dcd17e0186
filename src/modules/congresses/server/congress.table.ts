import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '@modules/accounts/server/account.table';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';

/** A unit's congress system (职代会制度), kept by the unit's union: one per union. */
export const congresses = pgTable(
  'congresses',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    form: text().notNull(),
    establishedOn: date().notNull(),
    termNo: integer().notNull(),
    termStartsOn: date().notNull(),
    termYears: integer().notNull(),
    staff: integer().notNull(),
    womenStaff: integer(),
    stateOwned: boolean().notNull().default(false),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('congresses_org_idx').on(t.orgId)],
);

/** A delegate on a congress's roster, from election until they leave (退出). */
export const congressDelegates = pgTable(
  'congress_delegates',
  {
    id: serial().primaryKey(),
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    memberId: integer().references(() => members.id),
    name: text().notNull(),
    sex: text().notNull(),
    category: text().notNull(),
    dept: text(),
    electedOn: date().notNull(),
    leftOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_delegates_congress_idx').on(t.congressId, t.electedOn), index('congress_delegates_member_idx').on(t.memberId)],
);

export interface SessionVote {
  matter: string;
  votesFor: number;
  votesAgainst: number;
  abstain: number;
  passed: boolean;
}

/** A congress session lawfully held: the roster's size that day, who came, the votes and resolutions. */
export const congressSessions = pgTable(
  'congress_sessions',
  {
    id: serial().primaryKey(),
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    kind: text().notNull(),
    termNo: integer().notNull(),
    sessionNo: integer().notNull(),
    heldOn: date().notNull(),
    total: integer().notNull(),
    present: integer().notNull(),
    agenda: text().notNull(),
    votes: jsonb().$type<SessionVote[]>().notNull(),
    resolutions: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_sessions_congress_idx').on(t.congressId, t.heldOn)],
);

/** A delegate's proposal (提案) and its handling: 立案, the department's reply, the proposer's satisfaction. */
export const congressProposals = pgTable(
  'congress_proposals',
  {
    id: serial().primaryKey(),
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    status: text().notNull(),
    title: text().notNull(),
    content: text().notNull(),
    proposer: text().notNull(),
    coSigners: text(),
    /** The delegate's account when they submitted it on their phone (they follow and rate it there). */
    submittedBy: integer().references(() => accounts.id),
    submittedOn: date().notNull(),
    acceptedOn: date(),
    department: text(),
    reply: text(),
    repliedOn: date(),
    satisfaction: text(),
    opinion: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_proposals_congress_idx').on(t.congressId, t.submittedOn), index('congress_proposals_by_idx').on(t.submittedBy)],
);

/** An item of workplace affairs disclosure (厂务公开): what was made public, how, when, and what workers said. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    matter: text().notNull(),
    category: text().notNull(),
    channel: text().notNull(),
    disclosedOn: date().notNull(),
    periodLabel: text(),
    content: text(),
    feedback: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosures_org_idx').on(t.orgId, t.disclosedOn)],
);

export interface DirectorReport {
  year: number;
  reportedOn: string;
  rating: string;
}

/** A worker director or supervisor (职工董事/职工监事) elected by the congress, with their yearly reports to it. */
export const workerDirectors = pgTable(
  'worker_directors',
  {
    id: serial().primaryKey(),
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    role: text().notNull(),
    name: text().notNull(),
    board: text().notNull(),
    electedOn: date().notNull(),
    votesFor: integer().notNull(),
    delegatesTotal: integer().notNull(),
    termEndsOn: date().notNull(),
    endedOn: date(),
    reports: jsonb().$type<DirectorReport[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_directors_congress_idx').on(t.congressId)],
);
