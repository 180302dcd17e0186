import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail (等保 8.1.4.3). A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 * `orgPath` is the path of the organisation the change belongs to, copied at write time so the audit
 * page can be scoped by subtree even after the organisation moves.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorAccountId: integer(),
    actorName: text().notNull(),
    actorIp: text(),
    orgId: integer(),
    orgPath: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    summary: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    outcome: text().notNull().default('success'),
  },
  (t) => [
    index('audit_events_occurred_at_idx').on(t.occurredAt),
    index('audit_events_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('audit_events_actor_idx').on(t.actorAccountId),
  ],
);
