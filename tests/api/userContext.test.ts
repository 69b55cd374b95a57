import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { withUserContext } from '../../server/data/withUserContext.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/** The caller's identity reaches the database for one transaction only, never the pooled connection. */
let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  const api = new ApiClient(server.url);
  await api.login(demoEmail('hr_department'), DEMO_PASSWORD);
  token = api.cookie('gatehouse_session')!;
});
afterAll(() => server.close());

describe('withUserContext', () => {
  it('sets auth.uid() and the role inside the transaction and nowhere after it', async () => {
    const knex = server.db.knex;
    const inside = await withUserContext(knex, token, async (trx, user) => {
      const { rows } = await trx.raw(`SELECT auth.uid()::text AS uid, auth.role() AS role, pg_backend_pid() AS pid`);
      return { ...rows[0], user };
    });
    expect(inside.uid).toBe(inside.user.id);
    expect(inside.role).toBe('hr_department');
    // Every pooled connection, including the one just used, has forgotten the caller.
    const after = await Promise.all(
      Array.from({ length: 5 }, () => knex.raw(`SELECT auth.uid() AS uid, pg_backend_pid() AS pid`).then((r) => r.rows[0])),
    );
    expect(after.every((r) => r.uid === null)).toBe(true);
  });

  it('refuses an unknown or revoked session with 401 and runs nothing', async () => {
    let ran = false;
    await expect(
      withUserContext(server.db.knex, 'not-a-session', async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ status: 401 });
    expect(ran).toBe(false);
  });
});
