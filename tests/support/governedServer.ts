import { PACK } from '../../permissions/activePack.js';
import { enableAuthenticatorLogin } from '../../server/data/apiConnection.js';
import { applyGovernance } from '../../server/govern/governDatabase.js';
import { TEST_AUTHENTICATOR_PASSWORD } from './globalSetup.js';
import type { TestDatabase } from './testDatabase.js';
import { startTestServer, type TestServer } from './testServer.js';

const DEADLOCK = '40P01';

/**
 * The test file's pack applied to a test database. Roles and their grants belong to the whole
 * PostgreSQL server, which every test file shares: two files governing at once can deadlock on
 * them, and PostgreSQL then rolls one back whole. That one is applied again (a few times).
 */
export async function governForTest(db: TestDatabase): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await applyGovernance(db.knex, PACK);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== DEADLOCK || attempt >= 5) throw err;
    }
  }
}

/**
 * A fixture database governed by the test file's pack (GATEHOUSE_PACK) through `govern --apply`
 * alone, served through the authenticator login, with the people the fixture made.
 */
export async function governedServer<People>(
  createDatabase: () => Promise<{ db: TestDatabase; people: People }>,
  options: { rollbackWrites?: boolean } = {},
): Promise<{ server: TestServer; people: People }> {
  const { db, people } = await createDatabase();
  await governForTest(db);
  await enableAuthenticatorLogin(db.knex, TEST_AUTHENTICATOR_PASSWORD);
  const server = await startTestServer({ db, ...(options.rollbackWrites ? { testSwitches: { rollbackWrites: true } } : {}) });
  return { server, people };
}
