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
  (t) => [uniqueIndex('employers_uscc_key').on(t.uscc), index('employers_org_idx').on(t.orgId), index('employers_name_idx').on(t.name)],
);
export type EmployerRow = typeof employers.$inferSelect;

/** Which grassroots union covers an employer (a joint union covers many), and since when. */
export const unionCoverages = pgTable(
  'union_coverages',
  {
    employerId: integer()
      .primaryKey()
      .references(() => employers.id),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    since: date().notNull(),
  },
  (t) => [index('union_coverages_org_idx').on(t.orgId)],
);
