import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { FREE_FAILURES } from '../../server/auth/loginLockout.js';
import { createKnex } from '../../server/data/knex.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * Two instances of the server on one database, each with its own connections, as behind a load
 * balancer: sessions, account lockouts and the matrix live in the database, not in one
 * instance's memory (only the per-address request limiter, which slows floods, is local).
 */
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  // Instances sharing a database share its secret key (README: GATEHOUSE_SECRET_KEY).
  const env = { GATEHOUSE_SECRET_KEY: randomBytes(32).toString('base64') };
  a = await startTestServer({ env });
  const own = createKnex(a.db.url, { min: 0, max: 5 });
  b = await startTestServer({ env, db: { ...a.db, knex: own, drop: () => own.destroy() } });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** A client of instance `to` holding the cookies `from` was given. */
const carriedOver = (from: ApiClient, to: TestServer): ApiClient => {
  const client = new ApiClient(to.url);
  for (const pair of from.cookieHeader.split('; ')) {
    const at = pair.indexOf('=');
    client.setCookie(pair.slice(0, at), pair.slice(at + 1));
  }
  return client;
};

describe('two instances on one database', () => {
  it('serve a session opened on one from the other, and end it on both', async () => {
    const onA = new ApiClient(a.url);
    await onA.login(demoEmail('hr_department'), DEMO_PASSWORD);
    const onB = carriedOver(onA, b);
    expect((await onB.get('/api/auth/me')).json).toMatchObject({ role: 'hr_department' });
    expect((await onB.get('/api/employees?range=[0,0]')).status).toBe(200);
    // A write through B with the CSRF token A issued.
    expect((await onB.post('/api/auth/logout')).status).toBeLessThan(300);
    expect((await onA.get('/api/auth/me')).status).toBe(401);
  });

  it('hold a lockout earned on one at the other', async () => {
    const email = demoEmail('legal_department');
    for (let n = 0; n < FREE_FAILURES; n++) await new ApiClient(a.url).post('/api/auth/login', { email, password: 'not the password' });
    const onB = await new ApiClient(b.url).post('/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(onB.status).toBe(429);
  });

  it("put a matrix edit made on one in force on the other's next request", async () => {
    const marketing = new ApiClient(b.url);
    await marketing.login(demoEmail('marketing_department'), DEMO_PASSWORD);
    expect((await marketing.get('/api/salary_records?range=[0,0]')).status).toBe(403);
    const admin = new ApiClient(a.url);
    await admin.login(demoEmail('super_admin'), DEMO_PASSWORD);
    const grant = { role: 'marketing_department', module: 'hr', subModule: 'salary_records' };
    expect((await admin.put('/api/matrix', { ...grant, actions: ['read'] })).status).toBe(200);
    expect((await marketing.get('/api/salary_records?range=[0,0]')).status).toBe(200);
    expect((await admin.put('/api/matrix', { ...grant, actions: [] })).status).toBe(200);
    expect((await marketing.get('/api/salary_records?range=[0,0]')).status).toBe(403);
  });
});
