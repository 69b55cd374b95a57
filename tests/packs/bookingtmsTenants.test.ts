import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import type { TestSwitches } from '../../server/access/testSwitches.js';
import { recordLabelSql } from '../../server/meta/recordLabels.js';
import { buildCases, compareEnforcers, signInEveryRole } from '../security/enforcers.js';
import { demoServer } from '../support/demoServer.js';
import type { TestServer } from '../support/testServer.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { parseCsv } from '../support/parseCsv.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/bookingtms/pack.json';
});

/**
 * BookingTMS: organisations are tenants. A person of one organisation reaches nothing of
 * another through any channel, and each enforcer alone (the API's CASL conditions with row
 * security off; the database's policies with CASL skipped) still keeps them apart.
 */
const HOME = '20000000-0000-4000-8000-000000000001';
const OTHER = '20000000-0000-4000-8000-000000000002';
/** An organisation admin of the other organisation (the demo's people outside the first one have ordinary emails). */
const OTHER_ADMIN = 'marcus.lee@cipherescape.example';

const bookingtms = (options: { switches?: TestSwitches; enforceNothing?: boolean } = {}) => demoServer('bookingtms', options);

const signIn = async (server: TestServer, email: string) => {
  const api = new ApiClient(server.url);
  await api.login(email, DEMO_PASSWORD);
  return api;
};

describe('BookingTMS, governed by its pack', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bookingtms({ switches: { rollbackWrites: true } });
  }, 120_000);
  afterAll(() => server?.close());

  it('agree on every role x resource x action, API and database', async () => {
    const callers = await signInEveryRole(server.db.knex, server.url);
    const cases = await buildCases(server.db.knex, callers, [...server.schema.resources.values()].filter((r) => r.schema === 'public'));
    const { disagreements } = await compareEnforcers(server.db.knex, cases);
    console.log(`bookingtms differential: ${cases.length} cases, ${disagreements.length} disagreements`);
    expect(cases.length).toBeGreaterThan(200);
    expect(disagreements).toEqual([]);
  }, 300_000);

  it('names a payment as the pack says (its booking and when), not by its currency', async () => {
    const payments = server.schema.resources.get('payments')!;
    const label = recordLabelSql(payments, 't', (name) => server.schema.resources.get(name));
    const { rows } = await server.db.knex.raw(`SELECT ${label.sql} AS label, b.booking_reference FROM payments t JOIN bookings b ON b.id = t.booking_id LIMIT 1`);
    expect(rows[0].label).toMatch(new RegExp(`^${rows[0].booking_reference} · \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}$`));
  });
});

for (const [name, options] of [
  ['both enforcers', {}],
  ['the database alone (CASL skipped)', { switches: { skipCasl: true } }],
  ['the API alone (row security off)', { enforceNothing: true }],
] as const) {
  describe(`organisations kept apart by ${name}`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let other: { booking: string; customer: string; customerName: string };
    let home: { bookings: number; booking: string };
    beforeAll(async () => {
      server = await bookingtms(options);
      manager = await signIn(server, demoEmail('manager'));
      const knex = server.db.knex;
      const booking = await knex('bookings').where({ organization_id: OTHER }).orderBy('id').first('id', 'customer_id');
      const customer = await knex('customers').where({ id: booking.customer_id }).first('first_name', 'last_name');
      other = { booking: booking.id, customer: booking.customer_id, customerName: String(customer.last_name) };
      const count = Number((await knex('bookings').where({ organization_id: HOME }).count({ n: '*' }))[0]!.n);
      home = { bookings: count, booking: (await knex('bookings').where({ organization_id: HOME }).orderBy('id').first('id')).id };
    }, 120_000);
    afterAll(() => server?.close());

    it('lists, counts, opens and exports only the home organisation', async () => {
      const list = await manager.get(`/api/bookings${q({ range: [0, 999] })}`);
      expect(list.status, list.text).toBe(200);
      expect(new Set((list.json as { organization_id: string }[]).map((b) => b.organization_id))).toEqual(new Set([HOME]));
      expect(list.headers.get('content-range')).toBe(`bookings 0-${home.bookings - 1}/${home.bookings}`);
      expect((await manager.get(`/api/bookings/${other.booking}`)).status).toBe(404);
      const many = await manager.get(`/api/bookings${q({ filter: { id: [home.booking, other.booking] } })}`);
      expect((many.json as { id: string }[]).map((b) => b.id)).toEqual([home.booking]);
      const byReference = await manager.get(`/api/bookings${q({ filter: { customer_id: other.customer } })}`);
      expect(byReference.json).toEqual([]);
      const searched = await manager.get(`/api/customers${q({ filter: { q: other.customerName }, range: [0, 999] })}`);
      for (const c of searched.json as { organization_id: string }[]) expect(c.organization_id).toBe(HOME);
      const csv = parseCsv((await manager.get('/api/bookings?format=csv')).text);
      const at = csv[0]!.indexOf('organization_id');
      expect(csv.length - 1).toBe(home.bookings);
      for (const row of csv.slice(1)) expect(row[at]).toBe(HOME);
      const summary = await manager.get(`/api/bookings?groupBy=status`);
      expect(summary.status, summary.text).toBe(200);
      const counted = (summary.json as { count: number }[]).reduce((n, g) => n + Number(g.count), 0);
      expect(counted).toBe(home.bookings);
      const labels = await manager.get(`/api/bookings/customer_id/labels?ids=${encodeURIComponent(JSON.stringify([other.customer]))}`);
      expect(labels.json).toEqual([]);
    });

    it('changes nothing of another organisation, by edit, step or a record made for it', async () => {
      const knex = server.db.knex;
      const before = await knex('bookings').where({ id: other.booking }).first();
      expect([403, 404]).toContain((await manager.put(`/api/bookings/${other.booking}`, { promo_code: 'NOTYOURS' })).status);
      expect([403, 404]).toContain((await manager.post(`/api/bookings/${other.booking}/confirm`, {})).status);
      expect([403, 404]).toContain((await manager.delete(`/api/bookings/${other.booking}`)).status);
      const venue = await knex('venues').where({ organization_id: OTHER }).first('id');
      const planted = await manager.post('/api/venues', { organization_id: OTHER, name: 'Planted venue', slug: 'planted-venue', timezone: 'America/Chicago' });
      expect(planted.status, planted.text).toBeGreaterThanOrEqual(400);
      expect(await knex('venues').where({ name: 'Planted venue' }).first()).toBeUndefined();
      expect(venue).toBeDefined();
      expect(await knex('bookings').where({ id: other.booking }).first()).toEqual(before);
    });

    if (name === 'both enforcers') {
      it("gives an organisation's history, users and new records to it alone", async () => {
        expect([403, 404]).toContain((await manager.get(`/api/bookings/${other.booking}/history`)).status);
        const admin = await signIn(server, demoEmail('org_admin'));
        const users = await admin.get('/api/auth/users?perPage=100');
        expect(users.status, users.text).toBe(200);
        const ids = (users.json.items as { id: string }[]).map((u) => u.id);
        const homePeople = (await server.db.knex('users').where({ organization_id: HOME }).select('id')) as { id: string }[];
        expect(new Set(ids)).toEqual(new Set(homePeople.map((p) => p.id)));
        const stranger = (await server.db.knex('users').where({ email: OTHER_ADMIN }).first('id')) as { id: string };
        for (const step of ['suspend', 'reset-2fa', 'force-password-change']) expect((await admin.post(`/api/auth/users/${stranger.id}/${step}`, {})).status).toBe(404);
        expect((await admin.post(`/api/auth/users/${stranger.id}/reset-password`, { password: 'Quartz-lantern-77-harbour' })).status).toBe(404);
        // A record made without naming the organisation is the caller's organisation's.
        const activity = await server.db.knex('venues').where({ organization_id: HOME }).first('id');
        const made = await admin.post('/api/customers', { email: 'walk.in@example.com', first_name: 'Walk', last_name: 'In' });
        expect(made.status, made.text).toBe(201);
        expect(made.json.organization_id).toBe(HOME);
        expect(activity).toBeDefined();
        // And the other organisation's admin sees none of it.
        const theirs = await signIn(server, OTHER_ADMIN);
        const found = await theirs.get(`/api/customers${q({ filter: { q: 'walk.in' } })}`);
        expect(found.json).toEqual([]);
      });
    }
  });
}
