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

