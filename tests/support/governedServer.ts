import { PACK } from '../../permissions/activePack.js';
import { enableAuthenticatorLogin } from '../../server/data/apiConnection.js';
import { applyGovernance } from '../../server/govern/governDatabase.js';
import { TEST_AUTHENTICATOR_PASSWORD } from './globalSetup.js';
import type { TestDatabase } from './testDatabase.js';
import { startTestServer, type TestServer } from './testServer.js';

/**
 * A fixture database governed by the test file's pack (GATEHOUSE_PACK) through `govern --apply`
 * alone, served through the authenticator login, with the people the fixture made.
 */
export async function governedServer<People>(
  createDatabase: () => Promise<{ db: TestDatabase; people: People }>,
  options: { rollbackWrites?: boolean } = {},
): Promise<{ server: TestServer; people: People }> {
  const { db, people } = await createDatabase();
  await applyGovernance(db.knex, PACK);
  await enableAuthenticatorLogin(db.knex, TEST_AUTHENTICATOR_PASSWORD);
  const server = await startTestServer({ db, ...(options.rollbackWrites ? { testSwitches: { rollbackWrites: true } } : {}) });
  return { server, people };
}
