import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { revertGovernance } from '../../server/govern/governDatabase.js';
import { asCaller } from '../security/enforcers.js';
import { demoServer } from '../support/demoServer.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import type { TestServer } from '../support/testServer.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/backroom/pack.json';
});

/**
 * Backroom Leeds: door staff see tonight's bookings and nothing of other nights (an owner set
 * that does not depend on the caller: today's bookings). Its materialized views (its reports)
 * are served by the matrix: managers read and
 * refresh them, door staff and customers neither, and the database agrees on its own — a role
 * may SELECT a report only while the matrix lets it read it, following every change to the
 * matrix, and the refresh runs as the view's owner only for those who may update it.
 */
const REPORTS = ['daily_booking_summary', 'table_utilization', 'customer_lifetime_value'];
const PEOPLE = {
  SUPER_ADMIN: '11111111-1111-4111-8111-111111111111',
  MANAGER: '22222222-2222-4222-8222-222222222222',
  DOOR_STAFF: '33333333-3333-4333-8333-333333333333',
  CUSTOMER: '44444444-4444-4444-8444-444444444444',
} as const;

const signIn = async (server: TestServer, role: keyof typeof PEOPLE) => {
  const api = new ApiClient(server.url);
  await api.login(demoEmail(role), DEMO_PASSWORD);
  return api;
};
/** What the database answers the role selecting from a report: the rows' count, or the error's code. */
const selectAs = (server: TestServer, role: keyof typeof PEOPLE, report: string) =>
  asCaller(server.db.knex, { id: PEOPLE[role], role }, (trx) => trx(report).count({ n: '*' })).then(
    (rows) => Number(rows[0]!.n),
    (err: { code?: string }) => err.code,
  );

describe('Backroom door staff, who see tonight\'s bookings only', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await demoServer('backroom');
  }, 120_000);
  afterAll(() => server?.close());

  it("list, open and check in tonight's bookings, and reach no other night's, in the API and in the database", async () => {
    const knex = server.db.knex;
    const { rows: tonight } = await knex.raw(`SELECT id::text AS id FROM bookings WHERE event_date = CURRENT_DATE ORDER BY id`);
    const other = (await knex('bookings').whereRaw('event_date <> CURRENT_DATE').where({ status: 'CONFIRMED' }).first('id')) as { id: string };
    expect(tonight.length).toBeGreaterThan(0);
    const door = await signIn(server, 'DOOR_STAFF');
    const listed = await door.get(`/api/bookings${q({ range: [0, 999] })}`);
    expect(listed.status, listed.text).toBe(200);
    expect((listed.json as { id: string }[]).map((b) => b.id).sort()).toEqual((tonight as { id: string }[]).map((b) => b.id));
    expect((await door.get(`/api/bookings/${other.id}`)).status).toBe(404);
    expect((await door.post(`/api/bookings/${other.id}/check_in`, {})).status).toBe(404);
    const assigned = await door.get(`/api/booking_tables${q({ range: [0, 999] })}`);
    const tonightIds = new Set((tonight as { id: string }[]).map((b) => b.id));
    for (const row of assigned.json as { booking_id: string }[]) expect(tonightIds.has(row.booking_id)).toBe(true);
    const seenInDatabase = await asCaller(knex, { id: PEOPLE.DOOR_STAFF, role: 'DOOR_STAFF' }, (trx) => trx('bookings').count({ n: '*' }));
    expect(Number(seenInDatabase[0]!.n)).toBe(tonight.length);
    // The tables and events stay in sight: the scope is on tonight's bookings only.
    expect((await door.get('/api/tables')).status).toBe(200);
    expect(((await door.get(`/api/events${q({ range: [0, 999] })}`)).json as unknown[]).length).toBe(Number((await knex('events').count({ n: '*' }))[0]!.n));
  });
});

describe('Backroom reports (materialized views), governed by the matrix', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await demoServer('backroom');
  }, 120_000);
  afterAll(() => server?.close());

  it('are read by managers and the administrator, by nobody else, through the API and in the database', async () => {
    const manager = await signIn(server, 'MANAGER');
    const door = await signIn(server, 'DOOR_STAFF');
    const customer = await signIn(server, 'CUSTOMER');
    for (const report of REPORTS) {
      const listed = await manager.get(`/api/${report}${q({ range: [0, 9] })}`);
      expect(listed.status, `${report}: ${listed.text}`).toBe(200);
      expect((await door.get(`/api/${report}`)).status).toBe(403);
      expect((await customer.get(`/api/${report}`)).status).toBe(403);
      expect(typeof (await selectAs(server, 'MANAGER', report))).toBe('number');
      expect(typeof (await selectAs(server, 'SUPER_ADMIN', report))).toBe('number');
      expect(await selectAs(server, 'DOOR_STAFF', report)).toBe('42501');
      expect(await selectAs(server, 'CUSTOMER', report)).toBe('42501');
    }
    const meta = await manager.get('/api/meta');
    const summary = (meta.json.resources as { name: string; operations?: { name: string }[] }[]).find((r) => r.name === 'daily_booking_summary');
    expect(summary?.operations?.map((o) => o.name)).toEqual(['refresh']);
    const doorMeta = await door.get('/api/meta');
    expect((doorMeta.json.resources as { name: string }[]).map((r) => r.name)).not.toContain('daily_booking_summary');
  });

  it('are brought up to date by a manager, and by nobody who may not update them', async () => {
    const knex = server.db.knex;
    const booking = await knex('bookings').orderBy('id').first();
    const day = '2031-01-17';
    await knex('bookings').insert({ ...booking, id: 'f0000000-0000-4000-8000-000000000001', booking_reference: 'BRL-REFRESH', qr_code: 'QR-REFRESH', event_date: `${day}T22:00:00Z` });
    const before = await knex('daily_booking_summary').whereRaw('event_date::date = ?', [day]).first();
    expect(before).toBeUndefined();
    const door = await signIn(server, 'DOOR_STAFF');
    expect((await door.post('/api/daily_booking_summary/refresh', {})).status).toBe(403);
    const refusedInDatabase = await asCaller(knex, { id: PEOPLE.DOOR_STAFF, role: 'DOOR_STAFF' }, (trx) => trx.raw('SELECT * FROM gatehouse.refresh_daily_booking_summary()')).then(
      () => 'refreshed',
      (err: { code?: string }) => err.code,
    );
    expect(refusedInDatabase).toBe('42501');
    expect(await knex('daily_booking_summary').whereRaw('event_date::date = ?', [day]).first()).toBeUndefined();
    const manager = await signIn(server, 'MANAGER');
    const preview = await manager.post('/api/daily_booking_summary/refresh', { preview: true });
    expect(preview.status, preview.text).toBe(200);
    expect(await knex('daily_booking_summary').whereRaw('event_date::date = ?', [day]).first()).toBeUndefined();
    const refreshed = await manager.post('/api/daily_booking_summary/refresh', {});
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.json.length).toBe(preview.json.count);
    const after = await knex('daily_booking_summary').whereRaw('event_date::date = ?', [day]).first();
    expect(Number(after.total_bookings)).toBe(1);
  });

  it('follow the matrix: a grant given lets door staff read them in the database too, and taken back refuses again', async () => {
    const admin = await signIn(server, 'SUPER_ADMIN');
    const door = await signIn(server, 'DOOR_STAFF');
    const given = await admin.put('/api/matrix', { role: 'DOOR_STAFF', module: 'reports', subModule: null, actions: ['read'] });
    expect(given.status, given.text).toBe(200);
    expect((await door.get('/api/daily_booking_summary')).status).toBe(200);
    expect(typeof (await selectAs(server, 'DOOR_STAFF', 'daily_booking_summary'))).toBe('number');
    const taken = await admin.put('/api/matrix', { role: 'DOOR_STAFF', module: 'reports', subModule: null, actions: [] });
    expect(taken.status, taken.text).toBe(200);
    expect((await door.get('/api/daily_booking_summary')).status).toBe(403);
    expect(await selectAs(server, 'DOOR_STAFF', 'daily_booking_summary')).toBe('42501');
  });

  it('lose their grants and refresh functions when governance is reverted', async () => {
    await revertGovernance(server.db.knex);
    const { rows } = await server.db.knex.raw(
      `SELECT (SELECT count(*)::int FROM pg_proc WHERE proname LIKE 'refresh\\_%' AND pronamespace = 'gatehouse'::regnamespace) AS functions,
              (SELECT count(*)::int FROM information_schema.role_table_grants WHERE table_name = ANY (?) AND grantee LIKE 'gatehouse\\_%') AS grants`,
      [REPORTS],
    );
    expect(rows[0]).toEqual({ functions: 0, grants: 0 });
  });
});
