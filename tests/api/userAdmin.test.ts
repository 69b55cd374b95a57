import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { demoAccounts } from '../support/accounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
let admin: ApiClient;
let adminId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn('super_admin');
  adminId = await userIdOf('super_admin');
});
afterAll(() => server?.close());

const USERS = '/api/auth/users';
/** Passes the policy: long, not common, not built from the user's name or email. */
const ONE_TIME = 'Quartz-lantern-47-orbit';

const { signedIn, userIdOf, eventsOf } = demoAccounts(() => server);
let mobiles = 0;
const newUser = (overrides: Record<string, unknown> = {}) => {
  mobiles += 1;
  return {
    email: `staff-${mobiles}-${Date.now()}@example.com`,
    name: 'Priya Raman',
    role: 'accounts_department',
    mobile: `+91 98${String(mobiles).padStart(8, '0')}`,
    password: ONE_TIME,
    ...overrides,
  };
};
const tryLogin = (email: string, password: string) => new ApiClient(server.url).post('/api/auth/login', { email, password });

describe('creating a staff user', () => {
  it('gives them a one-time password that gates every route until they change it', async () => {
    const input = newUser();
    const created = await admin.post(USERS, input);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      email: input.email,
      name: 'Priya Raman',
      role: 'accounts_department',
      status: 'active',
      mustChangePassword: true,
      twoFactorEnabled: false,
      lastSignInAt: null,
    });
    const id = created.json.id as string;
    const knex = server.db.knex;
    expect(await knex('public.user_profiles').where({ id }).first('role', 'status', 'mobile')).toEqual({ role: 'accounts_department', status: 'active', mobile: input.mobile });
    expect(await knex('gatehouse.accounts').where({ user_id: id }).first('must_change_password')).toEqual({ must_change_password: true });
    const stored = await knex('auth.users').where({ id }).first('encrypted_password', 'raw_app_meta_data');
    expect(stored.encrypted_password).toMatch(/^\$argon2id\$/);
    expect(stored.raw_app_meta_data).toMatchObject({ role: 'accounts_department' });
    expect(await knex('gatehouse.password_history').where({ user_id: id }).pluck('id')).toHaveLength(1);
    const [event] = await eventsOf(id, 'user_created');
    expect(event).toMatchObject({ actor_id: adminId, detail: { role: 'accounts_department' } });
    expect(event.address).toBeTruthy();

    const user = new ApiClient(server.url);
    const login = await user.post('/api/auth/login', { email: input.email, password: ONE_TIME });
    expect(login.status).toBe(200);
    expect(login.json.gate).toBe('password_change_required');
    expect((await user.get('/api/auth/me')).json.gate).toBe('password_change_required');
    const meta = await user.get('/api/meta');
    expect(meta.status).toBe(403);
    expect(meta.json.code).toBe('password_change_required');
    expect((await user.get('/api/payments')).status).toBe(403);

    // The one-time password itself may not be kept.
    expect((await user.post('/api/auth/password', { currentPassword: ONE_TIME, newPassword: ONE_TIME })).status).toBe(400);
    expect((await user.post('/api/auth/password', { currentPassword: ONE_TIME, newPassword: 'Marigold-harbour-93-sextant' })).status).toBe(204);
    expect((await user.get('/api/auth/me')).json.gate).toBeNull();
    expect((await user.get('/api/meta')).status).toBe(200);

    const listed = await admin.get(`${USERS}?q=${encodeURIComponent(input.email)}`);
    expect(listed.json.items).toEqual([expect.objectContaining({ id, mustChangePassword: false, lastSignInAt: expect.any(String) })]);
  });

  it('refuses a weak or common one-time password, per field', async () => {
    for (const password of ['short-1', 'password1234', 'Priya-Raman-2024!']) {
      const res = await admin.post(USERS, newUser({ password }));
      expect(res.status, password).toBe(400);
      expect(res.json.errors.password, password).toEqual(expect.any(String));
    }
  });

  it('refuses an email someone has (in any case), and every other bad field at once', async () => {
    const res = await admin.post(USERS, newUser({ email: demoEmail('hr_department').toUpperCase() }));
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ email: expect.stringMatching(/already exists/) });

    const bad = await admin.post(USERS, { email: 'not-an-email', name: ' ', role: 'emperor', password: ONE_TIME });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors).sort()).toEqual(['email', 'mobile', 'name', 'role']);

    const { mobile } = await server.db.knex('public.user_profiles').where({ id: await userIdOf('finance_department') }).first('mobile');
    const taken = await admin.post(USERS, newUser({ mobile }));
    expect(taken.status).toBe(400);
    expect(taken.json.errors).toEqual({ mobile: expect.stringMatching(/already exists/) });
  });

  it('leaves no half-created user when the database refuses the profile', async () => {
    const knex = server.db.knex;
    await knex.raw(`
      CREATE FUNCTION pg_temp_refuse_profile() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'insufficient_privilege'; END $$;
      CREATE TRIGGER refuse_profile_for_test BEFORE INSERT ON public.user_profiles
        FOR EACH ROW WHEN (NEW.name = 'Refused Profile') EXECUTE FUNCTION pg_temp_refuse_profile();`);
    try {
      const input = newUser({ name: 'Refused Profile' });
      const res = await admin.post(USERS, input);
      expect(res.status).toBe(403);
      expect(await knex('auth.users').where({ email: input.email }).first()).toBeUndefined();
    } finally {
      await knex.raw('DROP TRIGGER refuse_profile_for_test ON public.user_profiles; DROP FUNCTION pg_temp_refuse_profile()');
    }
  });
});

describe('listing users', () => {
  it('searches by email or name, sorted by email, paged on the server', async () => {
    const all = await admin.get(`${USERS}?q=demo.gatehouse.dev&perPage=100`);
    expect(all.status).toBe(200);
    expect(all.json.canAdminister).toBe(true);
    expect(all.json.mobileRequired).toBe(true);
    const emails = (all.json.items as { email: string }[]).map((u) => u.email);
    expect(emails).toContain(demoEmail('super_admin'));
    // Byte order, whatever the database's collation: "customer@…" before "customer_care@…".
    expect(emails).toEqual([...emails].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    const page2 = await admin.get(`${USERS}?q=demo.gatehouse.dev&perPage=3&page=2`);
    expect(page2.json.total).toBe(all.json.total);
    expect(page2.json.items.map((u: { email: string }) => u.email)).toEqual(emails.slice(3, 6));

    const byName = await admin.get(`${USERS}?q=priya%20raman`);
    expect(byName.json.total).toBeGreaterThan(0);
    expect(byName.json.items.every((u: { name: string }) => /priya raman/i.test(u.name))).toBe(true);
    // A LIKE wildcard typed in the box is a character, not a pattern.
    expect((await admin.get(`${USERS}?q=%25%25%25`)).json.total).toBe(0);
    expect((await admin.get(`${USERS}?perPage=1000`)).status).toBe(400);

    const finance = await admin.get(`${USERS}?role=finance_department&perPage=100`);
    expect(finance.json.total).toBeGreaterThan(0);
    expect(finance.json.items.every((u: { role: string }) => u.role === 'finance_department')).toBe(true);
    expect((await admin.get(`${USERS}?role=emperor`)).status).toBe(400);
  });

  it('is open to readers of user_profiles, who may not administer', async () => {
    const it_ = await signedIn('it_department');
    const list = await it_.get(`${USERS}?perPage=5`);
    expect(list.status).toBe(200);
    expect(list.json.canAdminister).toBe(false);
    expect(list.json.items[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), email: expect.any(String), role: expect.any(String), status: expect.any(String), twoFactorEnabled: expect.any(Boolean) }),
    );
    const target = await userIdOf('advocate');
    expect((await it_.post(USERS, newUser())).status).toBe(403);
    for (const step of ['suspend', 'reactivate', 'reset-2fa', 'force-password-change', 'reset-password']) {
      expect((await it_.post(`${USERS}/${target}/${step}`, { password: ONE_TIME })).status, step).toBe(403);
    }
    // Refused before anything happened: the target's password is the one it was.
    expect((await tryLogin(demoEmail('advocate'), DEMO_PASSWORD)).status).toBe(200);
    expect((await it_.post(`${USERS}/${target}/role`, { role: 'super_admin' })).status).toBe(403);
    // Nor their own: no route raises the caller's role.
    expect((await it_.post(`${USERS}/${await userIdOf('it_department')}/role`, { role: 'super_admin' })).status).toBe(403);
    expect((await it_.get('/api/auth/me')).json.role).toBe('it_department');

    expect((await (await signedIn('hr_department')).get(USERS)).status).toBe(200);
    for (const role of ['finance_department', 'customer', 'vendor']) {
      expect((await (await signedIn(role)).get(USERS)).status, role).toBe(403);
    }
  });
});

describe('suspending', () => {
  it('ends the user’s open session at once and refuses sign-in until reactivated', async () => {
    const user = await signedIn('ca_cs');
    const id = await userIdOf('ca_cs');
    expect((await user.get('/api/meta')).status).toBe(200);

    const suspended = await admin.post(`${USERS}/${id}/suspend`);
    expect(suspended.status).toBe(200);
    expect(suspended.json).toMatchObject({ id, status: 'suspended' });
    expect((await user.get('/api/meta')).status).toBe(401);
    const refused = await tryLogin(demoEmail('ca_cs'), DEMO_PASSWORD);
    expect(refused.status).toBe(403);
    expect(await eventsOf(id, 'user_suspended')).toEqual([expect.objectContaining({ actor_id: adminId })]);

    const reactivated = await admin.post(`${USERS}/${id}/reactivate`);
    expect(reactivated.status).toBe(200);
    expect(reactivated.json.status).toBe('active');
    expect((await tryLogin(demoEmail('ca_cs'), DEMO_PASSWORD)).status).toBe(200);
    expect(await eventsOf(id, 'user_reactivated')).toEqual([expect.objectContaining({ actor_id: adminId })]);
  });

  it('is refused to every role but super_admin, in the API and in the database', async () => {
    const target = await userIdOf('customer_care');
    for (const role of ['hr_department', 'finance_department', 'admin', 'directors']) {
      const res = await (await signedIn(role)).post(`${USERS}/${target}/suspend`);
      expect(res.status, role).toBe(403);
    }
    expect((await server.db.knex('public.user_profiles').where({ id: target }).first('status')).status).toBe('active');

    // The database's own hook refuses an administrator without the column privilege.
    const trx = await server.apiKnex.transaction();
    try {
      await trx.raw(`SELECT set_config('app.user_id', ?, true), set_config('role', 'gatehouse_role_it_department', true)`, [await userIdOf('it_department')]);
      await expect(trx.raw('SELECT gatehouse.set_suspended(?::uuid, true)', [target])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await trx.rollback();
    }
  });

  it('never lets anyone act on their own account', async () => {
    for (const step of ['suspend', 'reactivate', 'reset-2fa', 'force-password-change', 'reset-password']) {
      const res = await admin.post(`${USERS}/${adminId}/${step}`, { password: ONE_TIME });
      expect(res.status, step).toBe(403);
    }
    expect((await admin.post(`${USERS}/${adminId}/role`, { role: 'customer' })).status).toBe(403);
    expect((await admin.get('/api/auth/me')).json.role).toBe('super_admin');
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await admin.post(`${USERS}/00000000-0000-4000-8000-000000000000/suspend`)).status).toBe(404);
    expect((await admin.post(`${USERS}/not-a-uuid/suspend`)).status).toBe(404);
    expect((await admin.post(`${USERS}/00000000-0000-4000-8000-000000000000/reset-password`, { password: ONE_TIME })).status).toBe(404);
  });
});

describe('other administration', () => {
  it('forces a password change: the user’s sessions end and the next sign-in is gated', async () => {
    const user = await signedIn('legal_department');
    const id = await userIdOf('legal_department');
    const res = await admin.post(`${USERS}/${id}/force-password-change`);
    expect(res.status).toBe(200);
    expect(res.json.mustChangePassword).toBe(true);
    expect((await user.get('/api/meta')).status).toBe(401);
    const again = new ApiClient(server.url);
    const login = await again.post('/api/auth/login', { email: demoEmail('legal_department'), password: DEMO_PASSWORD });
    expect(login.json.gate).toBe('password_change_required');
    expect((await again.get('/api/meta')).json.code).toBe('password_change_required');
    expect(await eventsOf(id, 'password_change_forced')).toEqual([expect.objectContaining({ actor_id: adminId })]);
  });

  it('resets a user’s second factor and ends their sessions, so no open session can enrol its own', async () => {
    const user = await signedIn('marketing_department');
    const id = await userIdOf('marketing_department');
    await server.db.knex('gatehouse.two_factor').insert({ user_id: id, secret_ciphertext: 'not-a-real-secret', enabled_at: server.db.knex.fn.now() });
    expect((await admin.get(`${USERS}?q=${encodeURIComponent(demoEmail('marketing_department'))}`)).json.items[0].twoFactorEnabled).toBe(true);
    const res = await admin.post(`${USERS}/${id}/reset-2fa`);
    expect(res.status).toBe(200);
    expect(res.json.twoFactorEnabled).toBe(false);
    expect(await server.db.knex('gatehouse.two_factor').where({ user_id: id }).first()).toBeUndefined();
    expect((await user.post('/api/auth/2fa/setup')).status).toBe(401);
    expect(await eventsOf(id, 'two_factor_reset')).toEqual([expect.objectContaining({ actor_id: adminId })]);
  });

  it('changes another user’s role, ending their sessions', async () => {
    const user = await signedIn('corporate_office');
    const id = await userIdOf('corporate_office');
    const res = await admin.post(`${USERS}/${id}/role`, { role: 'ho_details' });
    expect(res.status).toBe(200);
    expect(res.json.role).toBe('ho_details');
    expect((await user.get('/api/meta')).status).toBe(401);
    expect((await admin.post(`${USERS}/${id}/role`, { role: 'emperor' })).json.errors.role).toEqual(expect.any(String));
    expect(await eventsOf(id, 'role_changed')).toEqual([expect.objectContaining({ actor_id: adminId })]);
  });
});

describe('setting a one-time password', () => {
  it('replaces a forgotten password: open sessions end, the old one is refused, the new one is gated', async () => {
    const user = await signedIn('staff_department');
    const id = await userIdOf('staff_department');
    const email = demoEmail('staff_department');
    expect((await user.get('/api/meta')).status).toBe(200);
    // They forgot it, and locked the account trying.
    for (let n = 0; n < 5; n++) await tryLogin(email, 'misremembered');
    expect((await tryLogin(email, DEMO_PASSWORD)).status).toBe(429);

    const res = await admin.post(`${USERS}/${id}/reset-password`, { password: ONE_TIME });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id, mustChangePassword: true });
    expect((await user.get('/api/meta')).status).toBe(401);
    expect((await tryLogin(email, DEMO_PASSWORD)).status).toBe(401);
    const again = new ApiClient(server.url);
    const login = await again.post('/api/auth/login', { email, password: ONE_TIME });
    expect(login.status).toBe(200);
    expect(login.json.gate).toBe('password_change_required');
    expect((await again.get('/api/meta')).json.code).toBe('password_change_required');
    const [event] = await eventsOf(id, 'password_reset');
    expect(event).toMatchObject({ actor_id: adminId, detail: { sessionsRevoked: 1 } });
    // The password write (its hash is never copied to the trail; its updated_at is) names the administrator.
    const [audited] = await server.db.knex('public.audit_log').where({ table_name: 'auth.users', record_id: id }).whereRaw(`after -> 'updated_at' IS NOT NULL`).orderBy('id', 'desc').limit(1);
    expect(audited).toMatchObject({ user_email: demoEmail('super_admin') });
    expect(event.address).toBeTruthy();

    // The history applies as to any new password: the same one again is refused.
    const repeated = await admin.post(`${USERS}/${id}/reset-password`, { password: ONE_TIME });
    expect(repeated.status).toBe(400);
    expect(repeated.json.errors.password).toMatch(/not used/);
    expect((await again.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a missing, weak, common or personal password per field, and changes nothing', async () => {
    const user = await signedIn('employee');
    const id = await userIdOf('employee');
    const email = demoEmail('employee');
    for (const password of [undefined, 'short-1', 'password1234', `${email.split('@')[0]}-Quartz-47`]) {
      const res = await admin.post(`${USERS}/${id}/reset-password`, { password });
      expect(res.status, password).toBe(400);
      expect(res.json.errors, password).toEqual({ password: expect.any(String) });
    }
    expect((await user.get('/api/meta')).status).toBe(200);
    expect((await tryLogin(email, DEMO_PASSWORD)).status).toBe(200);
    expect(await server.db.knex('gatehouse.accounts').where({ user_id: id }).first('must_change_password')).not.toEqual({ must_change_password: true });
    expect(await eventsOf(id, 'password_reset')).toEqual([]);
  });
});
