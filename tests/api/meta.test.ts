import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import type { Meta, ResourceMeta } from '../../server/meta/types.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const OMBARO_TABLES = `user_profiles role_permissions services service_packages addon_services vendors vendor_staff
therapists therapist_schedules therapist_leaves therapist_locations bookings booking_items therapist_assignments
payments payment_settlements employees attendance_records leave_requests salary_records performance_reviews
customers customer_addresses reviews campaigns promotions promotion_usage support_tickets ticket_messages
notifications analytics_events loyalty_transactions`.split(/\s+/);

let server: TestServer;
let meta: Meta;
const resource = (name: string): ResourceMeta => {
  const r = meta.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
};

beforeAll(async () => {
  server = await startTestServer();
  const api = new ApiClient(server.url);
  await api.login(demoEmail('super_admin'), DEMO_PASSWORD);
  meta = (await api.get('/api/meta')).json;
});
afterAll(() => server.close());

describe('GET /api/meta', () => {
  it('lists every OMBARO table, plus auth.users, grouped by the modules of MATRIX.md', () => {
    const names = meta.resources.map((r) => r.name);
    for (const t of [...OMBARO_TABLES, 'auth.users']) expect(names, t).toContain(t);
    expect(names.some((n) => /analytics_events_\d/.test(n))).toBe(false); // partitions are not resources
    expect(meta.modules.map((m) => m.name)).toEqual(expect.arrayContaining(['finance', 'hr', 'marketing', 'support']));
    expect(resource('payment_settlements').module).toBe('finance');
    expect(resource('leave_requests').module).toBe('hr');
    expect(resource('analytics_events').kind).toBe('partitioned');
  });

  it('describes columns from the catalog: choices, references, generated, arrays, json, money, help', () => {
    const bookings = resource('bookings');
    const status = bookings.fields.find((f) => f.name === 'status')!;
    expect(status.kind).toBe('enum');
    expect(status.choices).toEqual(expect.arrayContaining(['pending', 'confirmed', 'completed', 'cancelled']));
    const vendor = bookings.fields.find((f) => f.name === 'vendor_id')!;
    expect(vendor.reference).toMatchObject({ resource: 'vendors', field: 'id', displayField: 'business_name' });
    expect(bookings.displayField).toBe('booking_number');
    expect(bookings.fields.find((f) => f.name === 'booking_number')!.required).toBe(false); // the database numbers it

    const leave = resource('leave_requests');
    expect(leave.fields.find((f) => f.name === 'total_days')).toMatchObject({ readOnly: true });
    expect(leave.fields.find((f) => f.name === 'reason')).toMatchObject({ required: true, kind: 'longtext' });

    const services = resource('services');
    expect(services.fields.find((f) => f.name === 'duration_options')).toMatchObject({ kind: 'array', elementKind: 'integer' });
    expect(services.fields.find((f) => f.name === 'base_price_60min')).toMatchObject({ kind: 'money', precision: 10, scale: 2 });
    expect(services.fields.find((f) => f.name === 'pressure_level')).toMatchObject({ min: 1, max: 5 });
    expect(services.fields.find((f) => f.name === 'code')).toMatchObject({ unique: true });
    expect(resource('vendors').fields.find((f) => f.name === 'business_address')).toMatchObject({ kind: 'json' });

    const vendorReverse = resource('vendors').reverseReferences.map((r) => r.resource);
    expect(vendorReverse).toEqual(expect.arrayContaining(['therapists', 'bookings', 'payment_settlements']));
    expect(meta.resources.filter((r) => r.fields.some((f) => f.help)).length).toBeGreaterThan(5);
  });

  it('titles a record no column names by whom it is about and when', () => {
    expect(resource('salary_records').titleFields).toEqual(['employee_id', 'month', 'year']);
    expect(resource('payment_settlements').titleFields).toEqual(['vendor_id', 'settlement_period_start', 'settlement_period_end']);
    expect(resource('leave_requests').titleFields).toEqual(['employee_id', 'from_date', 'to_date']);
    // A record with a name of its own keeps it.
    expect(resource('vendors').titleFields).toBeUndefined();
  });

  it("reads a view's columns like the table columns they show", () => {
    const queue = resource('leave_queue');
    const field = (name: string) => queue.fields.find((f) => f.name === name)!;
    expect(field('leave_type')).toMatchObject({ kind: 'enum', choices: expect.arrayContaining(['casual', 'sick']) });
    expect(field('employee_id').reference).toMatchObject({ resource: 'employees', field: 'id' });
    // Computed columns stay as they are; a view adds no tab to the tables it shows.
    expect(field('balance_after').reference).toBeUndefined();
    expect(resource('employees').reverseReferences.map((r) => r.resource)).not.toContain('leave_queue');
  });

  it('recognises a ticket\'s messages as its conversation, and only there', () => {
    const onTicket = resource('support_tickets').reverseReferences.find((r) => r.resource === 'ticket_messages');
    expect(onTicket?.thread).toEqual({ text: 'message', author: 'sender_id', at: 'created_at', internal: 'is_internal' });
    // A writer's messages across tickets are rows, not one conversation; a notification has no writer.
    const threads = meta.resources.flatMap((r) => r.reverseReferences.filter((ref) => ref.thread).map((ref) => `${r.name}<-${ref.resource}.${ref.field}`));
    expect(threads).toEqual(['support_tickets<-ticket_messages.ticket_id']);
  });

  it('never exposes secret columns', () => {
    expect(resource('auth.users').fields.map((f) => f.name)).not.toContain('encrypted_password');
    const all = meta.resources.flatMap((r) => r.fields.map((f) => f.name));
    expect(all.filter((n) => /password|token_hash|totp/.test(n))).toEqual([]);
  });
});
