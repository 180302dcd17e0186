import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';
import type { Thresholds } from '../shared/facility.ledger';

/**
 * A versioned construction standard (建设标准: 七个一, 六有, 小屋基础型 …) for one kind of facility: its checklist and
 * thresholds, in force from `effective_from`. A new version is a new row of the same kind and name.
 */
export const facilityStandards = pgTable(
  'facility_standards',
  {
    id: serial().primaryKey(),
    kind: text().notNull(),
    name: text().notNull(),
    version: integer().notNull(),
    effectiveFrom: date().notNull(),
    items: jsonb().$type<{ code: string; title: string; required: boolean }[]>().notNull(),
    thresholds: jsonb().$type<Thresholds>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('facility_standards_version_key').on(t.kind, t.name, t.version)],
);

/** One worker facility (职工服务阵地) kept by the union that declared it; kind-specific columns are null elsewhere. */
export const facilities = pgTable(
  'facilities',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    name: text().notNull(),
    status: text().notNull().default('declared'),
    standardId: integer()
      .notNull()
      .references(() => facilityStandards.id),
    declaredOn: date().notNull(),
    acceptedOn: date(),
    listedOn: date(),
    mapPublished: boolean().notNull().default(false),
    delistedOn: date(),
    host: text(),
    address: text(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    openingHours: text(),
    area: integer(),
    manager: text(),
    managerPhone: text(),
    buildMode: text(),
    level: text(),
    volumes: integer(),
    digitalPlatform: text(),
    stars: integer(),
    classType: text(),
    enrolled: integer(),
    startsOn: date(),
    endsOn: date(),
    leader: text(),
    itemsPresent: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('facilities_name_key').on(t.orgId, t.kind, t.name), index('facilities_kind_status_idx').on(t.kind, t.status)],
);
export type FacilityRow = typeof facilities.$inferSelect;

/** An inspection (验收, 年度复验, 提升验收, 整改复查) or the delisting, by the superior union that made it. */
export const facilityInspections = pgTable(
  'facility_inspections',
  {
    id: serial().primaryKey(),
    facilityId: integer()
      .notNull()
      .references(() => facilities.id),
    kind: text().notNull(),
    inspectedOn: date().notNull(),
    result: text().notNull(),
    standardId: integer()
      .notNull()
      .references(() => facilityStandards.id),
    itemsPresent: jsonb().$type<string[]>().notNull(),
    failedItems: jsonb().$type<string[]>().notNull(),
    opinion: text(),
    rectifyBy: date(),
    byOrgId: integer()
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('facility_inspections_facility_idx').on(t.facilityId, t.inspectedOn), index('facility_inspections_kind_idx').on(t.kind, t.result, t.inspectedOn)],
);

/** Usage: person-times per month (the 1st of the month), or a childcare class's attendance per day. */
export const facilityUsage = pgTable(
  'facility_usage',
  {
    facilityId: integer()
      .notNull()
      .references(() => facilities.id),
    onDate: date().notNull(),
    count: integer().notNull(),
  },
  (t) => [uniqueIndex('facility_usage_key').on(t.facilityId, t.onDate)],
);
