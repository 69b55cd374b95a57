import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { migrate } from '../../server/data/migrate.js';
import { ensureSpaBuilt } from '../../server/spa/ensureSpaBuilt.js';
import { runSqlFile } from '../support/foreignServer.js';
import { governedServer } from '../support/governedServer.js';
import { createTestDatabase } from '../support/testDatabase.js';
import type { TestServer } from '../support/testServer.js';
import { launchBrowser } from './browser.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/backroom/pack.json';
});

/** The backroom demo as its door staff work it: tonight's bookings, a guest checked in at the door, no payments in sight. */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureSpaBuilt(pino({ level: 'silent' }));
  ({ server } = await governedServer(async () => {
    const db = await createTestDatabase({ empty: true });
    await runSqlFile(db.url, ['migrations/backroom/schema.sql', 'server/seed/backroom/demo_data.sql']);
    await migrate(db.knex, ['core']);
    return { db, people: undefined };
  }));
  await server.db.knex('auth.users').whereLike('email', '%@demo.gatehouse.dev').update({ encrypted_password: await hashPassword(DEMO_PASSWORD) });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the backroom demo at the door', () => {
  it("lets door staff find tonight's guest and check them in, and shows them nothing of payments", async () => {
    const knex = server.db.knex;
    // A confirmed booking tonight (the demo's nights move with the calendar; this one is made sure of).
    const booking = await knex('bookings').where({ status: 'CONFIRMED' }).orderBy('booking_reference').first('id', 'booking_reference');
    await knex('bookings').where({ id: booking.id }).update({ event_date: knex.raw('CURRENT_DATE') });
    const staff = await knex('users').where({ email: demoEmail('door_staff') }).first('id');

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${server.url}/`);
    await page.fill('input[name="username"]', demoEmail('door_staff'));
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.getByText('Welcome').waitFor();
    await expect(page.getByRole('menuitem', { name: /payments/i }).count()).resolves.toBe(0);

    await page.goto(`${server.url}/#/bookings`);
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
