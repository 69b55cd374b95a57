import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceMeta } from '../../server/meta/types.js';
import { signInRoles } from '../support/accounts.js';
import type { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/** Forms for the role: what the database fills is never asked, and a record a role can only own is filled with its owner. */
let server: TestServer;
const ROLES = ['employee', 'hr_department', 'customer', 'customer_care'] as const;
type Role = (typeof ROLES)[number];
let as: Record<Role, ApiClient>;
let ids: Record<Role, string>;

beforeAll(async () => {
  server = await startTestServer();
  ({ as, ids } = await signInRoles(server, ROLES));
});
afterAll(() => server?.close());

const resourceOf = async (role: Role, name: string) =>
  ((await as[role]!.get('/api/meta')).json.resources as ResourceMeta[]).find((r) => r.name === name)!;
const field = (resource: ResourceMeta, name: string) => resource.fields.find((f) => f.name === name)!;

describe('forms for the role', () => {
  it('tell an employee that their leave requests are theirs, and HR that it picks the employee', async () => {
    const mine = await resourceOf('employee', 'leave_requests');
    expect(mine.ownerColumn).toBe('employee_id');
    expect(field(mine, 'applied_date').defaultIsNow).toBe(true);
    expect((await resourceOf('hr_department', 'leave_requests')).ownerColumn).toBeUndefined();
  });

  it("fill an employee's own leave request with them, and stamp when it was asked", async () => {
    const res = await as.employee!.post('/api/leave_requests', { leave_type: 'casual', from_date: '2031-05-04', to_date: '2031-05-05', total_days: 2, reason: 'Family visit' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.employee_id).toBe(ids.employee);
    expect(res.json.applied_date).toBeTruthy();
    // Naming someone else is still refused.
    const other = await server.db.knex('employees').whereNot({ id: ids.employee }).first('id');
    const theirs = await as.employee!.post('/api/leave_requests', { employee_id: other.id, leave_type: 'casual', from_date: '2031-05-06', to_date: '2031-05-06', total_days: 1, reason: 'Wedding' });
    expect(theirs.status, theirs.text).toBe(403);
    // HR, who may file for anyone, is not filled in: it must say whose request it is.
    const hr = await as.hr_department!.post('/api/leave_requests', { leave_type: 'casual', from_date: '2031-05-06', to_date: '2031-05-06', total_days: 1, reason: 'Wedding' });
    expect(hr.status).toBe(400);
    expect(hr.json.errors.employee_id).toBeTruthy();
  });

  it("keep a ticket's resolution, rating and a message's internal flag to customer care, and who sent it to the database", async () => {
    const tickets = await resourceOf('customer', 'support_tickets');
    expect(field(tickets, 'resolution_notes').readOnly).toBe(true);
    expect(field(tickets, 'satisfaction_rating').readOnly).toBe(true);
    expect(tickets.ownerColumn).toBe('customer_id');
    const messages = await resourceOf('customer', 'ticket_messages');
    expect(messages.fields.find((f) => f.name === 'is_internal')?.readOnly ?? true).toBe(true);
    expect(field(messages, 'sender_type').readOnly).toBe(true);
    expect(field(await resourceOf('customer_care', 'support_tickets'), 'resolution_notes').readOnly).toBe(false);

    const ticket = await as.customer!.post('/api/support_tickets', { subject: 'Therapist arrived late', description: 'Forty minutes late.', category: 'service_quality', resolution_notes: 'Closed by me' });
    expect(ticket.status, ticket.text).toBe(403);
    const plain = await as.customer!.post('/api/support_tickets', { subject: 'Therapist arrived late', description: 'Forty minutes late.', category: 'service_quality' });
    expect(plain.status, plain.text).toBe(201);
    expect(plain.json.customer_id).toBe(ids.customer);
    const message = await as.customer!.post('/api/ticket_messages', { ticket_id: plain.json.id, message: 'Any news?', sender_type: 'employee' });
    expect(message.status).toBe(403);
    const said = await as.customer!.post('/api/ticket_messages', { ticket_id: plain.json.id, message: 'Any news?' });
    expect(said.status, said.text).toBe(201);
    expect(said.json).toMatchObject({ sender_type: 'customer', sender_id: ids.customer });
  });
});
