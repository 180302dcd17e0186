import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { migrationsFolder, openDatabase, pgliteDatabase, type Database, type Db } from '@platform/db';

/**
 * Template databases for the test kit (decision record 0015). A test file's database is a copy of a database
 * built once per run — migrated, and seeded when the file asks for a seed — instead of being migrated and seeded
 * again: `CREATE DATABASE … TEMPLATE …` on a PostgreSQL server, a dumped data directory loaded into a fresh
 * in-memory PGlite on the embedded engine. A copy holds exactly what the build wrote (rows, sequences, planner
 * statistics), so it is the database a fresh build would give, the same day.
 *
 * Templates exist only inside a run started by `test/global-setup.ts`, which names the run (GONGHUI_TEST_RUN), keeps
 * the PGlite dumps in a directory of its own (GONGHUI_TEST_TEMPLATES) and removes both at the end. Outside one
 * (benchmarks, scripts) every database is built from scratch as before, and so it is in a run started with
 * GONGHUI_TEST_RUN=off (to compare, or to rule the templates out when hunting a bug). A template is built by the
 * first test file that needs it; parallel forks wait on a lock (a lock file; an advisory lock on the server).
 */

export const RUN_ENV = 'GONGHUI_TEST_RUN';
export const DIR_ENV = 'GONGHUI_TEST_TEMPLATES';
/** Every template database on the server starts so: `gh_tpl_<run>_<key>`. */
export const TEMPLATE_PREFIX = 'gh_tpl_';

/** Fills a migrated database with what the template holds (nothing, for the migrated template). */
export type TemplateBuild = (db: Db) => Promise<void>;

export interface TemplateSpec {
  /** What the build writes, in words that change whenever the build would write something else. */
  key: unknown;
  /** The template this one starts from (the migrated one, for a seeded template). */
  base?: TemplateSpec;
  build: TemplateBuild;
}

let migrationsHash: string | undefined;
/** A hash of every migration file (SQL and drizzle's journal): a new or edited migration is a new template. */
function hashMigrations(): string {
  if (migrationsHash) return migrationsHash;
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else h.update(path.relative(migrationsFolder, p)).update('\0').update(fs.readFileSync(p)).update('\0');
    }
  };
  walk(migrationsFolder);
  return (migrationsHash = h.digest('hex'));
}

function templateId(spec: TemplateSpec): string {
  const chain: unknown[] = [];
  for (let s: TemplateSpec | undefined = spec; s; s = s.base) chain.push(s.key);
  return createHash('sha256').update(hashMigrations()).update(JSON.stringify(chain)).digest('hex').slice(0, 16);
}

/** The run's name when templates are on (inside a Vitest run with the global setup), else undefined. */
export function templateRun(): string | undefined {
  const run = process.env[RUN_ENV];
  return run && /^[a-z0-9]+_[a-f0-9]+$/.test(run) ? run : undefined;
}

/** A fresh database holding what `spec` builds: a copy of the run's template, or built from scratch outside a run. */
export async function databaseFrom(spec: TemplateSpec, url: string | undefined): Promise<Database> {
  const run = templateRun();
  if (url) {
    const name = `gh_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    if (run) {
      const template = await serverTemplate(url, run, spec);
      await adminQuery(url, [`create database ${name} template ${template}`]);
      return serverDatabase(url, name, false);
    }
    await adminQuery(url, [`create database ${name}`]);
    const database = await serverDatabase(url, name, true);
    await buildAll(database.db, spec);
    return database;
  }
  if (run && process.env[DIR_ENV]) {
    const file = await pgliteTemplate(process.env[DIR_ENV], spec);
    return pgliteFromDump(fs.readFileSync(file));
  }
  const database = await openDatabase({});
  await buildAll(database.db, spec);
  return database;
}

/** Runs the builds of a template chain, base first, on a migrated database. */
async function buildAll(db: Db, spec: TemplateSpec): Promise<void> {
  if (spec.base) await buildAll(db, spec.base);
  await spec.build(db);
}

// ---- PostgreSQL server ----

function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery<T extends pg.QueryResultRow>(url: string, statements: string[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    let rows: T[] = [];
    for (const s of statements) rows = (await c.query<T>(s)).rows;
    return rows;
  } finally {
    await c.end();
  }
}

/** Opens a database on the server; closing it drops it. */
async function serverDatabase(url: string, name: string, migrate: boolean): Promise<Database> {
  const database = await openDatabase({ databaseUrl: databaseUrl(url, name), migrate });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(url, [`drop database if exists ${name} with (force)`]);
    },
  };
}

/**
 * The run's template database for `spec`, built under an advisory lock by the first fork that needs it. A template
 * is complete once marked `is_template`; one left half-built by a killed fork is dropped and built again.
 */
async function serverTemplate(url: string, run: string, spec: TemplateSpec): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${run}_${templateId(spec)}`;
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1), hashtext($2))', ['gonghui-test-template', name]);
    const found = await lock.query<{ complete: boolean }>('select datistemplate as complete from pg_database where datname = $1', [name]);
    if (found.rows[0]?.complete) return name;
    if (found.rows[0]) await lock.query(`drop database ${name} with (force)`);
    if (spec.base) {
      await lock.query(`create database ${name} template ${await serverTemplate(url, run, spec.base)}`);
      const database = await openDatabase({ databaseUrl: databaseUrl(url, name), migrate: false });
      try {
        await spec.build(database.db);
      } finally {
        await database.close();
      }
    } else {
      await lock.query(`create database ${name}`);
      const database = await openDatabase({ databaseUrl: databaseUrl(url, name) });
      try {
        await spec.build(database.db);
      } finally {
        await database.close();
      }
    }
    await lock.query(`alter database ${name} is_template true`);
    return name;
  } finally {
    await lock.end();
  }
}

/** A new run's name: when it started (base 36) and a random part, so that two runs never share a template. */
export function newRun(): string {
  return `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/**
 * Drops the run's template databases, and those of runs that started more than a day ago (a run killed before
 * its teardown leaves its templates behind).
 */
export async function dropServerTemplates(url: string, run: string): Promise<void> {
  const rows = await adminQuery<{ datname: string }>(url, [`select datname from pg_database where datname like '${TEMPLATE_PREFIX}%'`]);
  for (const { datname } of rows) {
    const started = parseInt(datname.slice(TEMPLATE_PREFIX.length).split('_')[0]!, 36);
    if (!datname.startsWith(`${TEMPLATE_PREFIX}${run}_`) && !(started < Date.now() - 86_400_000)) continue;
    await adminQuery(url, [`alter database ${datname} is_template false`, `drop database if exists ${datname} with (force)`]);
  }
}

// ---- PGlite ----

async function pgliteFromDump(dump: Buffer): Promise<Database> {
  const client = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(dump)]) });
  return pgliteDatabase(client, drizzlePglite({ client, casing: 'snake_case' }) as unknown as Db);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds `lockPath` (created exclusively, holding our pid) while `fn` runs; a lock whose process died is taken over. */
async function withFileLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim() || 0);
      let alive = true;
      try {
        if (holder) process.kill(holder, 0);
      } catch {
        alive = false;
      }
      if (!alive) fs.rmSync(lockPath, { force: true });
      else await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

/** The dump file of the run's PGlite template for `spec`, built by the first fork that needs it. */
async function pgliteTemplate(dir: string, spec: TemplateSpec): Promise<string> {
  const file = path.join(dir, `${templateId(spec)}.tar`);
  if (fs.existsSync(file)) return file;
  return withFileLock(`${file}.lock`, async () => {
    if (fs.existsSync(file)) return file;
    const database = spec.base ? await pgliteFromDump(fs.readFileSync(await pgliteTemplate(dir, spec.base))) : await openDatabase({});
    try {
      await spec.build(database.db);
      const client = (database.db as unknown as { session: { client: PGlite } }).session.client;
      // Without a checkpoint the copy starts by replaying WAL, which leaves every sequence at the value it had
      // logged ahead (up to 32 more than used): ids in a copy would not be those of a fresh seed.
      await client.exec('checkpoint');
      const dump = await client.dumpDataDir('none');
      // Written aside and renamed: a reader sees the whole dump or none.
      fs.writeFileSync(`${file}.part`, new Uint8Array(await dump.arrayBuffer()));
      fs.renameSync(`${file}.part`, file);
    } finally {
      await database.close();
    }
    return file;
  });
}
