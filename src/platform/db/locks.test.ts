import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@test/db';
import { queryRows, type Database } from './client';
import { lockKey, lockKeyShared, lockKeyText } from './locks';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Advisory locks the current session holds. */
const heldHere = async (db: Database['db'] | Parameters<Parameters<Database['db']['transaction']>[0]>[0]) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted`))[0]!.n;

/** Whether another session could take the key now (autocommit: the lock, if got, ends with the statement). */
const freeElsewhere = async (name: string, parts: (string | number)[]) =>
  (await queryRows<{ got: boolean }>(database.db, sql`select pg_try_advisory_xact_lock(hashtext(${name}), hashtext(${lockKeyText(parts)})) as got`))[0]!.got;

describe('lockKey', () => {
  it('holds a transaction-scoped advisory lock until the transaction ends', async () => {
    await database.db.transaction(async (tx) => {
      await lockKey(tx, 'aid.household-year', 17, 2026);
      expect(await heldHere(tx)).toBe(1);
      // Taken again in the same transaction it is granted at once (re-entrant), not a deadlock.
      await lockKey(tx, 'aid.household-year', 17, 2026);
    });
    expect(await heldHere(database.db)).toBe(0);
  });

  it('keeps parts apart: a list of parts is not the same key as their joined text', () => {
    expect(lockKeyText(['1,2'])).not.toBe(lockKeyText([1, 2]));
    expect(lockKeyText([1, 2])).not.toBe(lockKeyText(['1', '2']));
  });

  describe.runIf(!!process.env.TEST_DATABASE_URL)('on a PostgreSQL server', () => {
    it('makes another session wait for the same key, and only that key, until commit', async () => {
      await database.db.transaction(async (tx) => {
        await lockKey(tx, 'mutualaid.enrolment', 5);
        // database.db outside the transaction runs on another pooled connection: another session.
        expect(await freeElsewhere('mutualaid.enrolment', [5])).toBe(false);
        expect(await freeElsewhere('mutualaid.enrolment', [6])).toBe(true);
        expect(await freeElsewhere('healthcheck.programme', [5])).toBe(true);
      });
      expect(await freeElsewhere('mutualaid.enrolment', [5])).toBe(true);
    });

    it('lets shared holders share a key, and keeps an exclusive holder out', async () => {
      const sharedElsewhere = async () =>
        (await queryRows<{ got: boolean }>(database.db, sql`select pg_try_advisory_xact_lock_shared(hashtext('aid.year'), hashtext(${lockKeyText([2026])})) as got`))[0]!.got;
      await database.db.transaction(async (tx) => {
        await lockKeyShared(tx, 'aid.year', 2026);
        expect(await sharedElsewhere()).toBe(true);
        expect(await freeElsewhere('aid.year', [2026])).toBe(false);
      });
      await database.db.transaction(async (tx) => {
        await lockKey(tx, 'aid.year', 2026);
        expect(await sharedElsewhere()).toBe(false);
      });
    });

    it('is released when the transaction rolls back', async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await lockKey(tx, 'members.person', 'abc');
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await freeElsewhere('members.person', ['abc'])).toBe(true);
    });

    it('orders two writers: the second reads what the first committed', async () => {
      await database.db.execute(sql`create table lock_probe (n int)`);
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
      const first = database.db.transaction(async (tx) => {
        await lockKey(tx, 'aid.household-year', 1, 2026);
        await firstMayCommit;
        await tx.execute(sql`insert into lock_probe values (1)`);
      });
      // Wait until the first holds the key, then start the second and wait until it is queued behind it.
      while (await freeElsewhere('aid.household-year', [1, 2026])) await new Promise((r) => setImmediate(r));
      const second = database.db.transaction(async (tx) => {
        await lockKey(tx, 'aid.household-year', 1, 2026);
        return (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from lock_probe`))[0]!.n;
      });
      const waiting = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`))[0]!.n;
      while ((await waiting()) === 0) await new Promise((r) => setImmediate(r));
      releaseFirst();
      await first;
      expect(await second).toBe(1);
    });
  });
});
