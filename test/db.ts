import { openDatabase, type Database } from '@platform/db';
import { databaseFrom, type TemplateSpec } from './template';

/** The migrated database with nothing in it: the base of every template. */
export const MIGRATED: TemplateSpec = { key: 'migrated', build: async () => {} };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default (or one in `dataDir`, as the
 * server runs it: benchmarks), or a new database on the PostgreSQL server named by TEST_DATABASE_URL
 * (created here and dropped on close). Inside a test run it is a copy of the run's migrated template
 * (test/template.ts) rather than migrated again.
 */
export async function createTestDatabase(dataDir?: string): Promise<Database> {
  if (dataDir && !process.env.TEST_DATABASE_URL) return openDatabase({ dataDir });
  return databaseFrom(MIGRATED, process.env.TEST_DATABASE_URL);
}
