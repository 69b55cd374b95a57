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

beforeAll(async () => {
  server = await startTestServer();
  await server.db.knex.raw('ANALYZE bookings');
  traceRequests(server.http, (t) => traces.push(t));
  api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
});
afterAll(() => server.close());

/** What the request sent the database, once its transaction has ended. */
async function traced(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<RequestTrace> {
  traces.length = 0;
  const res = await api.request(method, path, body);
  expect(res.status, res.text).toBe(200);
  // A request before may report after the reset: this one's trace is the one for its URL.
  const traced = () => traces.filter((t) => t.method === method && t.url === path);
  await expect.poll(() => traced().length).toBe(1);
  return traced()[0]!;
}
const statementsOf = (t: RequestTrace) => t.statements.map((s) => s.text);

describe('round trips to the database', () => {
  it('a record: the transaction’s start with the caller’s identity, then the record; the COMMIT goes behind the answer', async () => {
    const { rows } = await server.db.knex.raw('SELECT id FROM services LIMIT 1');
    const t = await traced('GET', `/api/services/${rows[0].id}`);
    // BEGIN and the session statement share the first round trip.
    expect(t.statements.slice(0, 2).map((s) => [s.text.split(/\s/)[0], s.trip])).toEqual([['BEGIN', 0], ['WITH', 0]]);
    expect(t.statements.at(-1)!.text).toMatch(/^COMMIT/);
    expect(tripsWaitedFor(t)).toBe(2);
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

  it('a full page of a short list: counted exactly, in one more round trip', async () => {
    const { rows } = await server.db.knex.raw(`SELECT customer_id FROM bookings GROUP BY 1 HAVING count(*) BETWEEN 12 AND 90 LIMIT 1`);
    const t = await traced('GET', `/api/bookings${q({ range: [0, 9], filter: { customer_id: rows[0].customer_id } })}`);
    expect(statementsOf(t).filter((s) => /^select count/.test(s))).toHaveLength(1);
    expect(tripsWaitedFor(t)).toBe(3);
  });

  it('a change: identity, the record as it is, the change, then the COMMIT it waits for', async () => {
    const { rows } = await server.db.knex.raw('SELECT id, name FROM services LIMIT 1');
    const t = await traced('PUT', `/api/services/${rows[0].id}`, { name: `${rows[0].name} (traced)` });
    const byTrip = Array.from({ length: t.trips }, (_, trip) => t.statements.filter((s) => s.trip === trip).map((s) => s.text.split(/\s/)[0]!.toUpperCase()));
    expect(byTrip).toEqual([['BEGIN', 'WITH'], ['SELECT'], ['UPDATE'], ['COMMIT;']]);
  });
});
