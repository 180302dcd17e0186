import { boolean, date, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from '@modules/members/server/member.table';
import { organisations } from '@modules/organisations/server/org.table';

/** An activity a union held (文体, 宣讲, 走访慰问, 志愿服务 …): counted as person-times, and by name where recorded. */
export const activities = pgTable(
  'activities',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    title: text().notNull(),
    heldOn: date().notNull(),
    place: text(),
    organisers: text(),
    personTimes: integer().notNull(),
    reach: integer(),
    byModelWorkers: boolean().notNull().default(false),
    summary: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activities_org_idx').on(t.orgId, t.heldOn)],
);

/** A member named at an activity: a participant, or a volunteer with the hours served. */
export const activityParticipants = pgTable(
  'activity_participants',
  {
    activityId: integer()
      .notNull()
      .references(() => activities.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    role: text().notNull(),
    hours: numeric({ precision: 4, scale: 1, mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.memberId] })],
);
