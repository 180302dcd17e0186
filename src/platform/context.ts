import type { Principal } from './access';
import type { AuditActor } from './audit';
import type { Config } from './config/config';
import type { FieldCipher } from './crypto';
import type { Db } from './db';

/** What every module's routes and services are given: the database, settings and a clock. */
export interface AppDeps {
  db: Db;
  /**
   * Where figures, reports and exports read: the read replica (READ_DATABASE_URL) when there is one, else `db`.
   * Only for reads that may lag the primary by a moment; everything that checks, writes or reads back goes to `db`.
   */
  readDb: Db;
  config: Config;
  /** Field encryption for sensitive personal information (ID numbers, phones); key kept outside the database. */
  cipher: FieldCipher;
  /** The clock; tests replace it to check timeouts and lockouts. */
  now(): Date;
}

/** Who acts, from where: passed from a route to a service. */
export interface ActionContext {
  principal: Principal;
  ip: string;
}

export function actorOf(ctx: ActionContext): AuditActor {
  return { accountId: ctx.principal.accountId, name: `${ctx.principal.displayName}（${ctx.principal.username}）`, ip: ctx.ip };
}
