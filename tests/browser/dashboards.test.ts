import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ensureSpaBuilt } from '../../server/spa/ensureSpaBuilt.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { launchBrowser } from './browser.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await ensureSpaBuilt(pino({ level: 'silent' }));
  server = await startTestServer();
  browser = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.fill('input[name="username"]', demoEmail(role));
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.getByText('Welcome').waitFor();
  return page;
}

/** The figures a chart repeats in its visually hidden table: row label → count. */
async function chartFigures(page: Page, title: string): Promise<Record<string, number>> {
  const table = page.getByRole('table', { name: title });
  await table.waitFor({ state: 'attached' });
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', Number(tr.querySelector('td')?.textContent)] as const),
  );
  return Object.fromEntries(rows);
}

const headingCount = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).count();
const label = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');

describe('dashboard charts', () => {
  it("show finance its department's charts, drawn from the database's figures, and nothing of HR or Support", async () => {
    const page = await signIn('finance_department');
    await page.getByRole('heading', { name: 'Settlements by status' }).waitFor();
    await page.getByRole('heading', { name: 'Successful payments by month' }).waitFor();

    const expected = await server.db.knex('payment_settlements').select('status').count<{ status: string; count: string }[]>('* as count').groupBy('status');
    expect(expected.length).toBeGreaterThan(0);
    expect(await chartFigures(page, 'Settlements by status')).toEqual(Object.fromEntries(expected.map((r) => [label(r.status), Number(r.count)])));

    for (const hidden of ['Leave requests by status', 'Payroll by status', 'Tickets by status', 'Open ticket ageing', 'Campaigns by status']) {
      await expect(headingCount(page, hidden), hidden).resolves.toBe(0);
    }
  });

  it('show customer care the ageing of its open tickets and no Finance chart', async () => {
    const page = await signIn('customer_care');
    await page.getByRole('heading', { name: 'Open ticket ageing' }).waitFor();
    const figures = await chartFigures(page, 'Open ticket ageing');
    for (const bucket of Object.keys(figures)) expect(['0-1 days', '1-3 days', '3-7 days', 'over 7 days']).toContain(bucket);
    const open = await server.db.knex('support_tickets').whereIn('status', ['open', 'in_progress', 'waiting']).count<{ count: string }[]>('* as count');
    expect(Object.values(figures).reduce((a, b) => a + b, 0)).toBe(Number(open[0]!.count));

    for (const hidden of ['Settlements by status', 'Successful payments by month', 'Leave requests by status']) {
      await expect(headingCount(page, hidden), hidden).resolves.toBe(0);
    }
  });

  it('show HR its charts and no Finance or Support chart', async () => {
    const page = await signIn('hr_department');
    await page.getByRole('heading', { name: 'Payroll by status' }).waitFor();
    await page.getByRole('heading', { name: 'Leave requests by status' }).waitFor();
    for (const hidden of ['Settlements by status', 'Tickets by status', 'Bookings by status']) {
      await expect(headingCount(page, hidden), hidden).resolves.toBe(0);
    }
  });
});
