import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@platform/db';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default (or one in `dataDir`, as the
 * server runs it: benchmarks), or a new database on the PostgreSQL server named by TEST_DATABASE_URL
 * (created here and dropped on close).
 */
export async function createTestDatabase(dataDir?: string): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ dataDir });
  const name = `gh_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
