import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SQLWrapper } from 'drizzle-orm';

/** The drizzle handle every repository works with; the same SQL dialect on both engines. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  /**
   * Where figures, reports and exports read (issue #15 §4): a read replica when `READ_DATABASE_URL` is set, else
   * `db` itself. Only for reads that may be a moment behind (a streaming replica lags by its replay delay):
   * never inside a transaction, never for a check before a write, never to read back what a request just wrote.
   */
  read?: Db;
  kind: DatabaseKind;
  /**
   * Follows a notice channel (`pg_notify`): `onNotice` runs on each notice, `onState(true)` once notices are
   * followed and `onState(false)` while they are not (the listening connection broke; it reconnects every second
   * and reports true again — notices sent meanwhile are lost, so a follower treats that as "anything changed").
   * On PGlite notices arrive in process. Returns the stop.
   */
  listen(channel: string, onNotice: () => void, onState: (following: boolean) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** How often a listening connection proves that notices reach it, and how long a proof may take. */
const PROBE_EVERY_MS = 30_000;
const PROBE_WITHIN_MS = 5_000;

/**
 * A dedicated connection LISTENing on `channel`, reconnecting every second after a break until stopped. Before it
 * reports `following` and every 30 s after, it proves that notices arrive: a probe notice is sent through `send`
 * (another connection: the pool) and must come back within 5 s, else the connection is ended and made again. So a
 * LISTEN that hears nothing — through a transaction-mode pooler, or over a half-open TCP connection — is never
 * taken for one that hears everything. The server starts whether or not the first attempt succeeds.
 */
async function listenOnServer(
  url: string,
  channel: string,
  send: (text: string, values: unknown[]) => Promise<unknown>,
  onNotice: () => void,
  onState: (following: boolean) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  const probes = new Map<string, () => void>();
  const probe = async () => {
    const token = `probe:${randomUUID()}`;
    const arrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (probes.delete(token), reject(new Error('the probe notice did not arrive'))), PROBE_WITHIN_MS).unref();
      probes.set(token, () => (clearTimeout(timer), probes.delete(token), resolve()));
    });
    await send('select pg_notify($1, $2)', [channel, token]);
    await arrived;
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('notification', (n) => {
      if (n.channel !== channel) return;
      if (n.payload?.startsWith('probe:')) probes.get(n.payload)?.();
      else onNotice();
    });
    c.on('error', () => undefined); // followed by 'end'
    c.on('end', () => {
      if (client !== c) return;
      client = null;
      if (heartbeat) clearInterval(heartbeat);
      onState(false);
      if (!stopped) retry = setTimeout(reconnect, 1_000);
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      await probe();
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
    if (stopped) return void (await c.end().catch(() => undefined));
    client = c;
    onState(true);
    heartbeat = setInterval(() => {
      probe().catch(() => c.end().catch(() => undefined)); // 'end' reports it and reconnects
    }, PROBE_EVERY_MS);
    heartbeat.unref();
  };
  let warned = false;
  const reconnect = () => {
    retry = null;
    if (stopped) return;
    connect().catch((e: Error) => {
      if (!warned) console.error(`数据库通知（LISTEN ${channel}）未送达，登录信息不在内存中保留，每秒重试：${e.message}。经过事务模式的 PgBouncer 时请设置 LISTEN_DATABASE_URL`);
      warned = true;
      if (!stopped) retry = setTimeout(reconnect, 1_000);
    });
  };
  onState(false);
  await connect().catch(() => reconnect());
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    if (heartbeat) clearInterval(heartbeat);
    const c = client;
    client = null;
    onState(false);
    await c?.end().catch(() => undefined);
  };
}

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

export interface OpenOptions {
  /** postgres://… URL; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; when absent (and no URL), an in-memory PGlite (tests). */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /**
   * postgres://… URL of the role that owns the schema. When given, migrations run as that role and the app role
   * (`databaseUrl`) is granted only what it needs: no ALTER, and no UPDATE, DELETE or TRUNCATE of the audit trail.
   */
  migrationUrl?: string | undefined;
  /**
   * postgres://… URL of a read replica (a hot standby fed by streaming replication, or any server holding the
   * same rows): the figures, the reports and the exports read there (`Database.read`). Needs `databaseUrl`.
   * No migrations run on it: a standby replays the primary's.
   */
  readUrl?: string | undefined;
  /**
   * postgres://… URL the server LISTENs on for notices (`Database.listen`), when `databaseUrl` goes through a
   * pooler in transaction mode (PgBouncer), which does not keep a LISTEN: the server itself, or a session-mode pool.
   */
  listenUrl?: string | undefined;
}

/** Tables the app may only read and append to (等保 8.1.4.3 c); a trigger refuses changes even to the owner. */
const APPEND_ONLY_TABLES = ['audit_events'];

/**
 * Grants the app role what it needs and nothing more, as the owner, after migrating: rows of every table, its
 * sequences (setval too, for bulk loads), and on the append-only tables SELECT and INSERT only. Not owning the
 * tables, the app role can neither ALTER nor DROP them, nor disable the audit trigger. Idempotent.
 */
async function grantAppRole(owner: pg.Pool, appRole: string): Promise<void> {
  const role = `"${appRole.replace(/"/g, '""')}"`;
  await owner.query(`grant usage on schema public to ${role}`);
  await owner.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await owner.query(`revoke truncate, references, trigger on all tables in schema public from ${role}`);
  await owner.query(`grant usage, select, update on all sequences in schema public to ${role}`);
  for (const table of APPEND_ONLY_TABLES) await owner.query(`revoke update, delete, truncate on ${table} from ${role}`);
}

/**
 * Opens the database and applies migrations. PGlite is a single in-process connection: keep transactions
 * short, as a long one stalls every request. It runs without fsync, so production belongs on a server.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const runMigrations = options.migrate ?? true;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (restart, failover, admin termination) is reported here; without a
    // listener node-postgres would crash the process. The pool replaces the connection on next use.
    pool.on('error', (err) => {
      if (process.env.LOG_LEVEL) console.error(`PostgreSQL idle connection closed: ${err.message}`);
    });
    const pgDb = drizzlePg({ client: pool, casing: 'snake_case' });
    if (runMigrations && options.migrationUrl) {
      const owner = new pg.Pool({ connectionString: options.migrationUrl, max: 1 });
      try {
        await migratePg(drizzlePg({ client: owner, casing: 'snake_case' }), { migrationsFolder });
        const { rows } = await pool.query<{ role: string; owner: string }>('select current_user as role, (select tableowner from pg_tables where tablename = $1) as owner', ['audit_events']);
        if (rows[0] && rows[0].role !== rows[0].owner) await grantAppRole(owner, rows[0].role);
      } finally {
        await owner.end();
      }
    } else if (runMigrations) {
      await migratePg(pgDb, { migrationsFolder });
    }
    const listeners = new Set<() => Promise<void>>();
    const listen: Database['listen'] = async (channel, onNotice, onState) => {
      const stop = await listenOnServer(options.listenUrl ?? options.databaseUrl!, channel, (text, values) => pool.query(text, values), onNotice, onState);
      listeners.add(stop);
      return () => (listeners.delete(stop), stop());
    };
    const stopListening = () => Promise.all([...listeners].map((stop) => stop()));
    if (!options.readUrl) return { db: pgDb as unknown as Db, kind: 'postgres', listen, close: () => stopListening().then(() => pool.end()) };
    const readPool = new pg.Pool({ connectionString: options.readUrl, max: 10 });
    readPool.on('error', (err) => {
      if (process.env.LOG_LEVEL) console.error(`PostgreSQL read replica idle connection closed: ${err.message}`);
    });
    const readDb = drizzlePg({ client: readPool, casing: 'snake_case' }) as unknown as Db;
    return {
      db: pgDb as unknown as Db,
      read: readDb,
      kind: 'postgres',
      listen,
      close: () => stopListening().then(() => Promise.all([pool.end(), readPool.end()])).then(() => undefined),
    };
  }
  if (options.readUrl) throw new Error('READ_DATABASE_URL 需要同时设置 DATABASE_URL（嵌入式数据库没有只读副本）');
  let client: PGlite;
  if (options.dataDir) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    client = await PGlite.create(options.dataDir);
  } else {
    client = await PGlite.create();
  }
  const liteDb = drizzlePglite({ client, casing: 'snake_case' });
  if (runMigrations) await migratePglite(liteDb, { migrationsFolder });
  return pgliteDatabase(client, liteDb as unknown as Db);
}

/** The Database of an open PGlite (`db`: drizzle over it). Its notices arrive in process. */
export function pgliteDatabase(client: PGlite, db: Db): Database {
  const listen: Database['listen'] = async (channel, onNotice, onState) => {
    const unlisten = await client.listen(channel, onNotice);
    onState(true);
    return async () => {
      onState(false);
      if (!client.closed) await unlisten();
    };
  };
  return { db, kind: 'pglite', listen, close: () => client.close() };
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. For repositories only. */
export async function queryRows<T>(db: DbOrTx, query: SQLWrapper): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A value written by COPY. */
export type CopyValue = string | number | boolean | null;

const COPY_SPECIAL = /[\\\t\n\r]/;

/** Escapes one value for COPY's text format (backslash, tab, newline, carriage return). */
export function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  // Most values need no escaping; testing first spares a replace per value on a million-row import.
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

/**
 * Bulk-loads rows with COPY (the fastest path on both engines: PGlite reads a blob, PostgreSQL a stream).
 * `table` and `columns` are trusted identifiers from code, never user input.
 */
export async function copyRows(db: DbOrTx, table: string, columns: string[], rows: CopyValue[][]): Promise<void> {
  if (rows.length === 0) return;
  await copyInto(db, table, columns, rows.map((r) => r.map(copyText).join('\t')).join('\n') + '\n');
}

/**
 * COPYs text in COPY format into a table through the given handle — inside a transaction when given one, so
 * the rows commit or vanish with it. `table` and `columns` are trusted identifiers from code.
 */
async function copyInto(db: DbOrTx, table: string, columns: string[], text: string): Promise<void> {
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  // Drizzle keeps the driver's handle on its session: the pool, a pool client inside a transaction, or PGlite.
  const client = (db as unknown as { session: { client: unknown } }).session.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    const conn = client instanceof pg.Pool ? await client.connect() : client;
    try {
      await pipeline(Readable.from([text]), conn.query(copyFrom(`${statement} stdin`)));
    } finally {
      if (client instanceof pg.Pool) (conn as pg.PoolClient).release();
    }
  } else {
    await (client as Pick<PGlite, 'query'>).query(`${statement} '/dev/blob'`, [], { blob: new Blob([new TextEncoder().encode(text)]) });
  }
}

/**
 * Refreshes planner statistics (after a bulk load or a large import). The embedded database runs no
 * autovacuum, so without this a table that grew from hundreds to a million rows keeps its old estimates.
 */
export async function analyzeDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze`);
}

/** The same for the tables a bulk write touched (names from code, never user input). */
export async function analyzeTables(db: DbOrTx, tables: string[]): Promise<void> {
  if (tables.length) await db.execute(sql.raw(`analyze ${tables.join(', ')}`));
}
