import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** When absent, an embedded PostgreSQL is started with its data under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * Optional: the data API's own login (a role that owns no table, like gatehouse_authenticator).
   * Without it the API logs in as gatehouse_authenticator with a password set at start-up.
   */
  DATABASE_API_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  /**
   * Install the OMBARO demo schema and data. Defaults to on for the embedded database
   * and off for a DATABASE_URL, which is served as it is.
   */
  GATEHOUSE_DEMO: z.enum(['true', 'false']).optional(),
  GATEHOUSE_ADMIN_EMAIL: z.string().email().optional(),
  GATEHOUSE_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Comma-separated schemas to serve; default: every schema but the system's and Gatehouse's. */
  GATEHOUSE_SCHEMAS: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
