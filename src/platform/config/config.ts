import path from 'node:path';

/** Runtime settings, all from environment variables (documented in README.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database under `dataDir` is used. */
  databaseUrl: string | undefined;
  /** The schema owner's URL: migrations run as it at start, the app runs as the `databaseUrl` role. */
  migrationDatabaseUrl: string | undefined;
  /** A read replica's URL: figures, reports and exports read there (docs/scaling.md); unset, they read `databaseUrl`. */
  readDatabaseUrl: string | undefined;
  /** Where the server LISTENs for the database's notices (decision record 0028): a direct or session-pooled connection. */
  listenDatabaseUrl: string | undefined;
  demo: boolean;
  trustProxy: boolean;
  /** Force the Secure cookie flag even without TLS seen at the proxy (default: on when the request is HTTPS). */
  cookieSecure: boolean;
  password: PasswordPolicy;
  login: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  session: { idleMinutes: number; maxHours: number };
  /** scrypt cost exponent (N = 2^logN); 15 is about 32 MiB and ~100 ms per hash. */
  passwordHashLogN: number;
  /** Largest accepted upload (an Excel import), in MiB. */
  uploadMaxMb: number;
  /** Largest accepted attachment (evidence, case documents), in MiB. */
  attachmentMaxMb: number;
  /** Working days a grassroots union has to decide an online membership application. */
  joinReviewDays: number;
  version: string;
}

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must contain. */
  minClasses: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 必须是非负整数，当前为 "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback = false): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const demo = bool(env, 'GONGHUI_DEMO');
  const config: Config = {
    port: int(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || (demo ? './data/demo' : './data')),
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    readDatabaseUrl: env.READ_DATABASE_URL || undefined,
    listenDatabaseUrl: env.LISTEN_DATABASE_URL || undefined,
    demo,
    trustProxy: bool(env, 'TRUST_PROXY'),
    cookieSecure: bool(env, 'COOKIE_SECURE'),
    password: { minLength: int(env, 'PASSWORD_MIN_LENGTH', 8), minClasses: int(env, 'PASSWORD_MIN_CLASSES', 3) },
    login: {
      maxFailures: int(env, 'LOGIN_MAX_FAILURES', 5),
      lockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15),
      ratePerMinute: int(env, 'LOGIN_RATE_PER_MINUTE', 20),
    },
    session: { idleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30), maxHours: int(env, 'SESSION_MAX_HOURS', 12) },
    passwordHashLogN: int(env, 'PASSWORD_HASH_LOG_N', 15),
    uploadMaxMb: int(env, 'UPLOAD_MAX_MB', 200),
    attachmentMaxMb: int(env, 'ATTACHMENT_MAX_MB', 20),
    joinReviewDays: int(env, 'JOIN_REVIEW_DAYS', 3),
    version: env.npm_package_version || '0.1.0',
    ...overrides,
  };
  if (config.password.minClasses > 4) throw new Error('PASSWORD_MIN_CLASSES 不能大于 4');
  return config;
}
