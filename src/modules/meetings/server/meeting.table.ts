import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/** A meeting of a union's own bodies (常委会, 全委会, 主席办公会 …), with its attendance, agenda and minutes. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    session: text(),
    title: text().notNull(),
    heldOn: date().notNull(),
    place: text(),
    membersTotal: integer().notNull(),
    attendees: integer().notNull(),
    agenda: text(),
    minutes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_org_idx').on(t.orgId, t.heldOn)],
);

/** A decision a meeting made: who carries it out by when, and its follow-up until done. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: serial().primaryKey(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    content: text().notNull(),
    owner: text().notNull(),
    dueOn: date().notNull(),
    doneOn: date(),
    followUp: text(),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId), index('meeting_decisions_open_idx').on(t.dueOn)],
);
