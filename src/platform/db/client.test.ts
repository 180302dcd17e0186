import pg from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@test/db';
import { queryRows } from './client';

describe.runIf(!!process.env.TEST_DATABASE_URL)('PostgreSQL pool', () => {
  it('survives the server ending an idle connection, and keeps serving queries', async () => {
    const database = await createTestDatabase();
    try {
      const [me] = await queryRows<{ pid: number; db: string }>(database.db, sql`select pg_backend_pid() as pid, current_database() as db`);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [me!.pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      const [again] = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
      expect(again!.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
