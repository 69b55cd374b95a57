import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ensureSpaBuilt } from '../../server/spa/ensureSpaBuilt.js';
import { pino } from 'pino';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { launchBrowser, listRows, recordShown } from './browser.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureSpaBuilt(pino({ level: 'silent' }));
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the back-office in a browser', () => {
  it('signs in, lists, filters, opens a record, edits it and sees the change', async () => {
    const { rows } = await server.db.knex.raw(`SELECT id, name FROM services ORDER BY name LIMIT 1 OFFSET 3`);
    const service = rows[0] as { id: string; name: string };

    await page.goto(`${server.url}/`);
    await page.fill('input[name="username"]', demoEmail('super_admin'));
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.getByText('Welcome').waitFor();
    // A module of the menu is the menu item that opens its group of screens.
    await expect(page.getByRole('menuitem', { name: 'Finance' }).count()).resolves.toBeGreaterThan(0);

    await page.goto(`${server.url}/#/services`);
    const rowsLocator = listRows(page);
    await rowsLocator.first().waitFor();
    const unfiltered = await rowsLocator.count();
    expect(unfiltered).toBeGreaterThan(5);

    await page.fill('input[name="q"]', service.name);
    await expect.poll(() => rowsLocator.count(), { timeout: 10_000 }).toBeLessThan(unfiltered);
    await page.getByRole('cell', { name: service.name, exact: true }).click();

    await page.waitForURL(new RegExp(`#/services/${service.id}/show`));
    await recordShown(page);
    await page.getByRole('link', { name: 'Edit' }).click();
    const nameInput = page.locator('input[name="name"]');
    await nameInput.waitFor();
    const renamed = `${service.name} (renamed)`;
    await nameInput.fill(renamed);
    await page.getByRole('button', { name: 'Save' }).click();

    await page.waitForURL(new RegExp(`#/services/${service.id}/show`));
    await page.getByText(renamed).first().waitFor();
    const stored = await server.db.knex('services').where({ id: service.id }).first('name');
    expect(stored.name).toBe(renamed);
  });

  it('renders every list, and a record of each, without an error', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const meta = await page.evaluate(async () => (await fetch('/api/meta')).json());
    for (const resource of meta.resources as { name: string; primaryKey: string[] }[]) {
      await page.goto(`${server.url}/#/${resource.name}`);
      const firstRow = listRows(page).first();
      await firstRow.or(page.getByText('No results found')).or(page.getByText(/No .* yet/)).first().waitFor();
      if (resource.primaryKey.length && (await listRows(page).count()) > 0) {
        await firstRow.locator('td').nth(1).click();
        await recordShown(page);
      }
      expect(errors, resource.name).toEqual([]);
    }
    // It opens every screen of the schema (36 lists and records): its time grows with the schema, not with a fault.
  }, 180_000);

  it('shows the server’s per-field message beside the input', async () => {
    const { rows } = await server.db.knex.raw(`SELECT a.id, a.code AS own_code, b.code AS taken_code FROM services a, services b WHERE a.id <> b.id LIMIT 1`);
    await page.goto(`${server.url}/#/services/${rows[0].id}`);
    const code = page.locator('input[name="code"]');
    await code.waitFor();
    await code.fill(rows[0].taken_code);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Already exists.', { exact: true }).waitFor();
    const stored = await server.db.knex('services').where({ id: rows[0].id }).first('code');
    expect(stored.code).toBe(rows[0].own_code);
  });
});
