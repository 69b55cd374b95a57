import type { TestSwitches } from '../../server/access/testSwitches.js';
import { DEMO_PASSWORD } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { enableAuthenticatorLogin } from '../../server/data/apiConnection.js';
import { migrate } from '../../server/data/migrate.js';
import { enforceNothing } from '../security/enforcerAlone.js';
import { runSqlFile } from './foreignServer.js';
import { governForTest } from './governedServer.js';
import { TEST_AUTHENTICATOR_PASSWORD } from './globalSetup.js';
import { createTestDatabase } from './testDatabase.js';
import { startTestServer, type TestServer } from './testServer.js';

/**
 * A demo other than the default, served as its first start makes it: its schema and data, then
 * Gatehouse's core, governed by its pack (the test file sets GATEHOUSE_PACK to it with
 * vi.hoisted), through the authenticator login. Every person may sign in with the demo password
 * (other organisations' people too). `enforceNothing` then turns the database's own enforcement
 * off (the API alone).
 */
export async function demoServer(demo: string, options: { switches?: TestSwitches; enforceNothing?: boolean } = {}): Promise<TestServer> {
  const db = await createTestDatabase({ empty: true });
  await runSqlFile(db.url, [`migrations/${demo}/schema.sql`, `server/seed/${demo}/demo_data.sql`]);
  await migrate(db.knex, ['core']);
  await governForTest(db);
  await enableAuthenticatorLogin(db.knex, TEST_AUTHENTICATOR_PASSWORD);
  await db.knex('auth.users').update({ encrypted_password: await hashPassword(DEMO_PASSWORD) });
  if (options.enforceNothing) await enforceNothing(db.knex);
  return startTestServer({ db, ...(options.switches ? { testSwitches: options.switches } : {}) });
}
