import { and, count, desc, eq, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { auditEvents } from '@platform/audit';
import type { DbOrTx } from '@platform/db';
import { organisations } from '@modules/organisations/server';
import type { AuditQuery } from '../shared/audit.schema';

const columns = { event: auditEvents, orgName: organisations.name };
export type AuditRow = { event: typeof auditEvents.$inferSelect; orgName: string | null };

/** Day boundaries are China time (UTC+8): `to` is inclusive. */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function where(scope: Scope, q: Omit<AuditQuery, 'page' | 'pageSize'>, underPath: string | null): SQL | undefined {
  const c: (SQL | undefined)[] = [scopeCondition(auditEvents.orgPath, scope)];
  if (underPath) c.push(sql`${auditEvents.orgPath} like ${escapeLike(underPath) + '%'}`);
  if (q.actor) c.push(ilike(auditEvents.actorName, `%${escapeLike(q.actor)}%`));
  if (q.action) c.push(eq(auditEvents.action, q.action));
  if (q.entityType) c.push(eq(auditEvents.entityType, q.entityType));
  if (q.outcome) c.push(eq(auditEvents.outcome, q.outcome));
  // Security events: refused access (written by the platform), failed logins and lockouts.
  if (q.category === 'security') {
    c.push(or(like(auditEvents.action, 'security.%'), eq(auditEvents.action, 'auth.lockout'), and(eq(auditEvents.action, 'auth.login'), eq(auditEvents.outcome, 'failure'))));
  }
  if (q.category === 'export') c.push(eq(auditEvents.action, 'data.export'));
  if (q.from) c.push(gte(auditEvents.occurredAt, dayStart(q.from)));
  if (q.to) c.push(lt(auditEvents.occurredAt, new Date(dayStart(q.to).getTime() + 86_400_000)));
  return and(...c);
}

export async function listAuditEvents(
  db: DbOrTx,
  scope: Scope,
  q: AuditQuery,
  underPath: string | null,
): Promise<{ rows: AuditRow[]; total: number }> {
  const w = where(scope, q, underPath);
  const [totalRow] = await db.select({ n: count() }).from(auditEvents).where(w);
  const rows = await db
    .select(columns)
    .from(auditEvents)
    .leftJoin(organisations, eq(organisations.id, auditEvents.orgId))
    .where(w)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function listAuditEventsForExport(
  db: DbOrTx,
  scope: Scope,
  q: Omit<AuditQuery, 'page' | 'pageSize'>,
  underPath: string | null,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select(columns)
    .from(auditEvents)
    .leftJoin(organisations, eq(organisations.id, auditEvents.orgId))
    .where(where(scope, q, underPath))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
