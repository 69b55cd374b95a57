import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from './enforcers.js';
import { demoAccounts } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/**
 * An owner's grant never covers the business's decisions about that owner: on their own rows
 * each role writes only what is theirs to say, refused per field by the API (403 naming the
 * field) and by the database (column privileges), while what they may write still saves.
 */
let server: TestServer;
const accounts = demoAccounts(() => server);
beforeAll(async () => {
  server = await startTestServer({ testSwitches: { rollbackWrites: true } });
});
afterAll(() => server?.close());

interface Limit {
  role: string;
  resource: string;
  /** The caller's own row of it: a query taking the caller's user id. */
  ownRow: string;
  refused: Record<string, unknown>;
  allowed: Record<string, unknown>;
}

const LIMITS: Limit[] = [
  {
    role: 'therapist',
    resource: 'therapist_assignments',
    ownRow: 'SELECT a.id FROM public.therapist_assignments a JOIN public.therapists t ON t.id = a.therapist_id WHERE t.user_id = ? ORDER BY a.id LIMIT 1',
    refused: { customer_rating: 5, customer_feedback: 'Wonderful, says the therapist', notes: 'edited by the therapist', actual_duration: 600, estimated_duration: 5 },
    allowed: { status: 'in_progress' },
  },
  {
    role: 'employee',
    resource: 'performance_reviews',
    ownRow: 'SELECT id FROM public.performance_reviews WHERE employee_id = ? ORDER BY id LIMIT 1',
    refused: { overall_rating: 5, reviewer_comments: 'Outstanding, says the employee', action_plan: 'none' },
    allowed: { employee_comments: 'I agree with the goals.' },
  },
  {
    role: 'customer',
    resource: 'notifications',
    ownRow: 'SELECT id FROM public.notifications WHERE user_id = ? ORDER BY id LIMIT 1',
    refused: { title: 'Rewritten', message: 'Rewritten by its reader' },
    allowed: { is_read: true },
  },
  {
    role: 'vendor',
    resource: 'vendors',
    ownRow: 'SELECT id FROM public.vendors WHERE id = ?',
    refused: { commission_rate: 1, verification_status: 'rejected', status: 'inactive', rating: 5, total_reviews: 9999 },
    allowed: { contact_person: 'A new contact' },
  },
  {
    role: 'vendor',
    resource: 'therapists',
    ownRow: 'SELECT id FROM public.therapists WHERE vendor_id = ? ORDER BY id LIMIT 1',
    refused: { rating: 5, total_reviews: 9999, total_services: 9999 },
    allowed: { experience_years: 7 },
  },
  {
    role: 'vendor',
    resource: 'bookings',
    ownRow: 'SELECT id FROM public.bookings WHERE vendor_id = ? ORDER BY id LIMIT 1',
    refused: { payment_status: 'refunded' },
    allowed: { special_instructions: 'Bring towels' },
  },
  {
    role: 'customer',
    resource: 'customers',
    ownRow: 'SELECT id FROM public.customers WHERE id = ?',
    refused: { membership_tier: 'diamond', loyalty_points: 999999, total_bookings: 999, total_spent: 1, referral_count: 99 },
    allowed: { special_requirements: 'A quiet room' },
  },
];

/** Each limit with the name its tests carry. */
const NAMED = LIMITS.map((l) => [`${l.role} on ${l.resource}`, l] as const);

const idOfOwnRow = async (limit: Limit, me: string): Promise<string> => {
  const { rows } = await server.db.knex.raw(limit.ownRow, limit.ownRow.split('?').slice(1).map(() => me));
  expect(rows[0], `${limit.role} has a row of ${limit.resource} of their own in the demo data`).toBeDefined();
  return rows[0].id as string;
};

describe("the owner's side of an own-row grant", () => {
  it.each(NAMED)('%s: the API refuses each business decision by name and saves the rest', async (_name, limit) => {
    const api = await accounts.signedIn(limit.role);
    const id = await idOfOwnRow(limit, await accounts.userIdOf(limit.role));
    const path = `/api/${limit.resource}/${encodeURIComponent(id)}`;
    const before = (await api.get(path)).json;
    for (const [column, value] of Object.entries(limit.refused)) {
      const res = await api.put(path, { [column]: value });
      expect(res.status, `${column}`).toBe(403);
      expect(Object.keys(res.json.errors ?? {}), column).toEqual([column]);
    }
    expect((await api.get(path)).json).toEqual(before);
    const saved = await api.put(path, limit.allowed);
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json).toMatchObject(limit.allowed);
    // The edit form draws the business's columns read-only for this role.
    const meta = (await api.get('/api/meta')).json as { resources: { name: string; fields: { name: string; readOnly: boolean }[] }[] };
    const fields = meta.resources.find((r) => r.name === limit.resource)!.fields;
    for (const column of Object.keys(limit.refused)) expect(fields.find((f) => f.name === column)?.readOnly, column).toBe(true);
    for (const column of Object.keys(limit.allowed)) expect(fields.find((f) => f.name === column)?.readOnly, column).toBe(false);
  });

  it.each(NAMED)('%s: the database refuses them too, as the role', async (_name, limit) => {
    const me = await accounts.userIdOf(limit.role);
    const id = await idOfOwnRow(limit, me);
    const table = `public.${limit.resource}`;
    for (const [column, value] of Object.entries(limit.refused)) {
      await expect(
        asCaller(server.db.knex, { id: me, role: limit.role }, (trx) => trx(table).where({ id }).update({ [column]: value })),
        column,
      ).rejects.toMatchObject({ code: '42501' });
    }
    const changed = await asCaller(server.db.knex, { id: me, role: limit.role }, (trx) => trx(table).where({ id }).update(limit.allowed));
    expect(changed).toBe(1);
  });

  it('leaves the business its decisions: the roles that run vendors and customers still set them', async () => {
    const vendorId = await accounts.userIdOf('vendor');
    const vendorList = await accounts.signedIn('vendor_list');
    const res = await vendorList.put(`/api/vendors/${vendorId}`, { commission_rate: 12.5, verification_status: 'verified' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ commission_rate: 12.5, verification_status: 'verified' });
    const customerId = await accounts.userIdOf('customer');
    const customerData = await accounts.signedIn('customer_data');
    expect((await customerData.put(`/api/customers/${customerId}`, { membership_tier: 'gold' })).status).toBe(200);
    // Nobody types a rating: the database keeps it.
    const admin = await accounts.signedIn('super_admin');
    const rating = await admin.put(`/api/vendors/${vendorId}`, { rating: 5 });
    expect(rating.status).toBe(403);
  });

  // (Who a ticket is assigned to is stamped by its workflow's "assign" step: nobody types it.)
  it("refuses a customer's new ticket that assigns itself, and an employee's attendance approved by themselves", async () => {
    const customer = await accounts.signedIn('customer');
    const agent = await accounts.userIdOf('customer_care');
    const ticket = await customer.post('/api/support_tickets', { customer_id: await accounts.userIdOf('customer'), category: 'service_quality', subject: 'Late therapist', description: 'They came an hour late.', assigned_to: agent });
    expect(ticket.status, JSON.stringify(ticket.json)).toBe(403);
    expect(Object.keys(ticket.json.errors)).toEqual(['assigned_to']);
    const employee = await accounts.signedIn('employee');
    const me = await accounts.userIdOf('employee');
    const attendance = await employee.post('/api/attendance_records', { employee_id: me, date: '2026-01-05', status: 'present', approved_by: me });
    expect(attendance.status, JSON.stringify(attendance.json)).toBe(403);
    expect(Object.keys(attendance.json.errors)).toEqual(['approved_by']);
  });
});
