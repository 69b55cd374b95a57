import argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { demoAccounts } from '../support/accounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const { signedIn, userIdOf, eventsOf } = demoAccounts(() => server);

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Lax for the session, script-readable and SameSite=Strict for the CSRF token', async () => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/auth/login', { email: demoEmail('marketing_department'), password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('gatehouse_session='))!;
    const csrf = cookies.find((c) => c.startsWith('gatehouse_csrf='))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/; Secure/i); // plain http outside production
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/; SameSite=Strict/i);
    expect(res.json.csrfToken).toBe(client.cookie('gatehouse_csrf'));
  });

  it('are Secure and __Host- prefixed in production, where an unprefixed session cookie is ignored', async () => {
    const production = await startTestServer({ env: { NODE_ENV: 'production', GATEHOUSE_REQUIRE_2FA: 'off' } });
    try {
      // Demo logins are refused in production: a real account.
      await production.db.knex('auth.users').insert({
        email: 'ops@example.com',
        encrypted_password: await hashPassword('a long and unusual passphrase'),
        raw_app_meta_data: JSON.stringify({ role: 'customer_care' }),
      });
      const client = new ApiClient(production.url);
      const res = await client.post('/api/auth/login', { email: 'ops@example.com', password: 'a long and unusual passphrase' });
      expect(res.status).toBe(200);
      const cookies = res.headers.getSetCookie();
      expect(cookies.map((c) => c.split('=')[0])).toEqual(['__Host-gatehouse_session', '__Host-gatehouse_csrf']);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/; Secure/i);
        expect(cookie).toMatch(/; Path=\/(;|$)/);
        expect(cookie).not.toMatch(/; Domain=/i);
      }
      expect((await client.get('/api/auth/me')).status).toBe(200);
      // The same token under the unprefixed name (as a sibling subdomain could plant it) is not a session.
      const planted = new ApiClient(production.url);
      planted.setCookie('gatehouse_session', client.cookie('__Host-gatehouse_session')!);
      expect((await planted.get('/api/auth/me')).status).toBe(401);
    } finally {
      await production.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request with the session cookie but without the token, and changes nothing', async () => {
    const client = await signedIn('marketing_department');
    const before = await server.db.knex('public.campaigns').count({ n: '*' }).first();
    client.sendCsrfToken = false;
    const forged = await client.post('/api/campaigns', { name: 'Forged', type: 'email', status: 'draft' });
    expect(forged.status).toBe(403);
    expect(forged.json).toMatchObject({ code: 'csrf' });
    const wrong = await client.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'guessed' });
    expect(wrong.status).toBe(403);
    expect(await server.db.knex('public.campaigns').count({ n: '*' }).first()).toEqual(before);
    // Reads need no token, and the session survived the refused logout.
    expect((await client.get('/api/auth/me')).status).toBe(200);
    client.sendCsrfToken = true;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
  });
});

describe('sessions', () => {
  it('a token from before sign-in is worthless after it (no fixation)', async () => {
    const attacker = await signedIn('customer_care');
    const planted = attacker.cookie('gatehouse_session')!;
    const victim = new ApiClient(server.url);
    victim.setCookie('gatehouse_session', planted);
    expect((await victim.post('/api/auth/login', { email: demoEmail('hr_department'), password: DEMO_PASSWORD })).status).toBe(200);
    expect(victim.cookie('gatehouse_session')).not.toBe(planted);
    expect((await attacker.get('/api/auth/me')).status).toBe(401);
    expect((await victim.get('/api/auth/me')).json).toMatchObject({ role: 'hr_department' });
  });

  it('end after the idle time and after the absolute lifetime', async () => {
    const idle = await signedIn('accounts_department');
    const absolute = await signedIn('legal_department');
    await server.db.knex('gatehouse.sessions').where({ user_id: await userIdOf('accounts_department') }).update({ last_seen_at: server.db.knex.raw(`now() - interval '31 minutes'`) });
    await server.db.knex('gatehouse.sessions').where({ user_id: await userIdOf('legal_department') }).update({ expires_at: server.db.knex.raw(`now() - interval '1 second'`) });
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    expect((await idle.get('/api/bookings')).status).toBe(401);
    expect((await absolute.get('/api/auth/me')).status).toBe(401);
  });

  it('"my sessions" lists and revokes only the caller\'s own', async () => {
    const laptop = await signedIn('ca_cs');
    const phone = await signedIn('ca_cs');
    const other = await signedIn('advocate');
    const list = await laptop.get('/api/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.json).toHaveLength(2);
    expect(list.json.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneSession = list.json.find((s: { current: boolean }) => !s.current);
    expect(phoneSession).toMatchObject({ ip: expect.any(String), userAgent: expect.any(String) });

    const otherSession = (await other.get('/api/auth/sessions')).json[0].id;
    expect((await laptop.delete(`/api/auth/sessions/${otherSession}`)).status).toBe(404);
    expect((await other.get('/api/auth/me')).status).toBe(200);

    expect((await laptop.delete(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect(await eventsOf(await userIdOf('ca_cs'), 'session_revoked')).toHaveLength(1);
  });

  it('a suspended user\'s open session stops working at once', async () => {
    const staff = await signedIn('staff_department');
    const admin = await signedIn('super_admin');
    const id = await userIdOf('staff_department');
    expect((await admin.put(`/api/user_profiles/${id}`, { status: 'suspended' })).status).toBe(200);
    expect((await staff.get('/api/bookings')).status).toBe(401);
    expect((await new ApiClient(server.url).post('/api/auth/login', { email: demoEmail('staff_department'), password: DEMO_PASSWORD })).status).toBe(403);
    const [event] = await eventsOf(id, 'user_suspended');
    expect(event).toMatchObject({ actor_id: await userIdOf('super_admin'), address: expect.any(String) });

    // A sign-in that raced the suspension (its session written after the revocation) is still refused.
    const raced = new ApiClient(server.url);
    raced.setCookie('gatehouse_session', 'raced-session-token');
    await server.db.knex('gatehouse.sessions').insert({
      token_hash: createHash('sha256').update('raced-session-token').digest('hex'),
      user_id: id,
      expires_at: server.db.knex.raw(`now() + interval '1 hour'`),
    });
    expect((await raced.get('/api/bookings')).status).toBe(401);
    expect((await raced.get('/api/auth/me')).status).toBe(401);
  });
});

describe('passwords', () => {
  it('change needs the current password, follows the rules, rotates this session and ends the others', async () => {
    const here = await signedIn('fo_department');
    const elsewhere = await signedIn('fo_department');
    const change = (currentPassword: string, newPassword: string) => here.post('/api/auth/password', { currentPassword, newPassword });

    expect((await change('wrong', 'a long and unusual passphrase')).json.errors).toHaveProperty('currentPassword');
    expect((await change(DEMO_PASSWORD, 'short1')).json.errors.newPassword).toMatch(/at least 12 characters/);
    expect((await change(DEMO_PASSWORD, 'password1234')).json.errors.newPassword).toMatch(/too common/);
    expect((await change(DEMO_PASSWORD, 'qwertyuiop123!')).json.errors.newPassword).toMatch(/too common/);
    expect((await change(DEMO_PASSWORD, DEMO_PASSWORD)).json.errors.newPassword).toMatch(/not used/);

    const before = here.cookie('gatehouse_session');
    expect((await change(DEMO_PASSWORD, 'copper kettle on the hill')).status).toBe(204);
    expect(here.cookie('gatehouse_session')).not.toBe(before);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    const stale = new ApiClient(server.url);
    stale.setCookie('gatehouse_session', before!);
    expect((await stale.get('/api/auth/me')).status).toBe(401);

    expect((await new ApiClient(server.url).post('/api/auth/login', { email: demoEmail('fo_department'), password: DEMO_PASSWORD })).status).toBe(401);
    await new ApiClient(server.url).login(demoEmail('fo_department'), 'copper kettle on the hill');
    expect(await eventsOf(await userIdOf('fo_department'), 'password_changed')).toHaveLength(1);
  });

  it('may not repeat any of the last five', async () => {
    const client = await signedIn('ho_details');
    const passwords = ['first of the series', 'second of the series', 'third of the series', 'fourth of the series', 'fifth of the series'];
    let current = DEMO_PASSWORD;
    for (const next of passwords) {
      expect((await client.post('/api/auth/password', { currentPassword: current, newPassword: next })).status).toBe(204);
      current = next;
    }
    const reuse = await client.post('/api/auth/password', { currentPassword: current, newPassword: passwords[0] });
    expect(reuse.status).toBe(400);
    expect(reuse.json.errors.newPassword).toMatch(/last 5/);
    expect((await client.post('/api/auth/password', { currentPassword: current, newPassword: 'sixth of the series' })).status).toBe(204);
    // The first has now dropped out of the last five.
    expect((await client.post('/api/auth/password', { currentPassword: 'sixth of the series', newPassword: passwords[0] })).status).toBe(204);
    const kept = await server.db.knex('gatehouse.password_history').where({ user_id: await userIdOf('ho_details') }).count({ n: '*' }).first();
    expect(Number(kept?.n)).toBe(5);
  });

  it('cannot be guessed from an open session while the account is locked', async () => {
    const client = await signedIn('vendor_list');
    for (let n = 0; n < 5; n++) await new ApiClient(server.url).post('/api/auth/login', { email: demoEmail('vendor_list'), password: 'wrong' });
    const attempt = await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'locked out passphrase' });
    expect(attempt.status).toBe(429);
    expect(await new ApiClient(server.url).post('/api/auth/login', { email: demoEmail('vendor_list'), password: DEMO_PASSWORD })).toMatchObject({ status: 429 });
    await server.db.knex('gatehouse.login_failures').where({ account: demoEmail('vendor_list') }).delete();
  });

  it('a forced change gates every other route until it is done', async () => {
    const client = await signedIn('corporate_office');
    await server.db.knex('gatehouse.accounts').insert({ user_id: await userIdOf('corporate_office'), must_change_password: true });
    expect((await client.get('/api/auth/me')).json.gate).toBe('password_change_required');
    const meta = await client.get('/api/meta');
    expect(meta.status).toBe(403);
    expect(meta.json.code).toBe('password_change_required');
    expect((await client.get('/api/bookings')).json.code).toBe('password_change_required');
    // The gates come in order: no second factor is enrolled on a password about to be replaced.
    expect((await client.post('/api/auth/2fa/setup')).json.code).toBe('password_change_required');
    expect((await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a brand new passphrase' })).status).toBe(204);
    expect((await client.get('/api/auth/me')).json.gate).toBeNull();
    expect((await client.get('/api/meta')).status).toBe(200);
  });
});

describe('failed sign-ins per client address', () => {
  it('lock the address, whatever accounts it tries, and leave other addresses alone', async () => {
    const limited = await startTestServer({ env: { LOGIN_FAILURES_PER_ADDRESS: '3' } });
    try {
      const from = (address: string) => {
        const client = new ApiClient(limited.url);
        return (email: string, password: string) => client.request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address });
      };
      const guesser = from('203.0.113.7');
      for (const who of ['a@example.com', 'b@example.com', 'c@example.com']) expect((await guesser(who, 'guess')).status).toBe(401);
      const blocked = await guesser(demoEmail('employee'), DEMO_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.json.message).toMatch(/from your network/);
      expect((await from('203.0.113.8')(demoEmail('employee'), DEMO_PASSWORD)).status).toBe(200);
      const [locked] = await limited.db.knex('gatehouse.security_events').where({ kind: 'address_locked' });
      expect(locked).toMatchObject({ address: '203.0.113.7' });
    } finally {
      await limited.close();
    }
  });

  it('an unknown email and a wrong password get the same answer, after the same argon2 work', async () => {
    // Each refusal verifies one argon2 hash of the same cost (a decoy's for an unknown email), so
    // neither is a fast path. Counted rather than timed: a busy machine makes timings say nothing.
    const verify = vi.spyOn(argon2, 'verify');
    try {
      const attempt = async (email: string) => {
        verify.mockClear();
        const res = await new ApiClient(server.url).post('/api/auth/login', { email, password: 'not-the-password' });
        expect(verify).toHaveBeenCalledTimes(1);
        const hash = String(verify.mock.calls[0]![0]);
        return { status: res.status, json: res.json, cost: hash.split('$')[3] };
      };
      const known = await attempt(demoEmail('vendor_list'));
      const unknown = await attempt('nobody@example.com');
      expect(unknown.status).toBe(known.status);
      expect(unknown.json).toEqual(known.json);
      expect(unknown.cost).toBe(known.cost);
      expect(unknown.cost).toMatch(/^m=\d+,p=\d+,t=\d+$/);
    } finally {
      verify.mockRestore();
    }
  });
});

describe('security events', () => {
  it('record sign-ins with address and user agent, readable by it_department but not marketing', async () => {
    await new ApiClient(server.url).request('POST', '/api/auth/login', { email: demoEmail('customer_data'), password: 'nope' }, { 'user-agent': 'ProbeAgent/1.0' });
    await signedIn('customer_data');
    const it = await signedIn('it_department');
    const page = await it.get(`/api/auth/security-events?userId=${await userIdOf('customer_data')}`);
    expect(page.status).toBe(200);
    const kinds = page.json.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['login_succeeded', 'login_failed']);
    expect(page.json.items[1]).toMatchObject({ userAgent: 'ProbeAgent/1.0', address: '127.0.0.1', userEmail: demoEmail('customer_data') });
    expect(page.json.total).toBe(2);

    const marketing = await signedIn('marketing_department');
    expect((await marketing.get('/api/auth/security-events')).status).toBe(403);

    // The sign-in time is written by the owner's login, on the user's behalf: the audit trail names them.
    const [entry] = await server.db.knex('public.audit_log').where({ table_name: 'auth.users', record_id: await userIdOf('customer_data') }).orderBy('id', 'desc').limit(1);
    expect(entry).toMatchObject({ user_email: demoEmail('customer_data') });
  });

  it('are append-only, and only the database\'s own triggers may write them', async () => {
    await expect(server.db.knex('gatehouse.security_events').delete()).rejects.toThrow(/append-only/);
    await expect(server.db.knex.raw('TRUNCATE gatehouse.security_events')).rejects.toThrow(/append-only/);
    // An API role cannot forge an event through the definer function the triggers use.
    const forged = server.apiKnex.transaction(async (trx) => {
      await trx.raw('SET LOCAL ROLE gatehouse_role_super_admin');
      await trx.raw(`SELECT gatehouse.note_security_event('login_succeeded', ?::uuid, '{}')`, [await userIdOf('directors')]);
    });
    await expect(forged).rejects.toThrow(/permission denied/);
  });
});

describe('mandatory two-factor sign-in', () => {
  it('sends approvers to enrolment before anything else, and leaves other roles alone', async () => {
    const strict = await startTestServer({ env: { GATEHOUSE_REQUIRE_2FA: 'approvers' } });
    try {
      const finance = new ApiClient(strict.url);
      const login = await finance.post('/api/auth/login', { email: demoEmail('finance_department'), password: DEMO_PASSWORD });
      expect(login.json.gate).toBe('two_factor_enrolment_required');
      expect((await finance.get('/api/auth/me')).json).toMatchObject({ gate: 'two_factor_enrolment_required', twoFactorRequired: true });
      for (const path of ['/api/meta', '/api/payment_settlements', '/api/matrix']) {
        const res = await finance.get(path);
        expect(res.status, path).toBe(403);
        expect(res.json.code, path).toBe('two_factor_enrolment_required');
      }
      expect((await finance.get('/api/auth/2fa')).status).toBe(200);

      const support = new ApiClient(strict.url);
      await support.login(demoEmail('customer_care'), DEMO_PASSWORD);
      expect((await support.get('/api/auth/me')).json).toMatchObject({ gate: null, twoFactorRequired: false });
      expect((await support.get('/api/meta')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
