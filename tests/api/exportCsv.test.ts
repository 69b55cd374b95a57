import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient, listQuery as q } from '../support/httpClient.js';
import { parseCsv } from '../support/parseCsv.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
let superAdmin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  superAdmin = await signIn('super_admin');
});
afterAll(() => server.close());

async function signIn(role: string): Promise<ApiClient> {
  const api = new ApiClient(server.url);
  await api.login(demoEmail(role), DEMO_PASSWORD);
  return api;
}

/** GET the CSV export of a list; `params` as the list takes them (filter, sort). */
const exportOf = (api: ApiClient, resource: string, params: Record<string, unknown> = {}) =>
  api.get(`/api/${resource}${q(params)}&format=csv`);

/** The export's header and its rows as objects (null for SQL NULL). */
function readCsv(text: string): { header: string[]; rows: Record<string, string | null>[] } {
  const [header, ...records] = parseCsv(text);
  expect(header).toBeDefined();
  const names = header!.map((h) => h ?? '');
  return { header: names, rows: records.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null]))) };
}

/** The list's columns with a label column after each of these references, as an export gives them. */
const withLabels = (columns: string[], references: string[]) => columns.flatMap((c) => (references.includes(c) ? [c, `${c}_label`] : [c]));

/** The columns the list returns to this caller, in order. */
async function listColumns(api: ApiClient, resource: string): Promise<string[]> {
  const res = await api.get(`/api/${resource}${q({ range: [0, 0] })}`);
  expect(res.status).toBe(200);
  return Object.keys(res.json[0]);
}

describe('CSV export of a list', () => {
  it('streams every matching row, filtered and sorted as the list, with the list columns as header', async () => {
    const filter = { status: 'completed', booking_date_gte: '2026-03-01' };
    const sort = ['booking_date', 'DESC'];
    const res = await exportOf(superAdmin, 'bookings', { filter, sort });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="bookings-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('content-range')).toBeNull();

    const { header, rows } = readCsv(res.text);
    expect(header).toEqual(withLabels(await listColumns(superAdmin, 'bookings'), ['customer_id', 'vendor_id', 'cancelled_by']));
    const expected = await server.db.knex.raw(
      `SELECT id::text FROM bookings WHERE status = 'completed' AND booking_date >= '2026-03-01' ORDER BY booking_date DESC, id ASC`,
    );
    const { rows: counted } = await server.db.knex.raw(
      `SELECT count(*)::int AS n FROM bookings WHERE status = 'completed' AND booking_date >= '2026-03-01'`,
    );
    expect(counted[0].n).toBeGreaterThan(1000); // more than one page of the list: no range applies
    expect(rows).toHaveLength(counted[0].n);
    expect(rows.map((r) => r.id)).toEqual(expected.rows.map((r: { id: string }) => r.id));
    expect(rows.every((r) => r.status === 'completed' && r.booking_date! >= '2026-03-01')).toBe(true);

    // The same rows, in the same order, as the list's pages.
    const page = await superAdmin.get(`/api/bookings${q({ filter, sort, range: [0, 999] })}`);
    expect(rows.slice(0, 1000).map((r) => r.id)).toEqual(page.json.map((b: { id: string }) => b.id));
  });

  it('exports JSON columns as their text and quotes commas, quotes and line breaks', async () => {
    const tricky = 'He said "hi, there",\nthen left;\r\n"quoted" end, ';
    const { rows: picked } = await server.db.knex.raw(`SELECT id::text FROM bookings ORDER BY id LIMIT 3`);
    const [a, b, c] = picked.map((r: { id: string }) => r.id);
    await server.db.knex.raw(
      `UPDATE bookings SET special_instructions = CASE id WHEN ?::uuid THEN ? WHEN ?::uuid THEN '' ELSE NULL END WHERE id IN (?, ?, ?)`,
      [a, tricky, b, a, b, c],
    );
    const res = await exportOf(superAdmin, 'bookings', { filter: { id: [a, b, c] }, sort: ['id', 'ASC'] });
    expect(res.status).toBe(200);
    const { rows } = readCsv(res.text);
    expect(rows.map((r) => r.special_instructions)).toEqual([tricky, '', null]);

    const { rows: db } = await server.db.knex.raw(`SELECT service_location FROM bookings WHERE id = ?`, [a]);
    expect(JSON.parse(rows[0]!.service_location!)).toEqual(db[0].service_location);
    const listed = await superAdmin.get(`/api/bookings/${a}`);
    expect(rows[0]!.special_instructions).toBe(listed.json.special_instructions);
  });

  it('refuses with 403 JSON a caller who may read but not export', async () => {
    const admin = await signIn('admin');
    expect((await admin.get(`/api/bookings${q({ range: [0, 0] })}`)).status).toBe(200);
    const res = await exportOf(admin, 'bookings');
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(res.json.message).toMatch(/not allowed to export/);
  });

  it('answers bad input and unknown resources with the usual JSON errors, before any CSV', async () => {
    const bad = await exportOf(superAdmin, 'bookings', { filter: { booking_date_gte: 'soon' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toHaveProperty('booking_date_gte');
    const badSort = await exportOf(superAdmin, 'bookings', { sort: ['nope', 'ASC'] });
    expect(badSort.status).toBe(400);
    expect((await exportOf(superAdmin, 'no_such_table')).status).toBe(404);
    expect((await new ApiClient(server.url).get('/api/bookings?format=csv')).status).toBe(401);
  });

  it('leaves out the fields the caller may not read (directors on employees)', async () => {
    const directors = await signIn('directors');
    const res = await exportOf(directors, 'employees', { sort: ['employee_code', 'ASC'] });
    expect(res.status).toBe(200);
    const { header, rows } = readCsv(res.text);
    expect(header).not.toContain('bank_details');
    expect(header.filter((h) => !h.endsWith('_label'))).toEqual(await listColumns(directors, 'employees'));
    const { rows: counted } = await server.db.knex.raw(`SELECT count(*)::int AS n FROM employees`);
    expect(rows).toHaveLength(counted[0].n);
    expect(rows.every((r) => !('bank_details' in r))).toBe(true);

    const full = readCsv((await exportOf(superAdmin, 'employees')).text);
    expect(full.header).toContain('bank_details');
  });

  it("gives an own-rows role only its own rows, and only once it holds the export grant", async () => {
    const vendor = await signIn('vendor');
    expect((await exportOf(vendor, 'bookings')).status).toBe(403);

    await server.db.knex.raw(
      `UPDATE role_permissions SET permissions = array_append(permissions, 'export')
        WHERE role_id = 'vendor' AND module_id = 'bookings' AND sub_module_id = 'bookings'`,
    );
    const res = await exportOf(vendor, 'bookings', { sort: ['booking_date', 'ASC'] });
    expect(res.status).toBe(200);
    const { rows } = readCsv(res.text);
    const { rows: me } = await server.db.knex.raw(`SELECT id::text FROM auth.users WHERE email = ?`, [demoEmail('vendor')]);
    const { rows: own } = await server.db.knex.raw(`SELECT count(*)::int AS n FROM bookings WHERE vendor_id = ?`, [me[0].id]);
    const { rows: all } = await server.db.knex.raw(`SELECT count(*)::int AS n FROM bookings`);
    expect(own[0].n).toBeGreaterThan(0);
    expect(own[0].n).toBeLessThan(all[0].n);
    expect(rows).toHaveLength(own[0].n);
    expect(rows.every((r) => r.vendor_id === me[0].id)).toBe(true);
  });

  // Last: it makes every booking large, so that the export cannot fit in the sockets' buffers.
  it('ends the COPY and frees the connection when the client goes away mid-stream', async () => {
    await server.db.knex.raw(`UPDATE bookings SET special_instructions = repeat(md5(id::text), 400)`); // ~13 kB a row, ~130 MB in all
    const copying = async () => {
      const { rows } = await server.db.knex.raw(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY (%' AND state <> 'idle'`,
      );
      return rows[0].n as number;
    };
    const attempts = 6; // more than the API's pool holds: a leaked connection would starve what follows
    for (let n = 0; n < attempts; n++) {
      await new Promise<void>((resolve, reject) => {
        const req = http.get(`${server.url}/api/bookings?format=csv`, { headers: { cookie: superAdmin.cookieHeader } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            res.pause(); // stop reading: the server is now held by backpressure, mid-COPY
            setTimeout(() => {
              copying().then((running) => {
                req.destroy();
                // This one is running; an earlier one may still be winding down on a loaded machine.
                if (running >= 1) resolve();
                else reject(new Error(`expected a COPY in progress, found ${running}`));
              }, reject);
            }, 50);
          });
        });
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
      });
    }
    // A COPY left half-read would sit in ClientWrite for ever, its connection lost to the pool.
    await expect.poll(copying, { timeout: 30_000, interval: 100 }).toBe(0);
    // The connections went back clean: exports still run to their end.
    const { rows: some } = await server.db.knex.raw(`SELECT id::text FROM bookings ORDER BY id LIMIT 20`);
    const ids = some.map((r: { id: string }) => r.id);
    for (let n = 0; n < attempts; n++) {
      const res = await exportOf(superAdmin, 'bookings', { filter: { id: ids }, sort: ['id', 'ASC'] });
      expect(res.status).toBe(200);
      expect(readCsv(res.text).rows.map((r) => r.id)).toEqual(ids);
    }
  }, 180_000);
});
