import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Knex } from 'knex';
import { pino } from 'pino';
import type { TestSwitches } from '../../server/access/testSwitches.js';
import { createApp } from '../../server/app.js';
import { authenticatorUrl, hasAuthenticator } from '../../server/data/apiConnection.js';
import { createKnex } from '../../server/data/knex.js';
import { TEST_AUTHENTICATOR_PASSWORD } from './globalSetup.js';
import { dataApiLimits, loadEnv } from '../../server/env.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import type { SchemaModel } from '../../server/meta/schemaModel.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

export interface TestServer {
  url: string;
  /** The owner's connection is `db.knex`; this is the data API's own (the authenticator's). */
  apiKnex: Knex;
  db: TestDatabase;
  schema: SchemaModel;
  /** The HTTP server itself, for tests that watch what its requests do. */
  http: Server;
  close: () => Promise<void>;
}

/** The real app on a random port over a private database copy. */
export async function startTestServer(
  options: {
    db?: TestDatabase;
    env?: Record<string, string>;
    testSwitches?: TestSwitches;
    /** Serve data as the database owner, as a misconfigured deployment would (default: the authenticator). */
    apiAsOwner?: boolean;
  } = {},
): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase());
  const logLevel = process.env.TEST_LOG_LEVEL ?? 'silent'; // e.g. TEST_LOG_LEVEL=error to see a 500's cause
  // A key of its own, so no test writes DATA_DIR/secret.key into the checkout.
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: logLevel, GATEHOUSE_SECRET_KEY: randomBytes(32).toString('base64'), ...options.env });
  const schema = await loadSchemaModel(db.knex, env.GATEHOUSE_SCHEMAS?.split(','));
  // The API logs in as the authenticator, as in production; `db.knex` stays the owner's, for assertions.
  const apiKnex =
    !options.apiAsOwner && (await hasAuthenticator(db.knex))
      ? createKnex(authenticatorUrl(db.url, TEST_AUTHENTICATOR_PASSWORD), { min: 0, max: 5 }, { ...dataApiLimits(env), poolMax: options.env?.DB_POOL_MAX ? env.DB_POOL_MAX : 5 })
      : undefined;
  const app = createApp({ knex: db.knex, apiKnex, env, schema, logger: pino({ level: logLevel }), testSwitches: options.testSwitches });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKnex: apiKnex ?? db.knex,
    db,
    schema,
    http: server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apiKnex?.destroy();
      await db.drop();
    },
  };
}
