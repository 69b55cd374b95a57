import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInRoles } from '../support/accounts.js';
import { listQuery as q, type ApiClient } from '../support/httpClient.js';
import { parseCsv } from '../support/parseCsv.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/** Lists read references as people do: searched by the name of what they name, sorted by it, exported beside it. */
let server: TestServer;
const ROLES = ['finance_department', 'marketing_department'] as const;
let as: Record<(typeof ROLES)[number], ApiClient>;

beforeAll(async () => {
  server = await startTestServer();
  ({ as } = await signInRoles(server, ROLES));
});
afterAll(() => server?.close());

describe('references in lists', () => {
  it("find a vendor's settlements by the vendor's name", async () => {
    const knex = server.db.knex;
    const vendor = await knex('vendors as v').whereExists((w) => w.select(knex.raw('1')).from('payment_settlements as p').whereRaw('p.vendor_id = v.id')).first('id', 'business_name');
    const word = String(vendor.business_name).split(' ')[0]!;
    const res = await as.finance_department.get(`/api/payment_settlements${q({ filter: { q: word }, range: [0, 999] })}`);
    expect(res.status, res.text).toBe(200);
    const { rows } = await knex.raw(
      `SELECT p.id::text FROM payment_settlements p JOIN vendors v ON v.id = p.vendor_id
        WHERE v.business_name ILIKE ? OR p.notes ILIKE ? OR p.payment_reference ILIKE ? OR p.status ILIKE ? OR p.payment_method ILIKE ?`,
      Array(5).fill(`%${word}%`),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set((res.json as { id: string }[]).map((r) => r.id))).toEqual(new Set(rows.map((r: { id: string }) => r.id)));
  });

  it('sort by the name of what a reference names, not by its key', async () => {
    const res = await as.finance_department.get(`/api/payment_settlements${q({ sort: ['vendor_id', 'ASC'], range: [0, 199] })}`);
    expect(res.status, res.text).toBe(200);
    const { rows } = await server.db.knex.raw(
      `SELECT p.id::text FROM payment_settlements p JOIN vendors v ON v.id = p.vendor_id ORDER BY v.business_name ASC, p.id ASC LIMIT 200`,
    );
    expect((res.json as { id: string }[]).map((r) => r.id)).toEqual(rows.map((r: { id: string }) => r.id));
  });

  it('export each reference with the name beside it', async () => {
    const res = await as.finance_department.get(`/api/payment_settlements${q({ sort: ['created_at', 'DESC'] })}&format=csv`);
    expect(res.status).toBe(200);
    const [header, ...records] = parseCsv(res.text);
    const at = (name: string) => header!.indexOf(name);
    expect(at('vendor_id_label')).toBe(at('vendor_id') + 1);
    const names = new Map(((await server.db.knex('vendors').select('id', 'business_name')) as { id: string; business_name: string }[]).map((v) => [v.id, v.business_name]));
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r[at('vendor_id_label')]).toBe(names.get(r[at('vendor_id')]!));

    // Sorted by the reference, the export follows the names it writes beside it, as the list does.
    const sortedExport = await as.finance_department.get(`/api/payment_settlements${q({ sort: ['vendor_id', 'ASC'] })}&format=csv`);
    expect(sortedExport.status, sortedExport.text).toBe(200);
    const byVendor = parseCsv(sortedExport.text);
    const { rows } = await server.db.knex.raw(
      `SELECT p.id::text FROM payment_settlements p JOIN vendors v ON v.id = p.vendor_id ORDER BY v.business_name ASC, p.id ASC`,
    );
    expect(byVendor.slice(1).map((r) => r[at('id')])).toEqual(rows.map((r: { id: string }) => r.id));
  });

  it('reach the names of what the caller may not read through the labels of what its rows refer to', async () => {
    // Marketing reads campaigns, not employees: a campaign is still found by its creator's name, sorted by it, exported with it.
    const knex = server.db.knex;
    expect((await as.marketing_department.get('/api/employees')).status).toBe(403);
    const creator = await knex('campaigns as c').join('employees as e', 'e.id', 'c.created_by').first('e.name');
    const surname = String(creator.name).split(' ').at(-1)!;
    const { rows } = await knex.raw(
      `SELECT c.id::text FROM campaigns c LEFT JOIN employees e ON e.id = c.created_by
        WHERE c.name ILIKE ? OR c.type ILIKE ? OR c.status ILIKE ? OR e.name ILIKE ?`,
      Array(4).fill(`%${surname}%`),
    );
    const found = await as.marketing_department.get(`/api/campaigns${q({ filter: { q: surname }, range: [0, 999] })}`);
    expect(found.status, found.text).toBe(200);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set((found.json as { id: string }[]).map((r) => r.id))).toEqual(new Set(rows.map((r: { id: string }) => r.id)));

    const sorted = await as.marketing_department.get(`/api/campaigns${q({ sort: ['created_by', 'ASC'], range: [0, 999] })}`);
    const byName = await knex.raw(`SELECT c.id::text FROM campaigns c LEFT JOIN employees e ON e.id = c.created_by ORDER BY e.name ASC NULLS LAST, c.id ASC`);
    expect((sorted.json as { id: string }[]).map((r) => r.id)).toEqual(byName.rows.map((r: { id: string }) => r.id));

    const csv = parseCsv((await as.marketing_department.get(`/api/campaigns?format=csv`)).text);
    const at = (name: string) => csv[0]!.indexOf(name);
    expect(at('created_by_label')).toBe(at('created_by') + 1);
    const names = new Map(((await knex('employees').select('id', 'name')) as { id: string; name: string }[]).map((e) => [e.id, e.name]));
    for (const r of csv.slice(1)) expect(r[at('created_by_label')]).toBe(r[at('created_by')] ? names.get(r[at('created_by')]!) : '');
  });
});
