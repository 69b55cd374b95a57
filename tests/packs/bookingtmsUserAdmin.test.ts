import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { asCaller } from '../security/enforcers.js';
import { demoServer } from '../support/demoServer.js';
import { ApiClient } from '../support/httpClient.js';
import type { TestServer } from '../support/testServer.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/bookingtms/pack.json';
});

/**
 * BookingTMS: an organisation's admin manages its own organisation's users, and gives only the
 * roles its pack lets it give ("mayGive": admin, manager, staff), never one above its own: the
 * API refuses, and so does the database on its own (row policies on the role column).
 */
const HOME = '20000000-0000-4000-8000-000000000001';
const OWNER = '30000000-0000-4000-8000-000000000011';
const ORG_ADMIN = '30000000-0000-4000-8000-000000000012';
const STAFF = '30000000-0000-4000-8000-000000000015';
const NEW_PASSWORD = 'Quartz-lantern-77-harbour';

const signIn = async (server: TestServer, email: string, password = DEMO_PASSWORD) => {
  const api = new ApiClient(server.url);
  await api.login(email, password);
  return api;
};
const roleOf = async (server: TestServer, id: string) => ((await server.db.knex('users').where({ id }).first('role')) as { role: string }).role;

describe('BookingTMS user administration, within what each role may give', () => {
  let server: TestServer;
  let orgAdmin: ApiClient;
  beforeAll(async () => {
    server = await demoServer('bookingtms');
    orgAdmin = await signIn(server, demoEmail('org_admin'));
  }, 120_000);
  afterAll(() => server?.close());

  it('offers an organisation admin the roles below its own, and the actions on those holding them', async () => {
    const page = await orgAdmin.get('/api/auth/users?perPage=100');
    expect(page.status, page.text).toBe(200);
    expect(page.json.canAdminister).toBe(true);
    expect(page.json.givableRoles).toEqual(['admin', 'manager', 'staff']);
    const owner = await signIn(server, demoEmail('super_admin'));
    expect((await owner.get('/api/auth/users')).json.givableRoles).toEqual(['org_admin', 'admin', 'manager', 'staff']);
    const platform = await signIn(server, demoEmail('system_admin'));
    expect((await platform.get('/api/auth/users')).json.givableRoles).toEqual(['system_admin', 'super_admin', 'org_admin', 'admin', 'manager', 'staff']);
  });

  it('lets an organisation admin add a user of its organisation with a role it may give, and no other', async () => {
    const made = await orgAdmin.post('/api/auth/users', { email: 'new.staff@example.com', name: 'New Staff', role: 'staff', password: NEW_PASSWORD });
    expect(made.status, made.text).toBe(201);
    const row = await server.db.knex('users').where({ email: 'new.staff@example.com' }).first('organization_id', 'role');
    expect(row).toEqual({ organization_id: HOME, role: 'staff' });
    for (const role of ['super_admin', 'system_admin', 'org_admin']) {
      const refused = await orgAdmin.post('/api/auth/users', { email: `climber.${role}@example.com`, name: 'Climber', role, password: NEW_PASSWORD });
      expect(refused.status, refused.text).toBe(403);
      expect(refused.json.message).toMatch(/may not give the role/);
      expect(await server.db.knex('auth.users').where({ email: `climber.${role}@example.com` }).first()).toBeUndefined();
    }
  });

  it('changes roles among those it may give, and never to or from one above', async () => {
    const promoted = await orgAdmin.post(`/api/auth/users/${STAFF}/role`, { role: 'manager' });
    expect(promoted.status, promoted.text).toBe(200);
    expect(await roleOf(server, STAFF)).toBe('manager');
    const raised = await orgAdmin.post(`/api/auth/users/${STAFF}/role`, { role: 'system_admin' });
    expect(raised.status).toBe(403);
    expect(await roleOf(server, STAFF)).toBe('manager');
    // The owner holds a role the organisation admin may not give: not theirs to demote, suspend or reset.
    for (const [path, body] of [
      ['role', { role: 'staff' }],
      ['suspend', {}],
      ['reset-password', { password: NEW_PASSWORD }],
      ['force-password-change', {}],
    ] as const) {
      const res = await orgAdmin.post(`/api/auth/users/${OWNER}/${path}`, body);
      expect(res.status, `${path}: ${res.text}`).toBe(403);
    }
    expect(await roleOf(server, OWNER)).toBe('super_admin');
    // The generic screens obey the same limit.
    expect((await orgAdmin.put(`/api/users/${STAFF}`, { role: 'super_admin' })).status).toBe(403);
    expect((await orgAdmin.put(`/api/users/${OWNER}`, { full_name: 'Renamed Owner' })).status).toBe(403);
    expect((await orgAdmin.delete(`/api/users/${OWNER}`)).status).toBe(403);
    expect(await roleOf(server, STAFF)).toBe('manager');
    expect(((await server.db.knex('users').where({ id: OWNER }).first('full_name')) as { full_name: string }).full_name).toBe('Maya Thornton');
    const renamed = await orgAdmin.put(`/api/users/${STAFF}`, { role: 'staff' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(await roleOf(server, STAFF)).toBe('staff');
  });

  it('keeps an organisation owner from making anyone a platform administrator', async () => {
    const owner = await signIn(server, demoEmail('super_admin'));
    expect((await owner.post(`/api/auth/users/${STAFF}/role`, { role: 'system_admin' })).status).toBe(403);
    expect((await owner.put(`/api/users/${STAFF}`, { role: 'system_admin' })).status).toBe(403);
    expect(await roleOf(server, STAFF)).toBe('staff');
    const made = await owner.post(`/api/auth/users/${STAFF}/role`, { role: 'org_admin' });
    expect(made.status, made.text).toBe(200);
    expect(await roleOf(server, STAFF)).toBe('org_admin');
    await server.db.knex('users').where({ id: STAFF }).update({ role: 'staff' });
  });

  it("suspends and reactivates through the organisation's own status column", async () => {
    const staff = await signIn(server, demoEmail('staff'));
    const suspended = await orgAdmin.post(`/api/auth/users/${STAFF}/suspend`, {});
    expect(suspended.status, suspended.text).toBe(200);
    expect(suspended.json.status).toBe('suspended');
    expect(((await server.db.knex('users').where({ id: STAFF }).first('is_active')) as { is_active: boolean }).is_active).toBe(false);
    expect((await staff.get('/api/auth/me')).status).toBe(401);
    const again = await new ApiClient(server.url).post('/api/auth/login', { email: demoEmail('staff'), password: DEMO_PASSWORD });
    expect(again.status).toBe(403);
    expect(again.json.message).toMatch(/suspended/);
    const events = await server.db.knex('gatehouse.security_events').where({ user_id: STAFF, kind: 'user_suspended' });
    expect(events.map((e: { actor_id: string }) => e.actor_id)).toEqual([ORG_ADMIN]);
    const back = await orgAdmin.post(`/api/auth/users/${STAFF}/reactivate`, {});
    expect(back.status, back.text).toBe(200);
    expect(back.json.status).toBe('active');
    await signIn(server, demoEmail('staff'));
  });

  it('is refused by the database itself: an organisation admin giving a role above its own changes nothing', async () => {
    const knex = server.db.knex;
    const caller = { id: ORG_ADMIN, role: 'org_admin' };
    const attempt = (fn: Parameters<typeof asCaller>[2]) => asCaller(knex, caller, fn).then((n) => n, (err: { code?: string }) => err.code);
    // Raising someone reachable: the row policy's check refuses the new row.
    expect(await attempt((trx) => trx('users').where({ id: STAFF }).update({ role: 'system_admin' }))).toBe('42501');
    // Touching someone holding a role above: no row is theirs to change or remove.
    expect(await attempt((trx) => trx('users').where({ id: OWNER }).update({ role: 'staff' }))).toBe(0);
    expect(await attempt((trx) => trx('users').where({ id: OWNER }).update({ full_name: 'Renamed' }))).toBe(0);
    expect(await attempt((trx) => trx('users').where({ id: OWNER }).delete())).toBe(0);
    // A new person above: refused.
    const planted = { id: '30000000-0000-4000-8000-0000000000ff', organization_id: HOME, email: 'planted@example.com', full_name: 'Planted', role: 'super_admin' };
    expect(await attempt((trx) => trx('users').insert(planted))).toBe('42501');
    // Within its gift, the database agrees.
    expect(await attempt((trx) => trx('users').where({ id: STAFF }).update({ role: 'manager' }))).toBe(1);
  });
});

for (const [name, options] of [
  ['the database alone (CASL skipped)', { switches: { skipCasl: true } }],
  ['the API alone (row security off)', { enforceNothing: true }],
] as const) {
  describe(`roles given within the gift of the giver, by ${name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await demoServer('bookingtms', options);
    }, 120_000);
    afterAll(() => server?.close());

    it('refuses an organisation admin raising someone, or touching the owner, through the generic screens', async () => {
      const orgAdmin = await signIn(server, demoEmail('org_admin'));
      for (const [method, path, body] of [
        ['PUT', `/api/users/${STAFF}`, { role: 'system_admin' }],
        ['PUT', `/api/users/${STAFF}`, { role: 'super_admin' }],
        ['PUT', `/api/users/${OWNER}`, { role: 'staff' }],
        ['DELETE', `/api/users/${OWNER}`, undefined],
        ['POST', '/api/users', { organization_id: HOME, email: 'planted@example.com', full_name: 'Planted', role: 'system_admin' }],
      ] as const) {
        const res = await orgAdmin.request(method, path, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${res.text}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
      expect(await roleOf(server, STAFF)).toBe('staff');
      expect(await roleOf(server, OWNER)).toBe('super_admin');
      expect(await server.db.knex('users').where({ email: 'planted@example.com' }).first()).toBeUndefined();
      const allowed = await orgAdmin.put(`/api/users/${STAFF}`, { role: 'manager' });
      expect(allowed.status, allowed.text).toBe(200);
      expect(await roleOf(server, STAFF)).toBe('manager');
    });
  });
}
