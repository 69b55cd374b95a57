import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { ConnectionLimits } from './data/knex.js';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** This machine only, unless said: the demo's sign-ins are public knowledge. */
  HOST: z.string().default('127.0.0.1'),
  /** When absent, an embedded PostgreSQL is started with its data under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Optional: the data API's own login (a role that owns no table, like gatehouse_authenticator).
   * Without it the API logs in as gatehouse_authenticator with a password set at start-up.
   */
  DATABASE_API_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  /** Processes serving requests (Node cluster): the machine's cores in production, one otherwise. */
  GATEHOUSE_WORKERS: z.coerce.number().int().min(1, 'GATEHOUSE_WORKERS is at least 1.').max(64).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  /**
   * Install a demo's schema, data and pack: `true` (OMBARO's), `false`, or a demo's name (a pack
   * folder with a demo: permissions/packs/<name>, migrations/<name>, server/seed/<name>). Defaults
   * to OMBARO's for the embedded database and off for a DATABASE_URL, which is served as it is.
   */
  GATEHOUSE_DEMO: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, 'GATEHOUSE_DEMO is true, false or the name of a demo (a pack folder name).')
    .optional(),
  GATEHOUSE_ADMIN_EMAIL: z.string().email().optional(),
  GATEHOUSE_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Comma-separated schemas to serve; default: every schema but the system's and Gatehouse's. */
  GATEHOUSE_SCHEMAS: z.string().optional(),
  /** Absolute session lifetime, and the idle time after which an unused session ends. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  // At least 2: a session's last activity is recorded at most once a minute.
  SESSION_IDLE_MINUTES: z.coerce.number().min(2).default(30),
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (Express's "trust proxy":
   * 'loopback', a subnet list like '10.0.0.0/8', or a hop count). Lockouts and the security
   * log count per address, so behind a load balancer this must name it.
   */
  TRUST_PROXY: z.string().default('loopback'),
  /** Failed sign-ins from one client address, without an hour's pause, before it is locked out. */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(12),
  /**
   * Two-factor sign-in for every role holding the approve action ("approvers"), or for nobody
   * ("off"). Defaults to approvers in production and off elsewhere, so the demo logins work
   * without an authenticator app.
   */
  GATEHOUSE_REQUIRE_2FA: z.enum(['approvers', 'off']).optional(),
  /**
   * 32 bytes, base64: the key TOTP secrets are encrypted with (AES-256-GCM). Without it a key
   * is generated once and kept in DATA_DIR/secret.key.
   */
  GATEHOUSE_SECRET_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The data API's connections: how many, and how long a request waits for one before a 503. */
  DB_POOL_MAX: z.coerce.number().int().min(1).default(10),
  DB_POOL_WAIT_MS: z.coerce.number().int().min(1).default(5000),
  /** No statement of a request runs longer (exports excepted: they stream, up to 30 minutes). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  /** A transaction left idle this long (a stuck request) is ended by PostgreSQL, its locks released. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
});

export type Env = z.infer<typeof schema>;

/** Reads and validates the environment once; a bad value stops start-up with a clear message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** TRUST_PROXY as Express takes it: a hop count, or addresses and named ranges. */
export function trustProxySetting(env: Env): number | string {
  return /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY;
}

/** Which roles must sign in with a second factor, after the environment's default. */
export function twoFactorPolicy(env: Env): 'approvers' | 'off' {
  return env.GATEHOUSE_REQUIRE_2FA ?? (env.NODE_ENV === 'production' ? 'approvers' : 'off');
}

/** The data API's connection limits, from the environment. */
export function dataApiLimits(env: Env): ConnectionLimits {
  return { poolMax: env.DB_POOL_MAX, poolWaitMs: env.DB_POOL_WAIT_MS, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS, idleInTransactionMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS };
}

/**
 * How many processes serve requests: GATEHOUSE_WORKERS, else one per core in production (the
 * server keeps nothing per process that another needs: sessions, limits and locks live in the
 * database or are shared through the primary), else one.
 */
export function workerCount(env: Env): number {
  return env.GATEHOUSE_WORKERS ?? (env.NODE_ENV === 'production' ? availableParallelism() : 1);
}

/** The schemas GATEHOUSE_SCHEMAS names, or undefined: every schema but the system's and Gatehouse's. */
export const servedSchemas = (env: Env): string[] | undefined => env.GATEHOUSE_SCHEMAS?.split(',').map((s) => s.trim());
