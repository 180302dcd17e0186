import { sql } from 'drizzle-orm';
import type { Tx } from './client';

/**
 * The business keys an "at most" rule is serialised on. Each name is one rule's key space; the parts identify
 * the thing the rule counts (a household and a year, an enrolment, a programme, a person).
 */
export type LockName =
  | 'aid.household-year'
  | 'aid.year'
  | 'aid.campaign'
  | 'hardship.member-case'
  | 'hardship.case-no'
  | 'legal.case-no'
  | 'mutualaid.enrolment'
  | 'mutualaid.plan-enrolments'
  | 'healthcheck.programme'
  | 'members.person'
  | 'orgs.children'
  | 'settings.version';

/** The text a key's parts are hashed from; JSON keeps `('a,b')` and `('a', 'b')` apart. */
export const lockKeyText = (parts: readonly (string | number)[]): string => JSON.stringify(parts);

/**
 * Serialises every transaction that takes the same key until it commits or rolls back: a transaction-scoped
 * PostgreSQL advisory lock in the two-int form, `(hashtext(name), hashtext(parts))`. Take it first, then read
 * and check, then write: under READ COMMITTED every statement after the lock sees what the previous holder
 * committed, so "sum so far + this ≤ cap" and "none yet" hold even when no row exists yet to lock (a `select …
 * for update` locks only the rows already there). A hash collision only makes two keys wait for each other.
 * The two-int form never meets the single-bigint advisory locks (first-run setup). On PGlite (one connection)
 * transactions are serial anyway and the lock is granted at once.
 */
export async function lockKey(tx: Tx, name: LockName, ...parts: (string | number)[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}), hashtext(${lockKeyText(parts)}))`);
}

/**
 * The same key in shared mode: shared holders do not wait for each other, only for an exclusive `lockKey` of it
 * (and it for them). For a rule kept both one record at a time and in bulk: each single write takes the wide key
 * shared and its own narrow key exclusive; the bulk write takes the wide key exclusive and needs no narrow keys
 * (a list of thousands would otherwise hold thousands of locks). Take the wide key before the narrow one.
 */
export async function lockKeyShared(tx: Tx, name: LockName, ...parts: (string | number)[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${name}), hashtext(${lockKeyText(parts)}))`);
}
