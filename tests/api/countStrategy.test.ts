import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The cap is read when the server modules load: set it low before importing them.
process.env.GATEHOUSE_EXACT_COUNT_CAP = '100';
const { DEMO_PASSWORD, demoEmail } = await import('../../server/auth/demoAccounts.js');
const { ApiClient, listQuery: q } = await import('../support/httpClient.js');
const { startTestServer } = await import('../support/testServer.js');

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: InstanceType<typeof ApiClient>;
const total = (res: { headers: Headers }) => Number(res.headers.get('content-range')!.split('/')[1]);

beforeAll(async () => {
  server = await startTestServer();
  await server.db.knex.raw('ANALYZE bookings');
  api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
});
afterAll(() => server.close());

describe('list totals', () => {
  it('are the planner’s estimate above the cap, close to the truth, never a full count', async () => {
    const res = await api.get(`/api/bookings${q({ range: [0, 9] })}`);
    const { rows } = await server.db.knex.raw('SELECT count(*)::int AS n FROM bookings');
    expect(total(res)).toBeGreaterThan(100);
    expect(Math.abs(total(res) - rows[0].n) / rows[0].n).toBeLessThan(0.2);
    // Said to be an estimate, for the client to say "about" and page by "next".
    expect(res.headers.get('x-total-estimated')).toBe('true');
  });

  it('are counted where the list really ends when a page past it is asked for', async () => {
    const { rows } = await server.db.knex.raw('SELECT count(*)::int AS n FROM bookings');
    const res = await api.get(`/api/bookings${q({ range: [rows[0].n + 500, rows[0].n + 509] })}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual([]);
    expect(total(res)).toBe(rows[0].n);
    expect(res.headers.get('x-total-estimated')).toBeNull();
  });

  it('are exact below the cap', async () => {
    const { rows } = await server.db.knex.raw(
      `SELECT customer_id, count(*)::int AS n FROM bookings GROUP BY 1 HAVING count(*) BETWEEN 12 AND 60 LIMIT 1`,
    );
    const res = await api.get(`/api/bookings${q({ range: [0, 9], filter: { customer_id: rows[0].customer_id } })}`);
    expect(total(res)).toBe(rows[0].n);
    expect(res.headers.get('x-total-estimated')).toBeNull();
  });

  it('come from the page itself when the page is the last one', async () => {
    const { rows } = await server.db.knex.raw(`SELECT count(*)::int AS n FROM services`);
    const res = await api.get(`/api/services${q({ range: [0, 99] })}`);
    expect(total(res)).toBe(rows[0].n);
    expect(res.json).toHaveLength(rows[0].n);
  });
});
