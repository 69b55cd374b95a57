import { describe, expect, it } from 'vitest';
import { useSignedInBrowser } from './signedInBrowser.js';

/** A new record's form asks only what the person may set and the database does not fill itself. */
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
