import { describe, expect, it, vi } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { useDemoBrowser } from './demoBrowser.js';
import { listRows } from './browser.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/bookingtms/pack.json';
});

/** BookingTMS as an organisation's people work it: their organisation's bookings only, a booking confirmed, staff reading. */
const demo = useDemoBrowser('bookingtms');
const HOME = '20000000-0000-4000-8000-000000000001';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('the BookingTMS demo', () => {
  it("lets a manager confirm a pending booking of their organisation, and shows them no other organisation's", async () => {
    const knex = demo.server.db.knex;
    const pending = await knex('bookings').where({ organization_id: HOME, status: 'pending' }).orderBy('booking_reference').first('id', 'booking_reference');
    const elsewhere = await knex('bookings').whereNot({ organization_id: HOME }).orderBy('booking_reference').first('booking_reference');
    const manager = await knex('users').where({ email: demoEmail('manager') }).first('id');

    const page = await demo.signIn(demoEmail('manager'));
    await page.goto(`${demo.server.url}/#/bookings?perPage=100`);
    const row = page.locator('tbody tr', { hasText: pending.booking_reference });
    await row.waitFor();
    await expect(page.locator('tbody').textContent()).resolves.not.toContain(elsewhere.booking_reference);
    // The list names what its rows refer to: no key in any cell.
    for (const cell of await page.locator('tbody td').allTextContents()) expect(cell).not.toMatch(UUID);
    await row.getByRole('button', { name: 'Confirm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(async () => (await knex('bookings').where({ id: pending.id }).first('status')).status).toBe('confirmed');
    expect((await knex('bookings').where({ id: pending.id }).first('confirmed_by')).confirmed_by).toBe(manager.id);
    await page.context().close();
  });

  it("lets the organisation admin add a user to their organisation with a role below their own, and leaves the owner alone", async () => {
    const knex = demo.server.db.knex;
    const page = await demo.signIn(demoEmail('org_admin'));
    await page.goto(`${demo.server.url}/#/users`);
    const table = page.getByRole('table', { name: 'Users' });
    await table.locator(`tr[data-user="${demoEmail('staff')}"]`).waitFor();
    // The owner holds a role above theirs: no actions on that row; the staff member's row has them.
    await expect(table.getByRole('button', { name: `Actions for ${demoEmail('super_admin')}` }).count()).resolves.toBe(0);
    await expect(table.getByRole('button', { name: `Actions for ${demoEmail('staff')}` }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.waitFor();
    await dialog.getByLabel('Email').fill('desk.hand@example.com');
    await dialog.getByLabel('Name').fill('Desk Hand');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['Admin', 'Manager', 'Staff']);
    await page.getByRole('option', { name: 'Staff' }).click();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => knex('users').where({ email: 'desk.hand@example.com' }).first('organization_id', 'role')).toEqual({ organization_id: HOME, role: 'staff' });
    await page.context().close();
  });

  it('gives staff the bookings to read, with nothing to change', async () => {
    const page = await demo.signIn(demoEmail('staff'));
    await page.goto(`${demo.server.url}/#/bookings`);
    await listRows(page).first().waitFor();
    await expect(page.getByRole('link', { name: 'Create', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Confirm', exact: true }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
