import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { loadEnv } from '../../server/env.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import type { SchemaModel } from '../../server/meta/schemaModel.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

export interface TestServer {
  url: string;
  db: TestDatabase;
  schema: SchemaModel;
  close: () => Promise<void>;
}

/** The real app on a random port over a private database copy. */
export async function startTestServer(options: { db?: TestDatabase; env?: Record<string, string> } = {}): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase());
  const logLevel = process.env.TEST_LOG_LEVEL ?? 'silent'; // e.g. TEST_LOG_LEVEL=error to see a 500's cause
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: logLevel, ...options.env });
  const schema = await loadSchemaModel(db.knex, env.GATEHOUSE_SCHEMAS?.split(','));
  const app = createApp({ knex: db.knex, env, schema, logger: pino({ level: logLevel }) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    schema,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.drop();
    },
  };
}
