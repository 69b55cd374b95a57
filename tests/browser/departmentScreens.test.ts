import { describe, expect, it } from 'vitest';
import { useSignedInBrowser } from './signedInBrowser.js';

/** Screens people work in all day: forms that ask only what they may set, values written as people write them. */
const session = useSignedInBrowser();

describe('forms for the role', () => {
  it('lets an employee ask for leave without picking themselves or typing the date they asked', async () => {
    const page = await session.signIn('employee');
    await page.goto(`${session.server.url}/#/leave_requests/create`);
    await page.locator('input[name="from_date"]').waitFor();
    for (const absent of ['employee_id', 'applied_date', 'status', 'approved_by', 'rejection_reason']) {
      await expect(page.locator(`[name="${absent}"]`).count(), absent).resolves.toBe(0);
    }
    await page.screenshot({ path: 'tests/artifacts/employee-new-leave.png' });
    // HR files leave for anyone: its form asks whose.
    const hr = await session.signIn('hr_department');
    await hr.goto(`${session.server.url}/#/leave_requests/create`);
    await hr.locator('input[name="from_date"]').waitFor();
    await expect(hr.locator('[name="employee_id"]').count()).resolves.toBe(1);
  });

  it("keeps a customer's new ticket to what a customer says", async () => {
    const page = await session.signIn('customer');
    await page.goto(`${session.server.url}/#/support_tickets/create`);
    await page.locator('input[name="subject"]').waitFor();
    for (const absent of ['customer_id', 'resolution_notes', 'satisfaction_rating', 'assigned_to', 'status']) {
      await expect(page.locator(`[name="${absent}"]`).count(), absent).resolves.toBe(0);
    }
  });
});

describe('values as people write them', () => {
  it("shows the role one works as, and a salary's month by name and year without separators", async () => {
    const page = await session.signIn('hr_department');
    const role = page.locator('[data-signed-in-role]');
    await role.waitFor();
    expect(await role.textContent()).toMatch(/^HR/i);
    await page.goto(`${session.server.url}/#/salary_records`);
    const months = page.locator('td.column-month');
    await months.first().waitFor();
    const names = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
    for (const text of await months.allTextContents()) expect(names).toContain(text.trim());
    for (const text of await page.locator('td.column-year').allTextContents()) expect(text.trim()).toMatch(/^20\d\d$/);
  });

  it('takes and shows dates as the pack writes them (en-IN: day/month/year), whatever the browser speaks', async () => {
    const knex = session.server.db.knex;
    const page = await session.signIn('employee');
    await page.goto(`${session.server.url}/#/leave_requests/create`);
    const from = page.locator('input[name="from_date"]');
    await from.waitFor();
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await page.getByLabel('Leave type').click();
    await page.getByRole('option', { name: 'Casual' }).click();
    await from.fill('31/02/2031');
    await page.locator('input[name="to_date"]').click();
    await page.getByText('Enter a date as dd/mm/yyyy.').waitFor();
    await from.fill('17/03/2031');
    await page.locator('input[name="to_date"]').fill('18/03/2031');
    const reason = `Sister's wedding ${Date.now()}`;
    await page.locator('textarea[name="reason"]').fill(reason);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    const stored = await knex('leave_requests').where({ reason }).first(knex.raw('from_date::text AS from_date'), knex.raw('to_date::text AS to_date'));
    expect(stored).toEqual({ from_date: '2031-03-17', to_date: '2031-03-18' });
    await expect.poll(() => page.locator('[data-field="from_date"]').textContent()).toContain('17 Mar 2031');
  });

  it("takes a moment's day in the pack's form and its time beside it", async () => {
    const knex = session.server.db.knex;
    const page = await session.signIn('marketing_department');
    await page.goto(`${session.server.url}/#/campaigns/create`);
    await page.locator('input[name="name"]').fill('Winter warmers');
    await page.locator('input[name="start_date"]').fill('20/10/2031');
    await page.locator('input[name="start_date__time"]').fill('09:30');
    const content = page.locator('[data-shape="content"]');
    await content.getByLabel('Subject').fill('Winter warmers');
    await content.getByLabel('Message').fill('Hot stone massages all winter.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    const expected = await page.evaluate(() => new Date(2031, 9, 20, 9, 30).toISOString());
    const stored = await knex('campaigns').where({ name: 'Winter warmers' }).first('start_date');
    expect(new Date(stored.start_date).toISOString()).toBe(expected);
    await expect.poll(() => page.locator('[data-field="start_date"]').textContent()).toMatch(/20 Oct 2031/);
  });

  it('titles a record no column names by whom it is about and when, never by its uuid', async () => {
    const knex = session.server.db.knex;
    const salary = await knex('salary_records as s').join('employees as e', 'e.id', 's.employee_id').first('s.id', 'e.name', 's.month', 's.year');
    const settlement = await knex('payment_settlements as p').join('vendors as v', 'v.id', 'p.vendor_id').where('p.status', 'pending').first('p.id', 'v.business_name');
    const page = await session.signIn('super_admin');
    const title = page.locator('#react-admin-title');
    await page.goto(`${session.server.url}/#/salary_records/${salary.id}/show`);
    const month = new Date(2000, salary.month - 1, 1).toLocaleString('en-IN', { month: 'long' });
    await expect.poll(() => title.textContent()).toBe(`Salary records › ${salary.name} · ${month} ${salary.year}`);
    await page.goto(`${session.server.url}/#/payment_settlements/${settlement.id}`);
    await expect.poll(() => title.textContent()).toMatch(new RegExp(`^Payment settlements › Edit ${settlement.business_name} · \\d+ \\w+ \\d{4} – \\d+ \\w+ \\d{4}$`));
    expect(await page.locator('body').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });
});

describe('forms for the moment', () => {
  it('names a decision by the step that made it, and hides who decided until someone has', async () => {
    const knex = session.server.db.knex;
    const rejected = await knex('leave_requests').where({ status: 'rejected' }).whereNotNull('approved_by').first('id');
    const pending = await knex('leave_requests').where({ status: 'pending' }).first('id');
    const page = await session.signIn('hr_department');
    await page.goto(`${session.server.url}/#/leave_requests/${rejected.id}/show`);
    const decided = page.locator('[data-field="approved_by"]');
    await decided.waitFor();
    expect(await decided.textContent()).toMatch(/^Rejected by/);
    await page.goto(`${session.server.url}/#/leave_requests/${pending.id}/show`);
    await page.locator('[data-field="reason"]').waitFor();
    await expect(page.locator('[data-field="approved_by"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-field="approved_date"]').count()).resolves.toBe(0);
  });

  it("says an edit of what was approved sends it back, and fixes it once it is paid", async () => {
    const knex = session.server.db.knex;
    const processed = await knex('salary_records').where({ status: 'processed' }).first('id');
    const paid = await knex('salary_records').where({ status: 'paid' }).first('id');
    const page = await session.signIn('hr_department');
    await page.goto(`${session.server.url}/#/salary_records/${processed.id}`);
    const notice = page.locator('[data-covered-notice]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^This salary record is processed \(Process\)\. Changing .*basic salary.* sends it back to pending: it must go through "Process" again\.$/);
    await expect(page.locator('input[name="bonus"]').isDisabled()).resolves.toBe(false);
    await page.goto(`${session.server.url}/#/salary_records/${paid.id}`);
    await page.locator('input[name="bonus"]').waitFor();
    await expect(page.locator('input[name="bonus"]').isDisabled()).resolves.toBe(true);
    await expect(page.getByText('Fixed: this salary record was approved (Process) and is paid.').first().isVisible()).resolves.toBe(true);
    // What no approval covers stays open (the payment's reference is set when it is paid, not approved).
    await expect(page.locator('input[name="notes"], textarea[name="notes"]').first().isDisabled()).resolves.toBe(false);
  });
});

describe('bulk steps', () => {
  it('offers a step for the selected records only where every one of them may take it', async () => {
    const page = await session.signIn('finance_department');
    await page.goto(`${session.server.url}/#/payment_settlements?filter=${encodeURIComponent(JSON.stringify({ status: ['pending', 'completed'] }))}&perPage=100`);
    const pending = page.locator('.RaDatagrid-tbody tr', { hasText: 'Pending' }).first();
    const completed = page.locator('.RaDatagrid-tbody tr', { hasText: 'Completed' }).first();
    await pending.waitFor();
    await pending.locator('input[type="checkbox"]').check();
    const toolbar = page.locator('.RaBulkActionsToolbar-toolbar');
    await toolbar.getByRole('button', { name: 'Approve' }).waitFor();
    await completed.locator('input[type="checkbox"]').check();
    await expect.poll(() => toolbar.getByRole('button', { name: 'Approve' }).count()).toBe(0);
  });
});

