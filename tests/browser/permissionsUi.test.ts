import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { useSignedInBrowser } from './signedInBrowser.js';
import { listRows } from './browser.js';

const session = useSignedInBrowser();
const { signIn } = session;

const menu = (page: Page) => page.locator('.RaMenu-open');
const rowsOf = listRows;
const notAllowed = (page: Page) => page.getByRole('heading', { name: 'Not allowed', level: 1 });

async function firstId(table: string): Promise<string> {
  const { rows } = await session.server.db.knex.raw(`SELECT id FROM ${table} ORDER BY id LIMIT 1`);
  return String(rows[0].id);
}

describe('the SPA follows the role matrix', () => {
  it('shows marketing its modules only, and the list buttons its actions allow', async () => {
    const page = await signIn('marketing_department');
    await menu(page).locator('[data-module="marketing"]').click();
    await menu(page).getByRole('menuitem', { name: 'Campaigns' }).waitFor();
    await expect(menu(page).locator('[data-module="hr"]').count()).resolves.toBe(0);
    await expect(page.getByText('Salary records').count()).resolves.toBe(0);

    // campaigns: marketing RCUDE
    await page.goto(`${session.server.url}/#/campaigns`);
    await rowsOf(page).first().waitFor();
    await page.getByRole('link', { name: 'Create' }).waitFor();
    await page.getByRole('link', { name: 'Export' }).waitFor();
    await expect(page.locator('table thead input[type="checkbox"]').count()).resolves.toBe(1); // bulk delete

    // customers: marketing RE, so no Create and no bulk delete, but Export
    await page.goto(`${session.server.url}/#/customers`);
    await rowsOf(page).first().waitFor();
    await page.getByRole('link', { name: 'Export' }).waitFor();
    await expect(page.getByRole('link', { name: 'Create' }).count()).resolves.toBe(0);
    await expect(page.locator('table input[type="checkbox"]').count()).resolves.toBe(0);

    // services: marketing R only
    await page.goto(`${session.server.url}/#/services`);
    await rowsOf(page).first().waitFor();
    await expect(page.getByRole('link', { name: 'Export' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Create' }).count()).resolves.toBe(0);
  });

  it('offers neither Edit nor Delete on a record the role may only read, and no Delete on one it may only update', async () => {
    const customer = await firstId('customers');
    const page = await signIn('marketing_department');
    await page.goto(`${session.server.url}/#/customers/${customer}/show`);
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    await expect(page.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);

    // customer_data: customers RUE, so the edit form saves but cannot delete
    const editor = await signIn('customer_data');
    await editor.goto(`${session.server.url}/#/customers/${customer}/show`);
    await editor.getByRole('tab', { name: 'Details' }).waitFor();
    await editor.getByRole('link', { name: 'Edit' }).waitFor();
    await expect(editor.getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);
    await editor.getByRole('link', { name: 'Edit' }).click();
    await editor.getByRole('button', { name: 'Save' }).waitFor();
    await expect(editor.getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);
  });

  it('draws a field the role may read but not write as a disabled input, and saves the rest', async () => {
    // admin: user_profiles RU, but only super_admin changes role and status
    const { rows } = await session.server.db.knex.raw(`SELECT id, name, role FROM user_profiles WHERE role = 'customer' ORDER BY id LIMIT 1`);
    const profile = rows[0] as { id: string; name: string; role: string };
    const page = await signIn('admin');
    await page.goto(`${session.server.url}/#/user_profiles/${profile.id}`);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    await expect(page.locator('input[name="role"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('input[name="status"]').isDisabled()).resolves.toBe(true);
    await expect(name.isDisabled()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);

    await name.fill(`${profile.name} (checked)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`#/user_profiles/${profile.id}/show`));
    const stored = await session.server.db.knex('user_profiles').where({ id: profile.id }).first('name', 'role');
    expect(stored).toEqual({ name: `${profile.name} (checked)`, role: profile.role });
  });

  it('applies the shared ability to the record at hand: super_admin may change roles, but not their own', async () => {
    const { rows } = await session.server.db.knex.raw(
      `SELECT p.id, p.role FROM user_profiles p JOIN auth.users u ON u.id = p.id WHERE u.email IN (?, ?) ORDER BY p.role`,
      [demoEmail('super_admin'), demoEmail('customer_care')],
    );
    const [other, own] = rows as { id: string; role: string }[];
    const page = await signIn('super_admin');
    await page.goto(`${session.server.url}/#/user_profiles/${own!.id}`);
    await page.locator('input[name="name"]').waitFor();
    await expect(page.locator('input[name="role"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('input[name="status"]').isDisabled()).resolves.toBe(true);
    await page.goto(`${session.server.url}/#/user_profiles/${other!.id}`);
    await page.locator('input[name="name"]').waitFor();
    await expect(page.locator('input[name="role"]').isDisabled()).resolves.toBe(false);
  });

  it('says "not allowed" for an address typed by hand, and "not found" for one that names nothing', async () => {
    const customer = await firstId('customers');
    const page = await signIn('marketing_department');

    await page.goto(`${session.server.url}/#/salary_records`);
    await notAllowed(page).waitFor();
    await page.getByText(/Your role \(marketing department\) cannot open this page/).waitFor();
    await expect(rowsOf(page).count()).resolves.toBe(0);

    await page.goto(`${session.server.url}/#/customers/create`); // customers: RE, no create
    await notAllowed(page).waitFor();
    await page.getByText(/cannot create customers/).waitFor();

    await page.goto(`${session.server.url}/#/customers/${customer}`); // the edit address: no update
    await notAllowed(page).waitFor();
    await page.getByText(/cannot edit customers/).waitFor();

    await page.goto(`${session.server.url}/#/no_such_table`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await page.getByText('Welcome').waitFor();
  });

  it('exports through the server: a download of the list with its filter and sort', async () => {
    const page = await signIn('marketing_department');
    const filter = { status: ['active', 'completed'] };
    await page.goto(`${session.server.url}/#/campaigns?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=name&order=ASC`);
    await rowsOf(page).first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export' }).click()]);
    const url = new URL(download.url());
    expect(url.pathname).toBe('/api/campaigns');
    expect(url.searchParams.get('format')).toBe('csv');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual(filter);
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['name', 'ASC']);
    expect(url.searchParams.has('range')).toBe(false);

    // What the browser saved is the server's CSV: the caller's columns, the filtered rows, by name.
    const response = await page.context().request.get(download.url());
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/\bname\b/i);
    const { rows } = await session.server.db.knex.raw(`SELECT name FROM campaigns WHERE status IN ('active', 'completed') ORDER BY name`);
    expect(rows.length).toBeGreaterThan(0);
    expect(text).toContain((rows[0] as { name: string }).name);
    const { rows: others } = await session.server.db.knex.raw(`SELECT name FROM campaigns WHERE status = 'draft' AND name NOT IN (SELECT name FROM campaigns WHERE status IN ('active', 'completed')) LIMIT 1`);
    if (others.length) expect(text).not.toContain((others[0] as { name: string }).name);
  });

  it('follows a matrix change without a new sign-in: a grant appears on focus, a revoke on the next 403', async () => {
    const campaign = await firstId('campaigns');
    const page = await signIn('marketing_department');
    await expect(menu(page).locator('[data-module="hr"]').count()).resolves.toBe(0);
    // Half-typed edits survive the new metadata: the screens re-render, they are not remounted.
    await page.goto(`${session.server.url}/#/campaigns/${campaign}`);
    const name = page.locator('input[name="name"]');
    await name.waitFor();
    await name.fill('Typed before the grant');

    const grant = { role_id: 'marketing_department', module_id: 'hr', sub_module_id: 'salary_records', permissions: ['read'] };
    await session.server.db.knex('role_permissions').insert(grant);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await menu(page).locator('[data-module="hr"]').waitFor({ timeout: 10_000 });
    await expect(name.inputValue()).resolves.toBe('Typed before the grant');

    page.once('dialog', (dialog) => void dialog.accept()); // "leave with unsaved changes?"
    await menu(page).locator('[data-module="hr"]').click();
    await menu(page).getByRole('menuitem', { name: 'Salary records' }).click();
    await rowsOf(page).first().waitFor();
    await expect(page.getByRole('link', { name: 'Export' }).count()).resolves.toBe(0); // read only

    // Revoked while the list is open: the next request is refused, its message is shown,
    // and the page becomes "not allowed" without a reload.
    await session.server.db.knex('role_permissions').where({ role_id: grant.role_id, sub_module_id: grant.sub_module_id }).delete();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('You are not allowed to see salary records.').waitFor();
    await notAllowed(page).waitFor();
    await expect(menu(page).locator('[data-module="hr"]').count()).resolves.toBe(0);

    // And a reload agrees.
    await page.reload();
    await notAllowed(page).waitFor();
  });

  it('takes a grant made by super_admin in the matrix editor to a signed-in marketing user, without a new sign-in', async () => {
    const marketing = await signIn('marketing_department');
    await menu(marketing).locator('[data-module="marketing"]').click();
    await menu(marketing).getByRole('menuitem', { name: 'Campaigns' }).waitFor();
    await expect(menu(marketing).locator('[data-module="hr"]').count()).resolves.toBe(0);
    await marketing.goto(`${session.server.url}/#/salary_records`);
    await notAllowed(marketing).waitFor();

    const admin = await signIn('super_admin');
    await admin.goto(`${session.server.url}/#/matrix`);
    await admin.getByRole('button', { name: 'Expand HR' }).click();
    const read = admin.getByRole('button', { name: 'read for marketing_department on salary_records' });
    await expect(read.getAttribute('aria-pressed')).resolves.toBe('false');
    await read.click();
    await expect.poll(() => read.getAttribute('aria-pressed')).toBe('true');
    const saved = await session.server.db.knex('role_permissions').where({ role_id: 'marketing_department', sub_module_id: 'salary_records' }).first();
    expect(saved.permissions).toEqual(['read']);

    // Back in the marketing user's window: focus brings the new grant, no sign-in needed.
    await marketing.bringToFront();
    await marketing.evaluate(() => window.dispatchEvent(new Event('focus')));
    // The HR section appears once the new metadata is in; it opens by itself when the page
    // already shows one of its tables (this one), else a click opens it.
    const hr = menu(marketing).locator('[data-module="hr"]');
    await hr.waitFor();
    const salaries = menu(marketing).getByRole('menuitem', { name: 'Salary records' });
    if (!(await salaries.isVisible())) await hr.click();
    await salaries.click();
    await rowsOf(marketing).first().waitFor();
    await expect(notAllowed(marketing).count()).resolves.toBe(0);
    await session.server.db.knex('role_permissions').where({ role_id: 'marketing_department', sub_module_id: 'salary_records' }).delete();
  });

  it('lets super_admin take back a stray click in the matrix: Undo puts the grant back', async () => {
    const knex = session.server.db.knex;
    const row = () => knex('role_permissions').where({ role_id: 'finance_department', module_id: 'finance' }).whereNull('sub_module_id').first('permissions');
    const before = (await row()).permissions as string[];
    expect(before).toContain('approve');
    const admin = await signIn('super_admin');
    await admin.goto(`${session.server.url}/#/matrix`);
    const approve = admin.getByRole('button', { name: 'approve for finance_department on finance' });
    await expect(approve.getAttribute('aria-pressed')).resolves.toBe('true');
    await approve.click();
    await expect.poll(async () => (await row()).permissions).not.toContain('approve');
    await admin.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await row()).permissions).toEqual(before);
    await expect.poll(() => approve.getAttribute('aria-pressed')).toBe('true');
  });
});

