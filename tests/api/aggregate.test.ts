import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
const as: Record<string, ApiClient> = {};
const summary = (params: Record<string, unknown>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ['super_admin', 'vendor', 'directors', 'marketing_department']) {
    as[role] = new ApiClient(server.url);
    await as[role].login(demoEmail(role), DEMO_PASSWORD);
  }
});
afterAll(() => server?.close());

describe('list summaries for charts', () => {
  it('count by value, within the caller’s rows and the list’s filter', async () => {
    const all = await as.super_admin!.get(`/api/bookings${summary({ groupBy: 'status' })}`);
    expect(all.status).toBe(200);
    const { rows } = await server.db.knex.raw(`SELECT status AS key, count(*)::int AS count FROM bookings GROUP BY 1 ORDER BY 1`);
    expect(all.json).toEqual(rows);

    const vendor = await server.db.knex('auth.users').where({ email: demoEmail('vendor') }).first('id');
    const own = await as.vendor!.get(`/api/bookings${summary({ groupBy: 'status' })}`);
    const { rows: mine } = await server.db.knex.raw(`SELECT status AS key, count(*)::int AS count FROM bookings WHERE vendor_id = ? GROUP BY 1 ORDER BY 1`, [vendor.id]);
    expect(own.json).toEqual(mine);

    const filtered = await as.super_admin!.get(`/api/bookings${summary({ groupBy: 'status', filter: { status: 'completed' } })}`);
    expect(filtered.json).toEqual(rows.filter((r: { key: string }) => r.key === 'completed'));
  });

  it('sum amounts by month and bucket open tickets by age', async () => {
    const res = await as.super_admin!.get(`/api/payments${summary({ groupBy: 'payment_date', bucket: 'month', sum: 'total_amount', filter: { status: 'success' } })}`);
    expect(res.status).toBe(200);
    const { rows } = await server.db.knex.raw(
      `SELECT to_char(date_trunc('month', payment_date), 'YYYY-MM') AS key, count(*)::int AS count, sum(total_amount)::float8 AS sum
         FROM payments WHERE status = 'success' GROUP BY 1 ORDER BY 1`,
    );
    expect(res.json).toEqual(rows);
    const ageing = await as.super_admin!.get(`/api/support_tickets${summary({ groupBy: 'created_at', bucket: 'age', filter: { status: ['open', 'in_progress'] } })}`);
    expect(ageing.status).toBe(200);
    for (const r of ageing.json) expect(['0-1 days', '1-3 days', '3-7 days', 'over 7 days']).toContain(r.key);
  });

  it('refuse what the caller may not read, and say what is wrong', async () => {
    expect((await as.marketing_department!.get(`/api/salary_records${summary({ groupBy: 'status' })}`)).status).toBe(403);
    const hidden = await as.directors!.get(`/api/employees${summary({ groupBy: 'bank_details' })}`);
    expect(hidden.status).toBe(400);
    expect(hidden.json.errors.groupBy).toMatch(/Unknown field/);
    const notNumber = await as.super_admin!.get(`/api/bookings${summary({ groupBy: 'status', sum: 'status' })}`);
    expect(notNumber.json.errors).toHaveProperty('sum');
  });
});
