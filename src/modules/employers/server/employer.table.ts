import { sql } from 'drizzle-orm';
import { searchGramsOf } from '@platform/db/search';
import { boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/**
 * The employer register (潜在建会单位): every unit that should or does have a union, kept by the street
 * (or district) union whose area it lies in (`orgId`). The source of unionisation gaps.
 */
export const employers = pgTable(
  'employers',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    uscc: text().notNull(),
    divisionCode: text(),
    industry: text(),
    ownership: text(),
    employees: integer().notNull(),
    womenEmployees: integer(),
    smallMicro: boolean().notNull().default(false),
    contactName: text(),
    contactPhone: text(),
    address: text(),
    remark: text(),
    foundingStage: text().notNull().default('none'),
    foundingStartedOn: date(),
    foundingNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employers_uscc_key').on(t.uscc),
    index('employers_org_idx').on(t.orgId),
    index('employers_name_idx').on(t.name),
    // The register's substring search on name or USCC (`substringMatch`, decision record 0020).
    index('employers_search_idx').using('gin', searchGramsOf([t.name, t.uscc])),
  ],
);
export type EmployerRow = typeof employers.$inferSelect;

/**
 * Which grassroots union covers an employer (a joint union covers many), dated: a coverage runs from `since`
 * (inclusive) until the day before `until`; `until` is null while it lasts. At most one open row per employer;
 * uncovering or re-covering ends the open row instead of deleting it, so a past period's figures stay true.
 */
export const unionCoverages = pgTable(
  'union_coverages',
  {
    id: serial().primaryKey(),
    employerId: integer()
      .notNull()
      .references(() => employers.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    since: date().notNull(),
    /** First day no longer covered; null while the coverage lasts. */
    until: date(),
  },
  (t) => [
    uniqueIndex('union_coverages_open_key').on(t.employerId).where(sql`until is null`),
    index('union_coverages_employer_idx').on(t.employerId, t.since),
    index('union_coverages_org_idx').on(t.orgId),
  ],
);
