import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../server/auth/loginLockout.js';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
let client: ApiClient;
const login = (email: string, password: string) => client.post('/api/auth/login', { email, password });
const minutesLocked = async (email: string) => {
  const row = await server.db.knex('gatehouse.login_failures').where({ account: email.toLowerCase() }).first();
  return row?.locked_until ? Math.round((new Date(row.locked_until).getTime() - Date.now()) / 60_000) : 0;
};

beforeAll(async () => {
  server = await startTestServer();
  client = new ApiClient(server.url);
});
afterAll(() => server?.close());

describe('failed sign-ins', () => {
  it('lock the account after repeated failures, for a growing time, and the lock expires', async () => {
    const email = demoEmail('employee');
    for (let n = 0; n < FREE_FAILURES; n++) expect((await login(email, 'not-the-password')).status).toBe(401);
    const locked = await login(email, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.message).toMatch(/Too many failed sign-ins for this account; try again in 1 minute/);
    expect(await minutesLocked(email)).toBe(1);

    // The lock runs out; one more failure locks for twice as long.
    await server.db.knex('gatehouse.login_failures').where({ account: email }).update({ locked_until: server.db.knex.raw(`now() - interval '1 second'`) });
    expect((await login(email, 'still-not-it')).status).toBe(401);
    expect(await minutesLocked(email)).toBe(2);

    await server.db.knex('gatehouse.login_failures').where({ account: email }).update({ locked_until: server.db.knex.raw(`now() - interval '1 second'`) });
    expect((await login(email.toUpperCase(), DEMO_PASSWORD)).status).toBe(200);
    expect(await server.db.knex('gatehouse.login_failures').where({ account: email }).first()).toBeUndefined();
  });

  it('answer an unknown email exactly like a known one, locked or not', async () => {
    const known = demoEmail('advocate');
    const unknown = 'nobody-here@demo.gatehouse.dev';
    const answers = { known: [] as unknown[], unknown: [] as unknown[] };
    for (let n = 0; n <= FREE_FAILURES; n++) {
      const a = await login(known, 'wrong-password');
      const b = await login(unknown, 'wrong-password');
      answers.known.push([a.status, a.json]);
      answers.unknown.push([b.status, b.json]);
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known.at(-1)).toEqual([429, expect.objectContaining({ message: expect.stringMatching(/Too many failed sign-ins/) })]);
  });
});

describe('account changes', () => {
  it('end a suspended user’s open session at once, and keep them from signing in again', async () => {
    const user = new ApiClient(server.url);
    await user.login(demoEmail('ca_cs'), DEMO_PASSWORD);
    expect((await user.get('/api/meta')).status).toBe(200);
    const admin = new ApiClient(server.url);
    await admin.login(demoEmail('super_admin'), DEMO_PASSWORD);
    const { id } = await server.db.knex('auth.users').where({ email: demoEmail('ca_cs') }).first('id');
    expect((await admin.put(`/api/user_profiles/${id}`, { status: 'suspended' })).status).toBe(200);
    expect((await user.get('/api/meta')).status).toBe(401);
    const again = await user.post('/api/auth/login', { email: demoEmail('ca_cs'), password: DEMO_PASSWORD });
    expect(again.status).toBe(403);
    expect(again.json.message).toMatch(/suspended/);
  });

  it('end the sessions of a user whose role changes, so the next sign-in carries the new role', async () => {
    const user = new ApiClient(server.url);
    await server.db.knex('gatehouse.login_failures').delete(); // the test above locked this account
    await user.login(demoEmail('advocate'), DEMO_PASSWORD);
    const admin = new ApiClient(server.url);
    await admin.login(demoEmail('super_admin'), DEMO_PASSWORD);
    const { id } = await server.db.knex('auth.users').where({ email: demoEmail('advocate') }).first('id');
    expect((await admin.put(`/api/user_profiles/${id}`, { role: 'legal_department' })).status).toBe(200);
    expect((await user.get('/api/meta')).status).toBe(401);
    await user.login(demoEmail('advocate'), DEMO_PASSWORD);
    expect((await user.get('/api/auth/me')).json.role).toBe('legal_department');
  });
});
