import type { DbOrTx } from '../db';
import { auditEvents } from './audit.table';

export interface AuditActor {
  accountId: number | null;
  name: string;
  ip?: string | null;
}

export interface AuditEvent {
  actor: AuditActor;
  /** `module.verb`, e.g. `org.create`; its Chinese label is in the audit module's action catalogue. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  orgId?: number | null;
  orgPath?: string | null;
  /** One Chinese sentence a cadre can read, e.g. 新建组织「某某公司工会」. */
  summary: string;
  /** Snapshots with sensitive fields already masked (see platform/privacy). */
  before?: unknown;
  after?: unknown;
  outcome?: 'success' | 'failure';
}

/** Writes one audit row. Call it with the mutation's own transaction so both commit or neither does. */
export async function writeAudit(tx: DbOrTx, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    actorAccountId: event.actor.accountId,
    actorName: event.actor.name,
    actorIp: event.actor.ip ?? null,
    orgId: event.orgId ?? null,
    orgPath: event.orgPath ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId == null ? null : String(event.entityId),
    summary: event.summary,
    before: event.before ?? null,
    after: event.after ?? null,
    outcome: event.outcome ?? 'success',
  });
}
