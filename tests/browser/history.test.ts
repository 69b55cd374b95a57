import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ensureSpaBuilt } from '../../server/spa/ensureSpaBuilt.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { launchBrowser, listRows } from './browser.js';

/** A record's History tab: the database's audit trail of the record, field by field. */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureSpaBuilt(pino({ level: 'silent' }));
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.fill('input[name="username"]', demoEmail(role));
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.getByText('Welcome').waitFor();
  return page;
}

describe('the History tab', () => {
  it("shows an HR user's edit of an employee, who made it and the field's old and new value", async () => {
    const { rows } = await server.db.knex.raw(
      `SELECT e.id, e.designation FROM employees e
        WHERE NOT EXISTS (SELECT 1 FROM auth.users u WHERE u.id = e.id AND u.email LIKE '%@demo.gatehouse.dev')
        ORDER BY e.employee_code LIMIT 1`,
    );
    const employee = rows[0] as { id: string; designation: string };
    const designation = `${employee.designation} (acting lead)`;

    const page = await signIn('hr_department');
    await page.goto(`${server.url}/#/employees/${employee.id}`);
    const input = page.locator('input[name="designation"]');
    await input.waitFor();
    await input.fill(designation);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`#/employees/${employee.id}/show`));

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('list', { name: 'History' });
    await history.waitFor();
    const newest = history.locator('li[data-entry]').first();
    await expect(newest.getAttribute('data-operation')).resolves.toBe('UPDATE');
    await expect(newest.textContent()).resolves.toContain(demoEmail('hr_department'));
    const row = newest.locator('tr[data-field="designation"]');
    const cells = row.locator('td');
    await expect(cells.nth(0).textContent()).resolves.toBe('Designation');
    await expect(cells.nth(1).textContent()).resolves.toBe(employee.designation);
    await expect(cells.nth(2).textContent()).resolves.toBe(designation);
    // The seed's creation of the record is the oldest entry.
    await expect(history.locator('li[data-entry]').last().getAttribute('data-operation')).resolves.toBe('INSERT');

    const stored = await server.db.knex('audit_log').where({ table_name: 'employees', record_id: employee.id }).orderBy('id', 'desc').first();
    await expect(newest.getAttribute('data-entry')).resolves.toBe(String(stored.id));
    await page.context().close();
  });

  it('reads the audit log as entries about named records, each change field by field', async () => {
    const knex = server.db.knex;
    const employee = (await knex('employees').orderBy('employee_code').first('id', 'name', 'designation')) as { id: string; name: string; designation: string };
    // A change made outside the back-office is in the trail as well.
    await knex('employees').where({ id: employee.id }).update({ designation: `${employee.designation} (audited)` });
    const entry = await knex('audit_log').where({ table_name: 'employees', record_id: employee.id }).orderBy('id', 'desc').first('id');

    // Legal reads the trail, not the employees table: the record is still named.
    const page = await signIn('legal_department');
    await page.goto(`${server.url}/#/audit_log?filter=${encodeURIComponent(JSON.stringify({ table_name: ['employees'] }))}`);
    // Newest first: the change just made leads the list.
    const row = listRows(page).first();
    await row.waitFor();
    await expect.poll(() => row.locator('td.column-record_id').textContent()).toBe(employee.name);
    await expect(row.locator('td.column-table_name').textContent()).resolves.toBe('Employees');
    await expect(row.locator('td.column-operation').textContent()).resolves.toBe('Changed');
    const headers = await page.locator('thead th').allTextContents();
    expect(headers.join('|')).not.toMatch(/Record ID|Table name|\bID\b/);

    await row.click();
    await page.waitForURL(new RegExp(`#/audit_log/${entry.id}/show`));
    const changes = page.locator('[data-field="changes"]');
    const designation = changes.locator('tr[data-field="designation"] td');
    await designation.first().waitFor();
    await expect(designation.nth(1).textContent()).resolves.toBe(employee.designation);
    await expect(designation.nth(2).textContent()).resolves.toBe(`${employee.designation} (audited)`);
    await expect.poll(() => page.locator('header').first().textContent()).toMatch(/Audit log › Employees · /);
    await page.context().close();
  });
});
