import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { signInRoles } from '../support/accounts.js';
import { ApiClient } from '../support/httpClient.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { asCaller } from '../security/enforcers.js';
import { sqlStateOf } from '../support/sqlState.js';

/** The department workflows through the API as the real roles, and the database's own guard. */
let server: TestServer;
const ROLES = ['accounts_department', 'finance_department', 'hr_department', 'employee', 'directors', 'marketing_department', 'customer_care'] as const;
let as: Record<(typeof ROLES)[number], ApiClient>;
let ids: Record<(typeof ROLES)[number], string>;
const knex = () => server.db.knex;

beforeAll(async () => {
  server = await startTestServer();
  ({ as, ids } = await signInRoles(server, ROLES));
});
afterAll(() => server?.close());

async function newSettlement(by: ApiClient) {
  const vendor = await knex()('vendors').first('id');
  const res = await by.post('/api/payment_settlements', {
    vendor_id: vendor.id,
    settlement_period_start: '2026-10-01',
    settlement_period_end: '2026-10-31',
    total_bookings: 3,
    gross_amount: 3000,
    commission_amount: 450,
    tds_amount: 30,
    adjustment_amount: 0,
    net_settlement_amount: 2520,
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; status: string; prepared_by: string };
}

describe('vendor settlements', () => {
  it('are prepared by accounts, approved by finance and never by their preparer', async () => {
    const settlement = await newSettlement(as.accounts_department!);
    expect(settlement.status).toBe('pending');
    expect(settlement.prepared_by).toBe(ids.accounts_department);
    expect((await as.accounts_department!.post(`/api/payment_settlements/${settlement.id}/approve`)).status).toBe(403);

    const own = await newSettlement(as.finance_department!);
    const self = await as.finance_department!.post(`/api/payment_settlements/${own.id}/approve`);
    expect(self.status).toBe(403);
    expect(self.json.message).toMatch(/own/);
    // The database refuses the same, even when asked in SQL with the transition named.
    const sql = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.finance_department!, role: 'finance_department' }, async (trx) => {
        await trx.raw(`SELECT set_config('app.action', 'approve', true)`);
        await trx('payment_settlements').where({ id: own.id }).update({ status: 'processing' });
      }),
    );
    expect(sql).toBe('42501');

    const approved = await as.finance_department!.post(`/api/payment_settlements/${settlement.id}/approve`);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ status: 'processing', approved_by: ids.finance_department });

    const missing = await as.finance_department!.post(`/api/payment_settlements/${settlement.id}/complete`, {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.json.errors).sort()).toEqual(['payment_date', 'payment_reference']);
    expect(missing.json.message).toBe('Mark paid needs payment reference and payment date.');
    const paid = await as.finance_department!.post(`/api/payment_settlements/${settlement.id}/complete`, {
      payment_reference: 'UTR-2026-1101',
      payment_date: '2026-11-02T10:00:00Z',
    });
    expect(paid.status, paid.text).toBe(200);
    expect(paid.json).toMatchObject({ status: 'completed', payment_reference: 'UTR-2026-1101' });
    const again = await as.finance_department!.post(`/api/payment_settlements/${settlement.id}/approve`);
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('Approve is only possible while the payment settlement is pending; it is completed now.');
    expect(again.json.record.status).toBe('completed');
  });

  it('never change status by a plain edit, through the API or in SQL', async () => {
    const settlement = await newSettlement(as.accounts_department!);
    const res = await as.accounts_department!.put(`/api/payment_settlements/${settlement.id}`, { status: 'completed' });
    expect(res.status).toBe(409);
    expect(res.json.errors).toHaveProperty('status');
    expect(res.json.message).toMatch(/^The status of a payment settlement changes only through its actions \(approve, /);
    const created = await as.accounts_department!.post('/api/payment_settlements', { ...settlement, id: undefined, status: 'completed' });
    expect(created.status).toBe(400);
    const sql = await sqlStateOf(() =>
      asCaller(knex(), { id: ids.accounts_department!, role: 'accounts_department' }, (trx) =>
        trx('payment_settlements').where({ id: settlement.id }).update({ status: 'completed' }),
      ),
    );
    expect(sql).toBe('55000');
    expect((await knex()('payment_settlements').where({ id: settlement.id }).first('status')).status).toBe('pending');
  });
});

describe('leave requests', () => {
  async function fileLeave(by: ApiClient, employeeId: string, day: string) {
    const res = await by.post('/api/leave_requests', { employee_id: employeeId, leave_type: 'casual', from_date: day, to_date: day, reason: 'Personal work' });
    expect(res.status, res.text).toBe(201);
    return res.json as { id: string };
  }

  it('are approved by HR, never by the employee, and cancelled only by their owner', async () => {
    const leave = await fileLeave(as.employee!, ids.employee!, '2026-12-28');
    expect((await as.employee!.post(`/api/leave_requests/${leave.id}/approve`)).status).toBe(403);
    const meta = await as.employee!.get('/api/meta');
    const transitions = meta.json.resources.find((r: { name: string }) => r.name === 'leave_requests').workflow.transitions;
    expect(transitions.map((t: { name: string }) => t.name)).toEqual(['cancel']);

    const rejected = await as.hr_department!.post(`/api/leave_requests/${leave.id}/reject`, {});
    expect(rejected.status).toBe(400);
    expect(rejected.json.message).toBe('Reject needs rejection reason.');
    expect(rejected.json.errors).toHaveProperty('rejection_reason');
    const approved = await as.hr_department!.post(`/api/leave_requests/${leave.id}/approve`);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', approved_by: ids.hr_department });
    expect((await as.employee!.post(`/api/leave_requests/${leave.id}/cancel`)).status).toBe(409);

    const backwards = await as.employee!.post('/api/leave_requests', { employee_id: ids.employee, leave_type: 'casual', from_date: '2026-12-20', to_date: '2026-12-18', reason: 'Dates swapped' });
    expect(backwards.status).toBe(400);
    expect(backwards.json.message).toBe('To date must be on or after from date.');
    expect(backwards.json.errors.to_date).toBe('To date must be on or after from date.');

    const mine = await fileLeave(as.employee!, ids.employee!, '2026-12-29');
    expect((await as.hr_department!.post(`/api/leave_requests/${mine.id}/cancel`)).status).toBe(403);
    const cancelled = await as.employee!.post(`/api/leave_requests/${mine.id}/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
  });

  it('are never approved by the approver for themselves', async () => {
    const own = await fileLeave(as.hr_department!, ids.hr_department!, '2026-12-30');
    const res = await as.hr_department!.post(`/api/leave_requests/${own.id}/approve`);
    expect(res.status).toBe(403);
    // Directors may approve (they hold approve on hr, not update).
    const byDirector = await as.directors!.post(`/api/leave_requests/${own.id}/approve`);
    expect(byDirector.status, byDirector.text).toBe(200);
  });

  it('let exactly one of many simultaneous approvals win; the others get 409 and the state', async () => {
    const leave = await fileLeave(as.employee!, ids.employee!, '2026-12-31');
    const approvers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new ApiClient(server.url);
        await client.login(demoEmail('hr_department'), DEMO_PASSWORD);
        return client;
      }),
    );
    const answers = await Promise.all(approvers.map((c) => c.post(`/api/leave_requests/${leave.id}/approve`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.json.record.status).toBe('approved');
    // The trail holds exactly one transition, by one of them.
    const trail = await knex()('audit_log').where({ table_name: 'leave_requests', record_id: leave.id, action: 'approve' }).select('user_role', 'operation');
    expect(trail).toEqual([{ user_role: 'hr_department', operation: 'UPDATE' }]);
  });

  it('run in bulk, all or nothing', async () => {
    const a = await fileLeave(as.employee!, ids.employee!, '2027-01-04');
    const b = await fileLeave(as.employee!, ids.employee!, '2027-01-05');
    const own = await fileLeave(as.hr_department!, ids.hr_department!, '2027-01-06');
    const refused = await as.hr_department!.post('/api/leave_requests/approve', { ids: [a.id, own.id] });
    expect(refused.status).toBe(403);
    expect(refused.json.id).toBe(own.id);
    expect((await knex()('leave_requests').where({ id: a.id }).first('status')).status).toBe('pending');
    const done = await as.hr_department!.post('/api/leave_requests/approve', { ids: [a.id, b.id] });
    expect(done.status, done.text).toBe(200);
    expect(done.json.map((r: { status: string }) => r.status)).toEqual(['approved', 'approved']);
  });
});

describe('edits', () => {
  it('carry the version the user saw: a stale form cannot overwrite a newer change', async () => {
    const campaign = (await as.marketing_department!.get(`/api/campaigns?range=${encodeURIComponent('[0,0]')}`)).json[0];
    const first = await as.marketing_department!.put(`/api/campaigns/${campaign.id}`, { ...campaign, name: `${campaign.name} (A)` });
    expect(first.status, first.text).toBe(200);
    const stale = await as.marketing_department!.put(`/api/campaigns/${campaign.id}`, { ...campaign, name: `${campaign.name} (B)` });
    expect(stale.status).toBe(409);
    expect(stale.json.record.name).toBe(`${campaign.name} (A)`);
    const fresh = await as.marketing_department!.put(`/api/campaigns/${campaign.id}`, { ...first.json, name: `${campaign.name} (C)` });
    expect(fresh.status).toBe(200);
  });

  it('keep campaigns from being approved by their creator', async () => {
    const draft = await knex()('campaigns').where({ status: 'draft', created_by: ids.marketing_department }).first('id');
    const other = await knex()('campaigns').where({ status: 'draft' }).whereNot({ created_by: ids.directors }).first('id');
    if (draft) expect((await as.marketing_department!.post(`/api/campaigns/${draft.id}/approve`)).status).toBe(403);
    const approved = await as.directors!.post(`/api/campaigns/${other.id}/approve`);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ status: 'scheduled', approved_by: ids.directors });
  });
});

describe('settlement generation', () => {
  it('computes each vendor’s net from the period’s payments, as the books do, and never settles a payment twice', async () => {
    // Last month's settlements are still pending: withdraw them (their payments become unsettled) and generate again.
    const { rows: months } = await knex().raw(`SELECT settlement_period_start::text AS start, settlement_period_end::text AS end
      FROM payment_settlements WHERE status = 'pending' ORDER BY 1 DESC LIMIT 1`);
    const period = { period_start: months[0].start, period_end: months[0].end };
    const before = await knex()('payment_settlements')
      .where({ settlement_period_start: period.period_start, status: 'pending' })
      .whereExists((q) => q.select(knex().raw('1')).from('payments').whereRaw('payments.settlement_id = payment_settlements.id'))
      .select('*');
    await knex()('payment_settlements').whereIn('id', before.map((s) => s.id)).delete();

    expect((await as.marketing_department!.post('/api/payment_settlements/generate', period)).status).toBe(403);
    const bad = await as.accounts_department!.post('/api/payment_settlements/generate', { period_start: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toMatchObject({ period_start: expect.any(String), period_end: 'Required.' });

    const res = await as.accounts_department!.post('/api/payment_settlements/generate', period);
    expect(res.status, res.text).toBe(200);
    const settlements = res.json as Record<string, string | number>[];
    expect(settlements.length).toBe(before.length);
    for (const s of settlements) {
      const n = (k: string) => Number(s[k]);
      expect(n('net_settlement_amount')).toBeCloseTo(n('gross_amount') - n('commission_amount') - n('tds_amount') + n('adjustment_amount'), 2);
      expect(s).toMatchObject({ status: 'pending', prepared_by: ids.accounts_department });
      const vendor = await knex()('vendors').where({ id: s.vendor_id }).first('commission_rate');
      expect(n('commission_amount')).toBeCloseTo((n('gross_amount') * Number(vendor.commission_rate)) / 100, 2);
      const { rows } = await knex().raw(`SELECT round(sum(amount - discount_amount), 2) AS gross, count(DISTINCT booking_id)::int AS bookings FROM payments WHERE settlement_id = ?`, [String(s.id)]);
      expect(Number(rows[0].gross)).toBeCloseTo(n('gross_amount'), 2);
      expect(rows[0].bookings).toBe(n('total_bookings'));
      // The same figures the books had for this vendor and month.
      const old = before.find((b) => b.vendor_id === s.vendor_id)!;
      expect(n('net_settlement_amount')).toBeCloseTo(Number(old.net_settlement_amount), 2);
    }
    // Again, overlapping: every payment of the period is taken, so nothing new is settled.
    const again = await as.finance_department!.post('/api/payment_settlements/generate', { ...period, period_start: '2026-01-01' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual([]);
    // And a payment never moves to a second settlement, even for the owner in SQL.
    const taken = await knex()('payments').where({ settlement_id: settlements[0]!.id }).first('id');
    const moved = await sqlStateOf(() => knex()('payments').where({ id: taken.id }).update({ settlement_id: settlements[1]?.id ?? before[0].id }));
    expect(moved).toBe('23505');
  });
});

describe('the payroll run', () => {
  it('is refused for a month that has not ended, unless confirmed', async () => {
    const { rows } = await knex().raw(`SELECT extract(year FROM current_date)::int AS year, extract(month FROM current_date)::int AS month`);
    const month = rows[0] as { year: number; month: number };
    const made = () => knex()('salary_records').where(month).count<{ n: string }[]>('* as n').then((r) => Number(r[0]!.n));
    const before = await made();
    const preview = await as.hr_department!.post('/api/salary_records/run_payroll', { ...month, preview: true });
    expect(preview.json.period.ended).toBe(false);
    const refused = await as.hr_department!.post('/api/salary_records/run_payroll', month);
    expect(refused.status).toBe(409);
    expect(refused.json.message).toMatch(/^\w+ \d{4} has not ended \(it ends on \d+ \w+ \d{4}\): run payroll for it only on purpose, by confirming\.$/);
    expect(await made()).toBe(before);
    const confirmed = await as.hr_department!.post('/api/salary_records/run_payroll', { ...month, confirmed: true });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(await made()).toBe(before + preview.json.count);
  });

  it('creates the month’s salaries once, deducts unpaid leave, and is processed by someone else', async () => {
    const employee = ids.employee!;
    await knex()('leave_requests').insert({ employee_id: employee, leave_type: 'unpaid', from_date: '2026-11-10', to_date: '2026-11-11', reason: 'Personal', status: 'approved' });
    expect((await as.marketing_department!.post('/api/salary_records/run_payroll', { year: 2026, month: 11 })).status).toBe(403);
    expect((await as.hr_department!.post('/api/salary_records/run_payroll', { year: 2026, month: 13 })).status).toBe(400);

    const novemberRows = () => knex()('salary_records').where({ year: 2026, month: 11 }).count<{ n: string }[]>('* as n').then((r) => Number(r[0]!.n));
    const before = await novemberRows();
    const preview = await as.hr_department!.post('/api/salary_records/run_payroll', { year: 2026, month: 11, preview: true });
    expect(preview.status, preview.text).toBe(200);
    expect(await novemberRows()).toBe(before); // a preview leaves nothing behind

    const res = await as.hr_department!.post('/api/salary_records/run_payroll', { year: 2026, month: 11 });
    expect(res.status, res.text).toBe(200);
    // The preview said what the run did: as many salaries, the same totals, a month that has ended.
    const total = (field: string) => (res.json as Record<string, unknown>[]).reduce((sum, r) => sum + Number(r[field]), 0);
    expect(preview.json.count).toBe(res.json.length);
    expect(preview.json.period).toEqual({ label: 'November 2026', ends: '30 Nov 2026', ended: true });
    expect(preview.json.sums.map((x: { field: string }) => x.field)).toEqual(['gross_salary', 'net_salary']);
    expect(preview.json.sums[1].total).toBeCloseTo(total('net_salary'), 2);
    const { rows } = await knex().raw(
      `SELECT count(*)::int AS n FROM employees e WHERE e.status IN ('active', 'on_leave') AND e.joining_date <= '2026-11-30'
         AND (e.last_working_date IS NULL OR e.last_working_date >= '2026-11-01')
         AND EXISTS (SELECT 1 FROM salary_records s WHERE s.employee_id = e.id)`,
    );
    expect(res.json).toHaveLength(rows[0].n);
    for (const s of res.json as Record<string, unknown>[]) {
      const sum = (o: unknown) => Object.values(o as Record<string, number>).reduce((a, b) => a + Number(b), 0);
      expect(Number(s.gross_salary)).toBeCloseTo(Number(s.basic_salary) + sum(s.allowances) + Number(s.overtime_amount), 2);
      expect(Number(s.total_deductions)).toBeCloseTo(sum(s.deductions), 2);
      expect(Number(s.net_salary)).toBeCloseTo(Number(s.gross_salary) - Number(s.total_deductions), 2);
      expect(s.status).toBe('pending');
    }
    const mine = (res.json as Record<string, any>[]).find((s) => s.employee_id === employee)!;
    expect(mine.deductions.unpaid_leave).toBe(Math.round((Number(mine.basic_salary) / 30) * 2));

    const again = await as.hr_department!.post('/api/salary_records/run_payroll', { year: 2026, month: 11 });
    expect(again.json).toEqual([]);

    const hrOwn = (res.json as Record<string, any>[]).find((s) => s.employee_id === ids.hr_department);
    if (hrOwn) expect((await as.hr_department!.post(`/api/salary_records/${hrOwn.id}/process`)).status).toBe(403);
    const processed = await as.hr_department!.post(`/api/salary_records/${mine.id}/process`);
    expect(processed.status, processed.text).toBe(200);
    expect(processed.json).toMatchObject({ status: 'processed', processed_by: ids.hr_department });
  });
});

describe('the leave queue', () => {
  it('shows HR each request with the balance left and the overlapping absences, and nobody outside HR', async () => {
    const day = '2027-03-10';
    const leave = (await as.employee!.post('/api/leave_requests', { employee_id: ids.employee, leave_type: 'casual', from_date: day, to_date: '2027-03-11', reason: 'Travel' })).json;
    const { rows: taken } = await knex().raw(
      `SELECT coalesce(sum(total_days), 0)::int AS n FROM leave_requests WHERE employee_id = ? AND leave_type = 'casual' AND status = 'approved' AND date_part('year', from_date) = 2027`,
      [ids.employee!],
    );
    const res = await as.hr_department!.get(`/api/leave_queue/${leave.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ entitled_days: 12, taken_days: taken[0].n, balance_after: 12 - taken[0].n - 2, status: 'pending' });
    const { rows: overlap } = await knex().raw(
      `SELECT count(*)::int AS n FROM leave_requests o JOIN employees oe ON oe.id = o.employee_id
        WHERE oe.department = (SELECT department FROM employees WHERE id = ?) AND o.id <> ? AND o.status IN ('approved', 'pending')
          AND o.from_date <= '2027-03-11' AND o.to_date >= ?`,
      [ids.employee!, leave.id, day],
    );
    expect(res.json.overlapping_in_department).toBe(overlap[0].n);
    expect((await as.marketing_department!.get('/api/leave_queue')).status).toBe(403);
  });
});
