import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The cap is read when the server modules load: set it low before importing them, so the bookings' total is an estimate.
process.env.GATEHOUSE_EXACT_COUNT_CAP = '100';
const { DEMO_PASSWORD, demoEmail } = await import('../../server/auth/demoAccounts.js');
const { ApiClient, listQuery: q } = await import('../support/httpClient.js');
const { startTestServer } = await import('../support/testServer.js');
const { traceRequests, tripsWaitedFor } = await import('../support/roundTrips.js');
type RequestTrace = import('../support/roundTrips.js').RequestTrace;

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: InstanceType<typeof ApiClient>;
const traces: RequestTrace[] = [];
/** Requests the server has received, and those whose trace has come in (a trace comes a moment after its answer). */
let received = 0;
let reported = 0;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.knex.raw('ANALYZE bookings');
  traceRequests(server.http, (t) => {
    reported++;
    traces.push(t);
  });
  server.http.on('request', () => received++);
  api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
});
afterAll(() => server.close());

/** What the request sent the database, once its transaction has ended. */
async function traced(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, status = method === 'POST' ? 201 : 200): Promise<RequestTrace> {
  // Every request before has reported: the trace of one to the same URL cannot pass for this one's.
  await expect.poll(() => reported).toBe(received);
  traces.length = 0;
  const res = await api.request(method, path, body);
  expect(res.status, res.text).toBe(status);
  const traced = () => traces.filter((t) => t.method === method && t.url === path);
  await expect.poll(() => traced().length).toBe(1);
  return traced()[0]!;
}

/** Each round trip's statements, by their first word: [['BEGIN', 'WITH'], ['SELECT', 'COMMIT']]. */
const firstWordsByTrip = (t: RequestTrace) =>
  Array.from({ length: t.trips }, (_, trip) => t.statements.filter((s) => s.trip === trip).map((s) => s.text.split(/\s/)[0]!.toUpperCase()));

describe('round trips to the database', () => {
  it('a record: the transaction’s start with the caller’s identity, then the record with the COMMIT behind it', async () => {
    const { rows } = await server.db.knex.raw('SELECT id FROM services LIMIT 1');
    const t = await traced('GET', `/api/services/${rows[0].id}`);
    // BEGIN and the session statement share the first round trip, the record and the COMMIT the second.
    const byTrip = firstWordsByTrip(t);
    expect(byTrip).toEqual([['BEGIN', 'WITH'], ['SELECT', 'COMMIT']]);
    expect(tripsWaitedFor(t)).toBe(2);
  });

  it('a record that is not there: 404, and the connection clean for the next request', async () => {
    const { rows } = await server.db.knex.raw('SELECT id FROM services LIMIT 1');
    const missing = await api.get('/api/services/00000000-0000-0000-0000-000000000000');
    expect(missing.status, missing.text).toBe(404);
    for (let i = 0; i < 6; i++) expect((await api.get(`/api/services/${rows[0].id}`)).status).toBe(200);
  });

  it('a page with an estimated total: the estimate rides with the page', async () => {
    const t = await traced('GET', `/api/bookings${q({ range: [0, 24] })}`);
    expect(t.statements.some((s) => s.text.startsWith('EXPLAIN'))).toBe(true);
    expect(tripsWaitedFor(t)).toBe(2);
  });

  it('the last page: its total is the page’s own', async () => {
    const t = await traced('GET', `/api/services${q({ range: [0, 99] })}`);
    expect(tripsWaitedFor(t)).toBe(2);
  });

  it('a full page of a small table: counted exactly, the count riding with the page', async () => {
    // The planner knows employees as a table of 60 rows (under this file's cap of 100), bookings as one of 10,000.
    await server.db.knex.raw('ANALYZE employees');
    const t = await traced('GET', `/api/employees${q({ range: [0, 9] })}`);
    const counts = t.statements.filter((s) => /^select count/.test(s.text));
    expect(counts).toHaveLength(1);
    expect(counts[0]!.trip).toBe(t.statements.find((s) => s.text.startsWith('EXPLAIN'))!.trip);
    expect(tripsWaitedFor(t)).toBe(2);
    const res = await api.get(`/api/employees${q({ range: [0, 9] })}`);
    const total = Number((await server.db.knex('employees').count({ n: '*' }))[0]!.n);
    expect(res.headers.get('content-range')).toBe(`employees 0-9/${total}`);
  });

  it('a small table grown past the cap since the schema was read: the count sent with its page is not run', async () => {
    // The schema model still holds employees small; PostgreSQL's statistics now say they are not.
    await server.db.knex.raw(`UPDATE pg_class SET reltuples = 1000000 WHERE oid = 'employees'::regclass`);
    try {
      const t = await traced('GET', `/api/employees${q({ range: [0, 9] })}`);
      const counts = t.statements.filter((s) => /^select count/.test(s.text));
      expect(counts).toHaveLength(1);
      expect(counts[0]!.trip).toBe(t.statements.find((s) => s.text.startsWith('EXPLAIN'))!.trip);
      const res = await api.get(`/api/employees${q({ range: [0, 9] })}`);
      // The database answered "not counted", so the total is the planner's estimate, not the 60 rows there are.
      expect(res.headers.get('x-total-estimated')).toBe('true');
      expect(Number(res.headers.get('content-range')!.split('/')[1])).toBeGreaterThan(100);
    } finally {
      await server.db.knex.raw('ANALYZE employees');
    }
  });

  it('a full page of a short list of a big table: counted exactly, in one more round trip', async () => {
    const { rows } = await server.db.knex.raw(`SELECT customer_id FROM bookings GROUP BY 1 HAVING count(*) BETWEEN 12 AND 90 LIMIT 1`);
    const t = await traced('GET', `/api/bookings${q({ range: [0, 9], filter: { customer_id: rows[0].customer_id } })}`);
    // The exact count follows the page (a count sent with it, where the model still thought the table small, is skipped by the database).
    const page = t.statements.find((s) => /^select\b/i.test(s.text) && !/^select count/.test(s.text) && /\blimit\b/.test(s.text))!;
    expect(t.statements.filter((s) => /^select count/.test(s.text)).at(-1)!.trip).toBe(page.trip + 1);
    expect(tripsWaitedFor(t)).toBe(3);
  });

  it('a change: identity, the record as it is (locked), then the change with its COMMIT', async () => {
    const { rows } = await server.db.knex.raw('SELECT id, name FROM services LIMIT 1');
    const t = await traced('PUT', `/api/services/${rows[0].id}`, { name: `${rows[0].name} (traced)` });
    const byTrip = firstWordsByTrip(t);
    expect(byTrip).toEqual([['BEGIN', 'WITH'], ['SELECT'], ['UPDATE', 'COMMIT']]);
    expect(t.statements.find((s) => s.trip === 1)!.text).toMatch(/ for update$/i);
    expect(tripsWaitedFor(t)).toBe(3);
    const stored = await server.db.knex('services').where({ id: rows[0].id }).first('name');
    expect(stored.name).toBe(`${rows[0].name} (traced)`);
  });

  it('a workflow transition: identity, the action with the record (locked) and whom it concerns, then the change with its COMMIT', async () => {
    // A therapist's leave: its approver must not be the therapist, found through the therapist's login.
    const { rows } = await server.db.knex.raw(`SELECT id FROM therapist_leaves WHERE status = 'pending' LIMIT 1`);
    const t = await traced('POST', `/api/therapist_leaves/${rows[0].id}/approve`, {}, 200);
    expect(firstWordsByTrip(t)).toEqual([['BEGIN', 'WITH'], ['SELECT', 'SELECT'], ['UPDATE', 'COMMIT']]);
    const [acting, record] = t.statements.filter((s) => s.trip === 1);
    expect(acting!.text).toMatch(/set_config\('app\.action'/);
    expect(record!.text).toMatch(/gatehouse\."person_therapists_user_id"/);
    expect(record!.text).toMatch(/ for update$/i);
    expect(tripsWaitedFor(t)).toBe(3);
    const stored = await server.db.knex('therapist_leaves').where({ id: rows[0].id }).first('status', 'approved_by');
    expect(stored.status).toBe('approved');
    // What the audit trail keeps of it: the action that made the change.
    const { rows: trail } = await server.db.knex.raw(
      `SELECT action FROM audit_log WHERE table_name = 'therapist_leaves' AND record_id = ? AND operation = 'UPDATE' ORDER BY id DESC LIMIT 1`,
      [String(rows[0].id)],
    );
    expect(trail[0].action).toBe('approve');
  });

  it('a new record: identity, then the insert with its COMMIT', async () => {
    const t = await traced('POST', '/api/campaigns', { name: 'Traced campaign', content: { subject: 'Hello', body: 'Hello' } });
    const byTrip = firstWordsByTrip(t);
    expect(byTrip).toEqual([['BEGIN', 'WITH'], ['INSERT', 'COMMIT']]);
    expect(await server.db.knex('campaigns').where({ name: 'Traced campaign' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('a change the database refuses: nothing kept, the refusal said, the connection clean for the next request', async () => {
    const { rows } = await server.db.knex.raw('SELECT id, code FROM services WHERE code IS NOT NULL LIMIT 2');
    // The second service given the first one's code: codes are unique, so the database refuses the change itself.
    traces.length = 0;
    const refused = await api.put(`/api/services/${rows[1].id}`, { code: rows[0].code });
    expect(refused.status, refused.text).toBe(409);
    // It was refused with its COMMIT already sent behind it: PostgreSQL ended the transaction as a ROLLBACK.
    await expect.poll(() => traces.filter((t) => t.method === 'PUT').length).toBe(1);
    const t = traces.find((x) => x.method === 'PUT')!;
    expect(firstWordsByTrip(t).at(-1)).toEqual(['UPDATE', 'COMMIT']);
    expect((await server.db.knex('services').where({ id: rows[1].id }).first('code')).code).toBe(rows[1].code);
    for (let i = 0; i < 6; i++) expect((await api.get(`/api/services/${rows[0].id}`)).status).toBe(200);
  });
});
