import type { IndicatorCatalogue } from '@platform/indicators';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '@platform/config/config';
import type { AppDeps } from '@platform/context';
import type { Database } from '@platform/db';
import { buildApp } from '../src/server/app';
import { DEMO_PASSWORD, seedDemo } from '../src/server/demo';
import { createFieldCipher } from '@platform/crypto';
import type { ImportRunner } from '@platform/imports';
import { chinaToday } from '@platform/periods';
import { createTestDatabase, MIGRATED } from './db';
import { databaseFrom, type TemplateSpec } from './template';

/** A fixed field key for tests (never used outside them). */
export const TEST_FIELD_KEY = Buffer.alloc(32, 7);

export interface TestResponse<T = any> {
  status: number;
  body: T;
  raw: LightMyRequestResponse;
}

/** A signed-in (or anonymous) HTTP client over `app.inject`, carrying the session cookie and CSRF token. */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(readonly app: FastifyInstance) {}

  async request<T = any>(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    const raw = await this.app.inject({ method: method as 'GET', url, payload: payload as object, headers: h });
    const setCookie = raw.headers['set-cookie'];
    if (setCookie) {
      const first = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
      this.cookie = first.endsWith('=') ? undefined : first;
    }
    const type = String(raw.headers['content-type'] ?? '');
    const body = type.includes('json') ? raw.json() : raw.body;
    return { status: raw.statusCode, body, raw };
  }
  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, payload: unknown = {}) {
    return this.request<T>('POST', url, payload);
  }
  patch<T = any>(url: string, payload: unknown) {
    return this.request<T>('PATCH', url, payload);
  }
  put<T = any>(url: string, payload: unknown) {
    return this.request<T>('PUT', url, payload);
  }

  /** Uploads a file as the raw request body (Excel imports by default; attachments as octet-stream). */
  upload<T = any>(url: string, file: Buffer, contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
    return this.request<T>('POST', url, file, { 'content-type': contentType });
  }

  /** Logs in and loads the CSRF token; throws when the login fails. */
  async login(username: string, password = DEMO_PASSWORD): Promise<this> {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    const me = await this.get('/api/auth/me');
    this.csrf = me.body.csrfToken;
    return this;
  }
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  imports: ImportRunner;
  /** Every module's figures (the one catalogue the reports read). */
  catalogue: IndicatorCatalogue;
  database: Database;
  config: Config;
  clock: { now: Date; advanceMinutes(m: number): void };
  client(): TestClient;
  as(username: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

/**
 * The whole platform on a fresh database with a controllable clock. `demo: true` (default) seeds the
 * fictional district; its accounts all use DEMO_PASSWORD. Password hashing is cheapened for speed. In a test run
 * the database is a copy of the run's template (migrated, or migrated and seeded: test/template.ts), the same
 * rows a fresh seed would write; with `database` or `dataDir` it is seeded in place.
 */
export async function createTestApp(
  options: { demo?: boolean; demoMembers?: number; config?: Partial<Config>; dataDir?: string; warmWorkers?: boolean; database?: Database } = {},
): Promise<TestApp> {
  const config = loadConfig({}, { passwordHashLogN: 10, demo: options.demo ?? true, ...options.config });
  const cipher = createFieldCipher(TEST_FIELD_KEY);
  const demo = options.demo ?? true;
  const members = options.demoMembers ?? 400;
  let database: Database;
  if (options.database || options.dataDir) {
    // A database the caller opened, or one on disk (benchmarks): seeded in place, as before.
    database = options.database ?? (await createTestDatabase(options.dataDir));
    if (demo) await seedDemo(database.db, config, cipher, { members });
  } else {
    database = await databaseFrom(demo ? demoTemplate(config, members) : MIGRATED, process.env.TEST_DATABASE_URL);
  }
  const clock = {
    now: new Date(),
    advanceMinutes(m: number) {
      this.now = new Date(this.now.getTime() + m * 60_000);
    },
  };
  const { app, deps, imports, catalogue } = await buildApp({ config, database, cipher, now: () => clock.now, warmWorkers: options.warmWorkers ?? false });
  return {
    app,
    deps,
    imports,
    catalogue,
    database,
    config,
    clock,
    client: () => new TestClient(app),
    as: (username, password) => new TestClient(app).login(username, password),
    async close() {
      await imports.close();
      await app.close();
      await database.close();
    },
  };
}

/** Config fields read only while serving requests: they cannot change what the demo seed writes. */
const REQUEST_TIME_CONFIG = new Set<string>(['port', 'host', 'trustProxy', 'cookieSecure', 'login', 'session', 'version']);

/**
 * The demo district as a template (test/template.ts). Its key holds everything the seed depends on: the member
 * count, the config it reads, the field key and China's date (the seed writes dates relative to today), so a
 * copy is what `seedDemo` would write now. Password hashes and ciphertexts carry random salts and IVs, as in any
 * fresh seed.
 */
function demoTemplate(config: Config, members: number): TemplateSpec {
  const seedConfig = Object.fromEntries(Object.entries(config).filter(([k]) => !REQUEST_TIME_CONFIG.has(k)));
  return {
    key: { demo: members, config: seedConfig, fieldKey: TEST_FIELD_KEY.toString('hex'), today: chinaToday() },
    base: MIGRATED,
    build: async (db) => {
      await seedDemo(db, config, createFieldCipher(TEST_FIELD_KEY), { members });
    },
  };
}

/** Uploads an import file, waits for the background job to finish and returns its final state. */
export async function runImport(t: TestApp, c: TestClient, kind: string, file: Buffer, mode: 'add' | 'upsert' = 'add', params: Record<string, string | number> = {}) {
  const extra = Object.entries(params).map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`).join('');
  const r = await c.upload(`/api/imports/${kind}?mode=${mode}&fileName=${encodeURIComponent('花名册.xlsx')}${extra}`, file);
  if (r.status !== 200) return { status: r.status, body: r.body, job: null as any };
  await t.imports.idle();
  const job = await c.get(`/api/imports/${r.body.id}`);
  return { status: 200, body: r.body, job: job.body };
}
