import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '@modules/organisations/server/org.table';

/**
 * 就业援助服务: one service given to a job seeker (a worker in hardship, a laid-off worker, a graduate of a hardship
 * family …). The person is named and known by the blind index of their ID number (people served are counted by
 * it), with the masked number for the screen; the number itself is not kept.
 */
export const jobSeekerServices = pgTable(
  'job_seeker_services',
  {
    id: serial().primaryKey(),
    orgId: integer()
      .notNull()
      .references(() => organisations.id),
    personName: text().notNull(),
    idNumberIdx: text().notNull(),
    idNumberMasked: text().notNull(),
    category: text().notNull(),
    service: text().notNull(),
    servedOn: date().notNull(),
    outcome: text().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('job_seeker_services_org_idx').on(t.orgId, t.servedOn), index('job_seeker_services_person_idx').on(t.idNumberIdx)],
);
