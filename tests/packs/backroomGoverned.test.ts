import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { ensureAdministrator } from '../../server/auth/users.js';
import { migrate } from '../../server/data/migrate.js';
import { revertGovernance } from '../../server/govern/governDatabase.js';
import { buildCases, compareEnforcers, signInEveryRole } from '../security/enforcers.js';
import { BACKROOM_FIXTURE, runSqlFile } from '../support/foreignServer.js';
import { governedServer } from '../support/governedServer.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { createTestDatabase } from '../support/testDatabase.js';
import type { TestServer } from '../support/testServer.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/backroom/pack.json';
});

/**
 * The Backroom Leeds fixture keeps its own users table (people.email): nobody there has a
 * Gatehouse account until govern gives each person one with the same id, so the database's own
 * `auth.uid() = id` rules and foreign keys name the signed-in person.
 */
const BACKROOM = {
  SUPER_ADMIN: { id: '11111111-1111-4111-8111-111111111111', email: 'super_admin@demo.gatehouse.dev' },
  MANAGER: { id: '22222222-2222-4222-8222-222222222222', email: 'manager@demo.gatehouse.dev' },
  DOOR_STAFF: { id: '33333333-3333-4333-8333-333333333333', email: 'door_staff@demo.gatehouse.dev' },
  CUSTOMER: { id: '44444444-4444-4444-8444-444444444444', email: 'customer@demo.gatehouse.dev' },
} as const;
/** A customer whose status is SUSPENDED in the fixture. */
const SUSPENDED = { id: '77777777-7777-4777-8777-777777777777', email: 'gina.ross@example.com' };
const ONE_TIME = 'Lantern-quarry-58-obelisk';
const CHOSEN = 'Marigold-harbour-93-sextant';

const createBackroomDatabase = async () => {
  const db = await createTestDatabase({ empty: true });
  await runSqlFile(db.url, BACKROOM_FIXTURE);
  await migrate(db.knex, ['core']);
  return { db, people: BACKROOM };
};

const tryLogin = (server: TestServer, email: string, password: string) => new ApiClient(server.url).post('/api/auth/login', { email, password });

describe('the API and the database of a schema with its own users table', () => {
  let server: TestServer;
  beforeAll(async () => {
    ({ server } = await governedServer(createBackroomDatabase, { rollbackWrites: true }));
    // One person per role signs in (their accounts, made by govern, start without a password).
    await server.db.knex('auth.users').whereIn('id', Object.values(BACKROOM).map((p) => p.id)).update({ encrypted_password: await hashPassword(DEMO_PASSWORD) });
  });
  afterAll(() => server?.close());

  it('agree on every role x resource x action', async () => {
    const callers = await signInEveryRole(server.db.knex, server.url, (role) => BACKROOM[role as keyof typeof BACKROOM].email);
    const cases = await buildCases(server.db.knex, callers, [...server.schema.resources.values()].filter((r) => r.schema === 'public'));
    const { disagreements } = await compareEnforcers(server.db.knex, cases);
    console.log(`backroom differential: ${cases.length} cases, ${disagreements.length} disagreements`);
    expect(cases.length).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
  }, 300_000);
});

describe('accounts for the people of a database that keeps its own users table', () => {
  let server: TestServer;
  let admin: ApiClient;
  beforeAll(async () => {
    ({ server } = await governedServer(createBackroomDatabase));
    // The first administrator: a person the database already has, given a password by configuration.
    expect(await ensureAdministrator(server.db.knex, BACKROOM.SUPER_ADMIN.email, DEMO_PASSWORD)).toBe('password set');
    expect(await ensureAdministrator(server.db.knex, BACKROOM.SUPER_ADMIN.email, 'another-password-entirely')).toBeUndefined();
    admin = new ApiClient(server.url);
    await admin.login(BACKROOM.SUPER_ADMIN.email, DEMO_PASSWORD);
  });
  afterAll(() => server?.close());

  it('gives every person with an email an account of the same id, with their role and name, and no password yet', async () => {
    const { rows } = await server.db.knex.raw(
      `SELECT p.id, u.email, u.raw_app_meta_data->>'role' AS role, p.role::text AS declared, u.encrypted_password = '!' AS unusable
         FROM public.users p LEFT JOIN auth.users u ON u.id = p.id`,
    );
    const people = Number((await server.db.knex('public.users').whereNotNull('email').count({ n: '*' }))[0]!.n);
    expect(people).toBeGreaterThan(7);
    expect(rows.length).toBe(people);
    for (const row of rows) expect(row.role, row.email).toBe(row.declared);
    // Only the administrator has been given a password (by this test's set-up).
    expect(rows.filter((r: { unusable: boolean }) => r.unusable).length).toBe(people - 1);
    const list = await admin.get('/api/auth/users?perPage=100');
    expect(list.status).toBe(200);
    expect(list.json.nameInProfile).toBe(true);
    expect(list.json.profileFields.map((f: { name: string }) => f.name)).toEqual(['first_name', 'last_name']);
    const dev = list.json.items.find((u: { id: string }) => u.id === BACKROOM.CUSTOMER.id);
    expect(dev).toMatchObject({ email: BACKROOM.CUSTOMER.email, name: 'Dev Shah', roles: ['CUSTOMER'], passwordSet: false, status: 'ACTIVE' });
    expect(list.json.items.find((u: { id: string }) => u.id === BACKROOM.SUPER_ADMIN.id)).toMatchObject({ passwordSet: true });
    expect((await admin.get('/api/auth/users?q=shah')).json.items.map((u: { id: string }) => u.id)).toEqual([BACKROOM.CUSTOMER.id]);
    // Without a password nobody signs in.
    expect((await tryLogin(server, BACKROOM.CUSTOMER.email, '!')).status).toBe(401);
  });

  it("lets a person the administrator gave a password sign in and reach their own rows by the database's own ids", async () => {
    expect((await admin.post(`/api/auth/users/${BACKROOM.CUSTOMER.id}/reset-password`, { password: ONE_TIME })).json).toMatchObject({ passwordSet: true, mustChangePassword: true });
    const dev = new ApiClient(server.url);
    await dev.login(BACKROOM.CUSTOMER.email, ONE_TIME);
    expect((await dev.post('/api/auth/password', { currentPassword: ONE_TIME, newPassword: CHOSEN })).status).toBe(204);
    const bookings = await dev.get(`/api/bookings${q({ range: [0, 99] })}`);
    expect(bookings.status).toBe(200);
    const total = Number((await server.db.knex('public.bookings').count({ n: '*' }))[0]!.n);
    expect(bookings.json.length).toBeGreaterThan(0);
    expect(bookings.json.length).toBeLessThan(total);
    expect(new Set(bookings.json.map((b: { customer_id: string }) => b.customer_id))).toEqual(new Set([BACKROOM.CUSTOMER.id]));
  });

  it("keeps a person whose own status is not active from signing in, whatever their password", async () => {
    expect((await admin.post(`/api/auth/users/${SUSPENDED.id}/reset-password`, { password: ONE_TIME })).status).toBe(200);
    expect((await tryLogin(server, SUSPENDED.email, ONE_TIME)).status).toBe(403);
    await server.db.knex('public.users').where({ id: SUSPENDED.id }).update({ status: 'ACTIVE' });
    const gina = new ApiClient(server.url);
    await gina.login(SUSPENDED.email, ONE_TIME);
    expect((await gina.get('/api/auth/me')).status).toBe(200);
    // Suspended again in the database's own column: the open session ends with it.
    await server.db.knex('public.users').where({ id: SUSPENDED.id }).update({ status: 'SUSPENDED' });
    expect((await gina.get('/api/auth/me')).status).toBe(401);
  });

  it('creates a user as a person of the table, asking for its required columns, and keeps the account in step with the person', async () => {
    const base = { email: 'hana.reed@backroomleeds.co.uk', role: 'DOOR_STAFF', password: ONE_TIME };
    const missing = await admin.post('/api/auth/users', { ...base, profile: { first_name: 'Hana' } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual({ 'profile.last_name': 'Required.' });
    const tooLong = await admin.post('/api/auth/users', { ...base, profile: { first_name: 'Hana', last_name: 'x'.repeat(101), shoe_size: 9 } });
    expect(tooLong.json.errors).toEqual({ 'profile.last_name': 'At most 100 characters.', 'profile.shoe_size': expect.any(String) });
    expect(await server.db.knex('public.users').where({ email: base.email }).first()).toBeUndefined();
    expect(await server.db.knex('auth.users').where({ email: base.email }).first()).toBeUndefined();

    const created = await admin.post('/api/auth/users', { ...base, profile: { first_name: 'Hana', last_name: 'Reed' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: base.email, name: 'Hana Reed', roles: ['DOOR_STAFF'], passwordSet: true, mustChangePassword: true });
    const person = await server.db.knex('public.users').where({ id: created.json.id }).first('email', 'first_name', 'last_name', 'role');
    expect(person).toEqual({ email: base.email, first_name: 'Hana', last_name: 'Reed', role: 'DOOR_STAFF' });
    const hana = new ApiClient(server.url);
    await hana.login(base.email, ONE_TIME);

    // The person's email changes through the data API: the account's sign-in follows, the password stays.
    const renamed = await admin.put(`/api/users/${created.json.id}`, { email: 'hana@backroomleeds.co.uk' });
    expect(renamed.status).toBe(200);
    expect(await server.db.knex('auth.users').where({ id: created.json.id }).first('email')).toEqual({ email: 'hana@backroomleeds.co.uk' });
    expect((await tryLogin(server, 'hana@backroomleeds.co.uk', ONE_TIME)).status).toBe(200);
    // The person leaves: the account and its sessions go with them.
    expect((await admin.delete(`/api/users/${created.json.id}`)).status).toBe(200);
    expect(await server.db.knex('auth.users').where({ id: created.json.id }).first()).toBeUndefined();
    expect((await hana.get('/api/auth/me')).status).toBe(401);
  });

  it('leaves the accounts in place when governance is reverted', async () => {
    const before = Number((await server.db.knex('auth.users').count({ n: '*' }))[0]!.n);
    await revertGovernance(server.db.knex);
    expect(Number((await server.db.knex('auth.users').count({ n: '*' }))[0]!.n)).toBe(before);
    const { rows } = await server.db.knex.raw(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'gatehouse_sync_people_account'`);
    expect(rows[0].n).toBe(0);
  });
});

