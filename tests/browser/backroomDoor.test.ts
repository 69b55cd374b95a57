import { describe, expect, it, vi } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { useDemoBrowser } from './demoBrowser.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/backroom/pack.json';
});

/** The backroom demo as its door staff work it: tonight's bookings, a guest checked in at the door, no payments in sight. */
const demo = useDemoBrowser('backroom');

describe('the backroom demo at the door', () => {
  it("lets door staff find tonight's guest and check them in, and shows them nothing of payments", async () => {
    const knex = demo.server.db.knex;
    // A confirmed booking tonight (the demo's nights move with the calendar; this one is made sure of).
    const booking = await knex('bookings').where({ status: 'CONFIRMED' }).orderBy('booking_reference').first('id', 'booking_reference');
    await knex('bookings').where({ id: booking.id }).update({ event_date: knex.raw('CURRENT_DATE') });
    const staff = await knex('users').where({ email: demoEmail('door_staff') }).first('id');

    const page = await demo.signIn(demoEmail('door_staff'));
    await expect(page.getByRole('menuitem', { name: /payments/i }).count()).resolves.toBe(0);

    await page.goto(`${demo.server.url}/#/bookings`);
    await page.getByRole('button', { name: 'Tonight' }).click();
    const row = page.locator('tbody tr', { hasText: booking.booking_reference });
    await row.waitFor();
    await row.getByRole('button', { name: 'Check in' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toMatch(/This booking will be checked in/);
    await dialog.getByRole('button', { name: 'Check in' }).click();
    await expect.poll(async () => (await knex('bookings').where({ id: booking.id }).first('status')).status).toBe('CHECKED_IN');
    const stamped = await knex('bookings').where({ id: booking.id }).first('checked_in_by', 'checked_in_at');
    expect(stamped.checked_in_by).toBe(staff.id);
    expect(stamped.checked_in_at).not.toBeNull();
    await expect.poll(() => row.textContent()).toMatch(/Checked in/);
    await page.context().close();
  });
});
