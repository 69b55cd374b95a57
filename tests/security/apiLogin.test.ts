import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { inspectApiLogin } from '../../server/data/apiLogin.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * The data API must run as a login row-level security binds. Where it would not (the owner,
 * a superuser, BYPASSRLS), only administrators are served, and everyone else is told why.
 */
describe('the data login as Gatehouse sets it up', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('is bound by every policy: no superuser, no BYPASSRLS, owns nothing it serves', async () => {
    const login = await inspectApiLogin(server.apiKnex, server.schema);
    expect(login.name).toBe('gatehouse_authenticator');
    expect(login.bypassesRls).toBeUndefined();
    const { rows } = await server.apiKnex.raw(
      `SELECT count(*)::int AS owned FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`,
    );
    expect(rows[0].owned).toBe(0);
  });

  it('sees no row of a governed table outside a signed-in request, and cannot switch off row security', async () => {
    const governed = [...server.schema.resources.values()].filter((r) => r.kind === 'table' && r.schema === 'public');
    expect(governed.length).toBeGreaterThan(10);
    await server.apiKnex.transaction(async (trx) => {
      for (const r of governed) {
        await trx.raw('SAVEPOINT probe');
        const seen = await trx.raw(`SELECT count(*)::int AS n FROM ??`, [`${r.schema}.${r.table}`]).then(
          (res: { rows: { n: number }[] }) => res.rows[0]!.n,
          () => 0, // refused outright: no privilege without a role
        );
        await trx.raw('ROLLBACK TO SAVEPOINT probe');
        expect(seen, `${r.name} read with no caller`).toBe(0);
      }
      await expect(trx.raw('SET LOCAL row_security = off').then(() => trx.raw(`SELECT 1 FROM public.bookings LIMIT 1`))).rejects.toThrow();
    });
  });
});

describe('a data login that bypasses row-level security', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ apiAsOwner: true });
  });
  afterAll(() => server?.close());

  it('is recognised for what it is', async () => {
    const login = await inspectApiLogin(server.apiKnex, server.schema);
    expect(login.bypassesRls).toMatch(/superuser|BYPASSRLS|owns/);
  });

  it('refuses non-administrators at sign-in, saying why and how to fix it', async () => {
    const api = new ApiClient(server.url);
    const res = await api.post('/api/auth/login', { email: demoEmail('finance_department'), password: DEMO_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('api_login_bypasses_rls');
    expect(res.json.message).toMatch(/row-level security would not apply to you/);
    expect(res.json.message).toMatch(/DATABASE_API_URL/);
  });

  it('still serves the administrator, who is allowed everything anyway', async () => {
    const api = new ApiClient(server.url);
    await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
    const res = await api.get(`/api/bookings${q({ range: [0, 4] })}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toHaveLength(5);
  });
});
