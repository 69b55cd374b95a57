import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
});
afterAll(() => server.close());


describe('getList', () => {
  it('returns a page with Content-Range and honours sort and range', async () => {
    const res = await api.get(`/api/services${q({ sort: ['name', 'ASC'], range: [0, 4] })}`);
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(5);
    const names = res.json.map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const [, range, total] = /^services (\d+-\d+)\/(\d+)$/.exec(res.headers.get('content-range') ?? '') ?? [];
    expect(range).toBe('0-4');
    const { rows } = await server.db.knex.raw('SELECT count(*)::int AS n FROM services');
    expect(Number(total)).toBe(rows[0].n);
  });

  it('filters by equality, lists (IN), ranges and q search', async () => {
    const pending = await api.get(`/api/bookings${q({ filter: { status: 'pending' }, range: [0, 49] })}`);
    expect(pending.status).toBe(200);
    expect(pending.json.length).toBeGreaterThan(0);
    expect(pending.json.every((b: { status: string }) => b.status === 'pending')).toBe(true);

    const either = await api.get(`/api/bookings${q({ filter: { status: ['completed', 'cancelled'] }, range: [0, 99] })}`);
    expect(new Set(either.json.map((b: { status: string }) => b.status))).toEqual(new Set(['completed', 'cancelled']));

    const ranged = await api.get(
      `/api/bookings${q({ filter: { booking_date_gte: '2026-03-01', booking_date_lte: '2026-03-31' }, range: [0, 99] })}`,
    );
    expect(ranged.json.length).toBeGreaterThan(0);
    for (const b of ranged.json) expect(b.booking_date >= '2026-03-01' && b.booking_date <= '2026-03-31').toBe(true);

    const { rows } = await server.db.knex.raw('SELECT name FROM services ORDER BY name LIMIT 1');
    const word = String(rows[0].name).split(' ')[0]!.toLowerCase();
    const searched = await api.get(`/api/services${q({ filter: { q: word } })}`);
    expect(searched.json.length).toBeGreaterThan(0);
    expect(searched.json.some((s: { name: string }) => s.name.toLowerCase().includes(word))).toBe(true);
  });

  it('reads a bare date as the whole day when bounding a time stamp', async () => {
    const { rows } = await server.db.knex.raw(
      `SELECT (created_at AT TIME ZONE 'UTC')::date::text AS day, count(*)::int AS n FROM bookings GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const { day, n } = rows[0];
    const res = await api.get(`/api/bookings${q({ filter: { created_at_gte: day, created_at_lte: day }, range: [0, 499] })}`);
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(n);
  });

  it('serves getMany (filter by id list) and getManyReference (filter by target)', async () => {
    const page = await api.get(`/api/vendors${q({ range: [0, 2] })}`);
    const ids = page.json.map((v: { id: string }) => v.id);
    const many = await api.get(`/api/vendors${q({ filter: { id: ids } })}`);
    expect(many.json.map((v: { id: string }) => v.id).sort()).toEqual([...ids].sort());

    const refs = await api.get(`/api/therapists${q({ filter: { vendor_id: ids[0] }, sort: ['name', 'ASC'], range: [0, 9] })}`);
    expect(refs.status).toBe(200);
    expect(refs.json.every((t: { vendor_id: string }) => t.vendor_id === ids[0])).toBe(true);
  });

  it('filters a composite-key table by its wire id and by its own id column', async () => {
    const [event] = (await api.get(`/api/analytics_events${q({ range: [0, 0] })}`)).json;
    const [uuid] = JSON.parse(event.id);
    const byWire = await api.get(`/api/analytics_events${q({ filter: { id: [event.id] } })}`);
    expect(byWire.json.map((e: { id: string }) => e.id)).toEqual([event.id]);
    const byColumn = await api.get(`/api/analytics_events${q({ filter: { id: uuid } })}`);
    expect(byColumn.json.map((e: { id: string }) => e.id)).toEqual([event.id]);
  });

  it('refuses bad parameters with 400 and a message per parameter', async () => {
    for (const bad of [
      `/api/services?sort=notjson`,
      `/api/services${q({ sort: ['nope', 'ASC'] })}`,
      `/api/services${q({ sort: ['name', 'SIDEWAYS'] })}`,
      `/api/services${q({ range: [10, 0] })}`,
      `/api/services${q({ range: [0, 100000] })}`,
      `/api/services${q({ filter: { nope: 1 } })}`,
      `/api/services${q({ filter: { pressure_level: 'very' } })}`,
      `/api/services${q({ filter: { id: 'not-a-uuid', created_at_gte: 'yesterday' } })}`,
      `/api/bookings${q({ filter: { status: 'teleported' } })}`,
    ]) {
      const res = await api.get(bad);
      expect(res.status, bad).toBe(400);
      expect(res.json.message, bad).toBeTruthy();
    }
  });
});

describe('getOne', () => {
  it('returns one record and 404 for unknown or malformed ids', async () => {
    const [first] = (await api.get(`/api/services${q({ range: [0, 0] })}`)).json;
    const one = await api.get(`/api/services/${first.id}`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual(first);
    expect((await api.get('/api/services/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.get('/api/services/not-a-uuid')).status).toBe(404);
    expect((await api.get('/api/no_such_table')).status).toBe(404);
  });
});

describe('create, update, delete', () => {
  const service = {
    code: 'TST',
    name: 'Test massage',
    category: 'relaxation',
    base_price_60min: 1499.5,
    duration_options: [60, 90],
    recommended_addons: ['Hot stones'],
  };

  it('creates, reads back, updates and deletes a record', async () => {
    const created = await api.post('/api/services', service);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ ...service, is_active: true });
    const id = created.json.id;

    const updated = await api.put(`/api/services/${id}`, { ...created.json, name: 'Test massage (long)', pressure_level: 3 });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ name: 'Test massage (long)', pressure_level: 3 });
    expect((await api.get(`/api/services/${id}`)).json.name).toBe('Test massage (long)');

    const deleted = await api.delete(`/api/services/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json.id).toBe(id);
    expect((await api.get(`/api/services/${id}`)).status).toBe(404);
  });

  it('reports every invalid field at once and writes nothing', async () => {
    const before = (await server.db.knex('services').count('* as n'))[0]!.n;
    const res = await api.post('/api/services', { code: 'X', category: 'spicy', pressure_level: 9, base_price_60min: 'cheap', nope: 1 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.errors).sort()).toEqual(['base_price_60min', 'category', 'name', 'nope', 'pressure_level']);
    expect(res.json.errors.name).toBe('Required.');
    expect(res.json.errors.category).toMatch(/one of/);
    expect(res.json.errors.pressure_level).toMatch(/at most 5/);
    expect((await server.db.knex('services').count('* as n'))[0]!.n).toBe(before);
  });

  it('maps constraint violations to the field: unique 409, foreign key 400, check 400', async () => {
    const [existing] = (await api.get(`/api/services${q({ range: [0, 0] })}`)).json;
    const dup = await api.post('/api/services', { ...service, code: existing.code });
    expect(dup.status).toBe(409);
    expect(dup.json.errors).toHaveProperty('code');

    const [therapist] = (await api.get(`/api/therapists${q({ range: [0, 0] })}`)).json;
    const orphan = await api.put(`/api/therapists/${therapist.id}`, { vendor_id: '00000000-0000-4000-8000-000000000000' });
    expect(orphan.status).toBe(400);
    expect(orphan.json.errors).toHaveProperty('vendor_id');

    const [leave] = (await api.get(`/api/leave_requests${q({ range: [0, 0] })}`)).json;
    const backwards = await api.put(`/api/leave_requests/${leave.id}`, { from_date: '2026-05-10', to_date: '2026-05-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.json.message).toBeTruthy();
  });

  it('never writes read-only columns and refuses deleting a referenced record with 409', async () => {
    const [leave] = (await api.get(`/api/leave_requests${q({ range: [0, 0] })}`)).json;
    const res = await api.put(`/api/leave_requests/${leave.id}`, { ...leave, total_days: 999 });
    expect(res.status).toBe(200);
    expect(res.json.total_days).not.toBe(999);

    const { rows } = await server.db.knex.raw('SELECT vendor_id FROM bookings LIMIT 1');
    const blocked = await api.delete(`/api/vendors/${rows[0].vendor_id}`);
    expect(blocked.status).toBe(409);
    expect((await api.get(`/api/vendors/${rows[0].vendor_id}`)).status).toBe(200);
  });

  it('answers malformed JSON bodies with 400', async () => {
    const res = await api.request('POST', '/api/services', '{"code": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
  });
});

describe('authentication', () => {
  it('refuses the API without a session and with a wrong password', async () => {
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.get('/api/services')).status).toBe(401);
    expect((await anonymous.get('/api/meta')).status).toBe(401);
    const wrong = await anonymous.post('/api/auth/login', { email: demoEmail('super_admin'), password: 'nope' });
    expect(wrong.status).toBe(401);
    const unknown = await anonymous.post('/api/auth/login', { email: 'nobody@example.com', password: 'nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
  });

  it('sets an HttpOnly SameSite cookie, answers /me and revokes the session at logout', async () => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/auth/login', { email: demoEmail('hr_department'), password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const me = await client.get('/api/auth/me');
    expect(me.json).toMatchObject({ email: demoEmail('hr_department'), role: 'hr_department' });
    const stolen = client.cookieHeader;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await new ApiClient(server.url).request('GET', '/api/auth/me', undefined, { cookie: stolen });
    expect(replay.status).toBe(401);
  });
});
