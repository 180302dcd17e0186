import type { Principal, Scope } from '@platform/access';
import type { z } from 'zod';
import type { DbOrTx } from '@platform/db';
import type { DueItemSchema } from './schema';

/** One piece of due work (待办): a record someone must act on, with its deadline (fields: DueItemSchema). */
export type DueItem = z.infer<typeof DueItemSchema>;

/** What a provider is given: the database, the principal, a Scope for the provider's permission, and today. */
export interface DueContext {
  db: DbOrTx;
  principal: Principal;
  /** The subtrees where `permission` (default: the provider's own) holds. */
  scope(permission?: string): Scope;
  /** Today in China time, `YYYY-MM-DD`. */
  today: string;
}

/** A module's due work: runs only for holders of `permission` and scopes its queries with `ctx.scope()`. */
export interface DueProvider {
  /** The permission that lets a principal see this work (the module's read permission). */
  permission: string;
  list(ctx: DueContext): Promise<DueItem[]>;
}

/** Urgency order: overdue first, then by deadline ascending, then undated; ties by module and title. */
export function compareDue(a: DueItem, b: DueItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  if (a.module !== b.module) return a.module < b.module ? -1 : 1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/** Days between two `YYYY-MM-DD` dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
