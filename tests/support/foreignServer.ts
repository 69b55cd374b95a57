import { readFileSync } from 'node:fs';
import pg from 'pg';
import { ensureAdministrator } from '../../server/auth/users.js';
import { migrate } from '../../server/data/migrate.js';
import type { Meta } from '../../server/meta/types.js';
import { ApiClient } from './httpClient.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';
import { startTestServer, type TestServer } from './testServer.js';

/** Runs a SQL file straight through the driver: knex.raw would read a fixture's regex `?`s as placeholders. */
/** Backroom Leeds as the tests meet it: the demo's schema and data, then shapes the seed lacks. */
export const BACKROOM_FIXTURE = ['migrations/backroom/schema.sql', 'server/seed/backroom/demo_data.sql', 'tests/fixtures/backroom_extras.sql'];

/** Runs SQL scripts, in order, as they are written. */
export async function runSqlFile(url: string, files: string | readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const file of typeof files === 'string' ? [files] : files) await client.query(readFileSync(file, 'utf8'));
  } finally {
    await client.end();
  }
}

/**
 * A database Gatehouse has never seen, served as it is: the fixture's schema, then Gatehouse's
 * core and a first administrator, the server, and the administrator signed in.
 * `beforeGatehouse` sees the database before Gatehouse touches it.
 */
export async function serveForeignDatabase(
  fixture: string | readonly string[],
  admin: { email: string; password: string },
  beforeGatehouse?: (db: TestDatabase) => Promise<void>,
): Promise<{ server: TestServer; api: ApiClient; meta: Meta }> {
  const db = await createTestDatabase({ empty: true });
  await runSqlFile(db.url, fixture);
  await beforeGatehouse?.(db);
  await migrate(db.knex, ['core']);
  await ensureAdministrator(db.knex, admin.email, admin.password);
  const server = await startTestServer({ db });
  const api = new ApiClient(server.url);
  await api.login(admin.email, admin.password);
  return { server, api, meta: (await api.get('/api/meta')).json as Meta };
}
