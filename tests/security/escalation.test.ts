import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient, listQuery } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { asCaller } from './enforcers.js';
import { sqlStateOf } from '../support/sqlState.js';

/** Attempts to reach beyond one's grant: each is refused by the API and by the database, and changes nothing. */
let server: TestServer;
const ids: Record<string, string> = {};
const clients: Record<string, ApiClient> = {};
const ROLES_USED = ['admin', 'super_admin', 'employee', 'vendor', 'customer', 'marketing_department', 'hr_department', 'therapist'] as const;

async function signIn(role: (typeof ROLES_USED)[number]) {
  clients[role] = new ApiClient(server.url);
  await clients[role].login(demoEmail(role), DEMO_PASSWORD);
}
const knex = () => server.db.knex;

beforeAll(async () => {
  server = await startTestServer();
  const users = await knex()('auth.users').whereIn('email', ROLES_USED.map(demoEmail)).select('id', 'email');
  for (const role of ROLES_USED) ids[role] = users.find((u) => u.email === demoEmail(role))!.id;
  await Promise.all(ROLES_USED.map(signIn));
});
afterAll(() => server?.close());

describe('a role changing its own role', () => {
  it('is refused to an admin, who may edit profiles but not roles', async () => {
    const res = await clients.admin!.put(`/api/user_profiles/${ids.admin}`, { role: 'super_admin' });
    expect(res.status).toBe(403);
    expect(res.json.errors).toHaveProperty('role');
    const code = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.admin!, role: 'admin' }, (trx) => trx('user_profiles').where({ id: ids.admin }).update({ role: 'super_admin' })),
    );
    expect(code).toBe('42501');
    expect((await knex()('user_profiles').where({ id: ids.admin }).first('role')).role).toBe('admin');
  });

  it('is refused even to super_admin, for their own profile, while another user’s role may change', async () => {
    const own = await clients.super_admin!.put(`/api/user_profiles/${ids.super_admin}`, { status: 'suspended' });
    expect(own.status).toBe(403);
    const code = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.super_admin!, role: 'super_admin' }, (trx) =>
        trx('user_profiles').where({ id: ids.super_admin }).update({ status: 'suspended' }),
      ),
    );
    expect(code).toBe('42501');
    const other = await clients.super_admin!.put(`/api/user_profiles/${ids.therapist}`, { role: 'employee' });
    expect(other.status).toBe(200);
    // The profile's role is the role the next session carries.
    const session = await knex()('auth.users').where({ id: ids.therapist }).first('raw_app_meta_data');
    expect(session.raw_app_meta_data.role).toBe('employee');
    await knex()('user_profiles').where({ id: ids.therapist }).update({ role: 'therapist' });
  });
});

describe('a session role changed behind the profile', () => {
  it('is refused to super_admin on their own user, and only super_admin may set another user’s', async () => {
    const own = await clients.super_admin!.put(`/api/auth.users/${ids.super_admin}`, { raw_app_meta_data: { role: 'customer' } });
    expect(own.status).toBe(403);
    expect(own.json.errors).toHaveProperty('raw_app_meta_data');
    const code = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.super_admin!, role: 'super_admin' }, (trx) =>
        trx('auth.users').where({ id: ids.super_admin }).update({ raw_app_meta_data: JSON.stringify({ role: 'customer' }) }),
      ),
    );
    expect(code).toBe('42501');
    const users = await knex()('auth.users').where({ id: ids.super_admin }).first('raw_app_meta_data');
    expect(users.raw_app_meta_data.role).toBe('super_admin');
    // The matrix does not give auth.users to admin, and even granted the column stays closed.
    await knex()('role_permissions').insert({ role_id: 'admin', module_id: 'administration', sub_module_id: 'auth.users', permissions: ['read', 'update'] });
    const admin = await clients.admin!.put(`/api/auth.users/${ids.therapist}`, { raw_app_meta_data: { role: 'super_admin' } });
    expect(admin.status).toBe(403);
    const dbAdmin = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.admin!, role: 'admin' }, (trx) =>
        trx('auth.users').where({ id: ids.therapist }).update({ raw_app_meta_data: JSON.stringify({ role: 'super_admin' }) }),
      ),
    );
    expect(dbAdmin).toBe('42501');
    await knex()('role_permissions').where({ role_id: 'admin', sub_module_id: 'auth.users' }).delete();
  });
});

describe('an employee approving their own leave', () => {
  it('is refused through update, through create, and in the database', async () => {
    const leave = await knex()('leave_requests').where({ employee_id: ids.employee }).first('id', 'status');
    expect(leave).toBeDefined();
    const update = await clients.employee!.put(`/api/leave_requests/${leave.id}`, { status: 'approved' });
    expect(update.status).toBe(403);
    const leaveRequest = { employee_id: ids.employee, leave_type: 'casual', from_date: '2026-12-20', to_date: '2026-12-21', reason: 'Family visit' };
    const create = await clients.employee!.post('/api/leave_requests', { ...leaveRequest, status: 'approved' });
    expect(create.status).toBe(400);
    expect(create.json.errors).toHaveProperty('status');
    const preApproved = await clients.employee!.post('/api/leave_requests', { ...leaveRequest, approved_by: ids.employee });
    expect(preApproved.status).toBe(403);
    expect((await clients.employee!.post(`/api/leave_requests/${leave.id}/approve`)).status).toBe(403);
    // Filing it as pending is the employee's right.
    const pending = await clients.employee!.post('/api/leave_requests', leaveRequest);
    expect(pending.status).toBe(201);
    expect(pending.json.status).toBe('pending');
    for (const attempt of [
      (trx: any) => trx('leave_requests').where({ id: leave.id }).update({ status: 'approved' }).returning('id'),
      (trx: any) =>
        trx('leave_requests').insert({ employee_id: ids.employee, leave_type: 'sick', from_date: '2026-12-22', to_date: '2026-12-22', reason: 'x', status: 'approved' }),
    ]) {
      const outcome = await asCaller(knex(), { id: ids.employee!, role: 'employee' }, async (trx) => {
        try {
          const rows = await attempt(trx);
          return Array.isArray(rows) && rows.length === 0 ? 'no rows' : 'written';
        } catch (err) {
          return (err as { code: string }).code;
        }
      });
      // Refused by a privilege or policy, or by the workflow guard (a new request starts pending).
      expect(['42501', '55000', 'no rows']).toContain(outcome);
    }
    expect((await knex()('leave_requests').where({ id: leave.id }).first('status')).status).toBe(leave.status);
  });
});

describe('a forged filter or id', () => {
  it('never reaches another vendor’s bookings or settlements', async () => {
    const other = await knex()('bookings').whereNot({ vendor_id: ids.vendor }).first('id', 'vendor_id');
    const vendor = clients.vendor!;
    const filtered = await vendor.get(`/api/bookings${listQuery({ filter: { vendor_id: other.vendor_id }, range: [0, 9] })}`);
    expect(filtered.status).toBe(200);
    expect(filtered.json).toEqual([]);
    const many = await vendor.get(`/api/bookings${listQuery({ filter: { id: [other.id] } })}`);
    expect(many.json).toEqual([]);
    expect((await vendor.get(`/api/bookings/${other.id}`)).status).toBe(404);
    expect((await vendor.put(`/api/bookings/${other.id}`, { special_instructions: 'mine now' })).status).toBe(404);
    const settlement = await knex()('payment_settlements').whereNot({ vendor_id: ids.vendor }).first('id');
    expect((await vendor.get(`/api/payment_settlements/${settlement.id}`)).status).toBe(404);
    const own = await vendor.get(`/api/payment_settlements${listQuery({ range: [0, 999] })}`);
    expect(own.json.length).toBeGreaterThan(0);
    expect(own.json.every((s: { vendor_id: string }) => s.vendor_id === ids.vendor)).toBe(true);
  });

  it('cannot move an own row to another owner', async () => {
    const mine = await knex()('bookings').where({ vendor_id: ids.vendor }).first('id');
    const other = await knex()('vendors').whereNot({ id: ids.vendor }).first('id');
    const res = await clients.vendor!.put(`/api/bookings/${mine.id}`, { vendor_id: other.id });
    expect(res.status).toBe(403);
    expect((await knex()('bookings').where({ id: mine.id }).first('vendor_id')).vendor_id).toBe(ids.vendor);
  });

  it('shows an employee only their own salary records', async () => {
    const res = await clients.employee!.get(`/api/salary_records${listQuery({ range: [0, 999] })}`);
    expect(res.status).toBe(200);
    expect(res.json.length).toBeGreaterThan(0);
    expect(res.json.every((r: { employee_id: string }) => r.employee_id === ids.employee)).toBe(true);
    const forged = await clients.employee!.get(`/api/salary_records${listQuery({ filter: { employee_id: ids.hr_department } })}`);
    expect(forged.json).toEqual([]);
  });

  it('does not let a customer book in someone else’s name', async () => {
    const booking = await knex()('bookings').where({ customer_id: ids.customer }).first();
    const other = await knex()('customers').whereNot({ id: ids.customer }).first('id');
    // (Whether a booking is paid is the business's to say, never the customer's: left out.)
    const { id: _id, booking_number: _n, created_at: _c, updated_at: _u, payment_status: _p, ...copy } = booking;
    const count = async () => Number((await knex()('bookings').where({ customer_id: other.id }).count('* as n').first())!.n);
    const before = await count();
    const res = await clients.customer!.post('/api/bookings', { ...copy, customer_id: other.id });
    expect(res.status).toBe(403);
    expect(await count()).toBe(before);
    const own = await clients.customer!.post('/api/bookings', { ...copy, customer_id: ids.customer });
    expect(own.status).toBe(201);
  });
});

describe('bank details', () => {
  it('cannot be written without the right, even with update on the table, by the API or the database', async () => {
    // Give marketing update on employees: the field restriction must still hold.
    await knex()('role_permissions').insert({ role_id: 'marketing_department', module_id: 'hr', sub_module_id: 'employees', permissions: ['read', 'update'] });
    const employee = await knex()('employees').where({ id: ids.employee }).first('id', 'bank_details');
    const read = await clients.marketing_department!.get(`/api/employees/${employee.id}`);
    expect(read.status).toBe(200);
    expect(read.json).not.toHaveProperty('bank_details');
    const write = await clients.marketing_department!.put(`/api/employees/${employee.id}`, { bank_details: { account_number: '1' } });
    expect(write.status).toBe(403);
    expect(write.json.errors).toHaveProperty('bank_details');
    const code = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.marketing_department!, role: 'marketing_department' }, (trx) =>
        trx('employees').where({ id: employee.id }).update({ bank_details: JSON.stringify({ account_number: '1' }) }),
      ),
    );
    expect(code).toBe('42501');
    expect((await knex()('employees').where({ id: employee.id }).first('bank_details')).bank_details).toEqual(employee.bank_details);
    // HR may, and the owner sees their own.
    const hr = await clients.hr_department!.get(`/api/employees/${employee.id}`);
    expect(hr.json).toHaveProperty('bank_details');
    const own = await clients.employee!.get(`/api/employees/${employee.id}`);
    expect(own.json).toHaveProperty('bank_details');
  });

  it('never sends password hashes, whoever asks', async () => {
    const res = await clients.super_admin!.get(`/api/auth.users${listQuery({ range: [0, 4] })}`);
    expect(res.status).toBe(200);
    expect(res.json.length).toBeGreaterThan(0);
    for (const row of res.json) expect(row).not.toHaveProperty('encrypted_password');
  });
});
