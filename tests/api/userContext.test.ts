import { createHash } from 'node:crypto';
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
  it('answers a request whose marking of the session waited for a concurrent one, as usual', async () => {
    // The session statement switches to the caller's database role, then marks the session seen
    // (at most once a minute). When that UPDATE waits for another transaction's, PostgreSQL
    // re-checks the row and sets the statement's subplans up again, as the switched role: a
    // subplan calling a function only the API's login may run would then fail the request.
    const api = new ApiClient(server.url);
    await api.login(demoEmail('hr_department'), DEMO_PASSWORD);
    const hash = createHash('sha256').update(api.cookie('gatehouse_session')!).digest('hex');
    const knex = server.db.knex;
    await knex.raw(`UPDATE gatehouse.sessions SET last_seen_at = now() - interval '2 minutes' WHERE token_hash = ?`, [hash]);
    const holder = await knex.transaction();
    try {
      await holder.raw('UPDATE gatehouse.sessions SET last_seen_at = last_seen_at WHERE token_hash = ?', [hash]);
      const answer = api.get('/api/employees?range=%5B0%2C0%5D');
      await expect
        .poll(async () => (await knex.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%gatehouse.sessions%'`)).rows[0].n, { timeout: 10_000 })
        .toBe(1);
      await holder.commit();
      const res = await answer;
      expect(res.status, res.text).toBe(200);
    } finally {
      if (!holder.isCompleted()) await holder.rollback();
    }
    const { rows } = await knex.raw(`SELECT last_seen_at > now() - interval '1 minute' AS seen FROM gatehouse.sessions WHERE token_hash = ?`, [hash]);
    expect(rows[0].seen).toBe(true);
  });
});
