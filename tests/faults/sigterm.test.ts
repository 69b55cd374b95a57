import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { authenticatorUrl } from '../../server/data/apiConnection.js';
import { TEST_AUTHENTICATOR_PASSWORD } from '../support/globalSetup.js';
import { ApiClient } from '../support/httpClient.js';
import { freePort } from '../support/freePort.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/** The real server process (`npm start`'s entry) on a test database, stopped with SIGTERM while a request runs. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe.each([1, 2])('SIGTERM under load, %i serving process(es)', (workers) => {
  it('stops accepting, finishes the request in flight, closes its pools and exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: db.url,
        // The authenticator's password stays the one every test server uses (the role is the cluster's).
        DATABASE_API_URL: authenticatorUrl(db.url, TEST_AUTHENTICATOR_PASSWORD),
        GATEHOUSE_PACK: 'permissions/packs/ombaro/pack.json',
        GATEHOUSE_DEMO: 'false',
        GATEHOUSE_SECRET_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'warn',
        GATEHOUSE_WORKERS: String(workers),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let waited = 0; !output.includes('Gatehouse is running'); waited += 100) {
        if (waited > 90_000 || child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const api = new ApiClient(`http://127.0.0.1:${port}`);
      await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
      // Every serving process answers: each opens its own connections as the data API's login, named by its pid.
      await Promise.all(Array.from({ length: 16 }, () => api.get('/api/services?range=[0,4]')));
      const { rows: serving } = await db.knex.raw(
        `SELECT count(DISTINCT application_name)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND usename = 'gatehouse_authenticator'`,
      );
      expect(serving[0].n).toBe(workers);
      // A write that waits on a row another transaction holds: in flight when the signal comes.
      const lock = await db.knex.transaction();
      const { rows } = await lock.raw(`SELECT id FROM public.services ORDER BY id LIMIT 1 FOR UPDATE`);
      const inFlight = api.put(`/api/services/${rows[0].id}`, { description: 'finished during the shutdown' });
      inFlight.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      // No new connection is taken meanwhile.
      await expect(fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { connection: 'close' } })).rejects.toThrow();
      await lock.rollback();
      const finished = await inFlight.catch((err: unknown) => {
        throw new Error(`the request in flight was cut (${String((err as { cause?: unknown }).cause)}), exit ${child.exitCode}:\n${output}`);
      });
      expect(finished.status).toBe(200);
      expect(await exited).toBe(0);
      expect((await db.knex('public.services').where({ id: rows[0].id }).first('description')).description).toBe('finished during the shutdown');
      // Its pools are closed: no connection of the data API's login is left on the database.
      const { rows: left } = await db.knex.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND usename = 'gatehouse_authenticator'`);
      expect(left[0].n).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
