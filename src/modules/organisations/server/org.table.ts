import { searchGramsOf } from '@platform/db/search';
import { boolean, date, index, integer, pgTable, type AnyPgColumn, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Every node of the union hierarchy. `path` is the materialised path of ids (`/1/5/23/`) and `level`
 * its depth (root = 1), so "this subtree" is one `path like '/1/5/%'`. Closed nodes stay for history.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: serial().primaryKey(),
    parentId: integer().references((): AnyPgColumn => organisations.id),
    path: text().notNull(),
    level: integer().notNull(),
    name: text().notNull(),
    code: text().notNull(),
    kind: text().notNull(),
    divisionCode: text(),
    openedOn: date(),
    closedOn: date(),
    closeReason: text(),
    address: text(),
    contactName: text(),
    contactPhone: text(),
    remark: text(),
    /** A joint union that takes new-form workers (gig workers) applying online without an employer union. */
    acceptsGigWorkers: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_code_key').on(t.code),
    uniqueIndex('organisations_path_key').on(t.path.op('text_pattern_ops')),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_name_idx').on(t.name),
    // The list's substring search on name or code (`substringMatch`, decision record 0020).
    index('organisations_search_idx').using('gin', searchGramsOf([t.name, t.code])),
  ],
);
export type OrgRow = typeof organisations.$inferSelect;
