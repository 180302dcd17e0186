import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@test/db';
import { BulkWriter, ForeignKeyViolation } from './bulk';
import { queryRows, type Database } from './client';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table bulk_parents (id int primary key, name text)`);
  await database.db.execute(sql`insert into bulk_parents select g, 'p' || g from generate_series(1, 10) g`);
  await database.db.execute(sql`create table bulk_children (id int primary key, parent_id int not null references bulk_parents(id), note text)`);
  // The same shape with a trigger of its own: BulkWriter must leave its checks to PostgreSQL.
  await database.db.execute(sql`create table bulk_audited (id int primary key, parent_id int not null references bulk_parents(id), note text)`);
  await database.db.execute(sql.raw(`create function bulk_note() returns trigger language plpgsql as $$ begin new.note := 'seen'; return new; end $$`));
  await database.db.execute(sql`create trigger bulk_audited_note before insert on bulk_audited for each row execute function bulk_note()`);
});

afterAll(async () => {
  await database.close();
});

const count = async (table: string) => (await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const role = async (db: Parameters<typeof queryRows>[0]) => (await queryRows<{ r: string }>(db, sql`select current_setting('session_replication_role') as r`))[0]!.r;

describe('BulkWriter', () => {
  it('checks a batch’s foreign keys in one statement, writes it, and restores row triggers afterwards', async () => {
    await database.db.transaction(async (tx) => {
      const writer = await BulkWriter.open(tx);
      expect(await writer.checksInBatches('bulk_children')).toBe(true);
      await writer.copy('bulk_children', ['id', 'parent_id', 'note'], [
        [1, 1, 'a'],
        [2, 1, 'b\tc'],
        [3, 7, null],
      ]);
      expect(await role(tx)).toBe('origin');
    });
    expect(await count('bulk_children')).toBe(3);
    const [row] = await queryRows<{ note: string }>(database.db, sql`select note from bulk_children where id = 2`);
    expect(row!.note).toBe('b\tc');
  });

  it('refuses a batch that names a missing row, with the foreign-key SQLSTATE, and the transaction writes nothing', async () => {
    const attempt = database.db.transaction(async (tx) => {
      const writer = await BulkWriter.open(tx);
      await writer.copy('bulk_children', ['id', 'parent_id', 'note'], [[10, 2, 'ok']]);
      await writer.copy('bulk_children', ['id', 'parent_id', 'note'], [
        [11, 3, 'ok'],
        [12, 99, 'dangling'],
      ]);
    });
    await expect(attempt).rejects.toThrow(ForeignKeyViolation);
    await expect(attempt).rejects.toMatchObject({ code: '23503', message: expect.stringContaining('99') });
    expect(await count('bulk_children')).toBe(3);
  });

  it('leaves a table with triggers of its own to PostgreSQL’s row-by-row checks (its trigger runs; a dangling row is refused)', async () => {
    await database.db.transaction(async (tx) => {
      const writer = await BulkWriter.open(tx);
      expect(await writer.checksInBatches('bulk_audited')).toBe(false);
      await writer.copy('bulk_audited', ['id', 'parent_id', 'note'], [[1, 4, 'x']]);
    });
    const [row] = await queryRows<{ note: string }>(database.db, sql`select note from bulk_audited where id = 1`);
    expect(row!.note).toBe('seen');
    const attempt = database.db.transaction(async (tx) => {
      const writer = await BulkWriter.open(tx);
      await writer.copy('bulk_audited', ['id', 'parent_id', 'note'], [[2, 99, 'x']]);
    });
    await expect(attempt).rejects.toMatchObject({ code: '23503' });
    expect(await count('bulk_audited')).toBe(1);
  });

  it('holds the referenced rows against deletion until the transaction ends (the lock the trigger would take)', async () => {
    await database.db.transaction(async (tx) => {
      const writer = await BulkWriter.open(tx);
      await writer.copy('bulk_children', ['id', 'parent_id', 'note'], [[20, 5, 'locked']]);
      const [lock] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'bulk_parents' and l.mode = 'RowShareLock'`,
      );
      expect(lock!.n).toBeGreaterThan(0);
    });
  });
});
