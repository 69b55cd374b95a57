import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSignedInBrowser } from './signedInBrowser.js';

const session = useSignedInBrowser();
const { signIn } = session;

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

    const expected = await session.server.db.knex('payment_settlements').select('status').count<{ status: string; count: string }[]>('* as count').groupBy('status');
    expect(expected.length).toBeGreaterThan(0);
    expect(await chartFigures(page, 'Settlements by status')).toEqual(Object.fromEntries(expected.map((r) => [label(r.status), Number(r.count)])));

    for (const hidden of ['Leave requests by status', 'Payroll by status', 'Tickets by status', 'Open ticket ageing', 'Campaigns by status']) {
      await expect(headingCount(page, hidden), hidden).resolves.toBe(0);
    }
  });

  it('open the rows behind a bar when it is clicked', async () => {
    const page = await signIn('finance_department');
    const chart = page.locator('[data-chart="Settlements by status"]');
    await chart.getByRole('heading').waitFor();
    const figures = await chartFigures(page, 'Settlements by status');
    const bars = chart.locator('.recharts-bar-rectangle');
    await expect.poll(() => bars.count()).toBe(Object.keys(figures).length);
    const first = Object.entries(figures)[0]!;
    await bars.first().click();
    await page.waitForURL(/#\/payment_settlements\?filter=/);
    expect(decodeURIComponent(page.url())).toContain(`"status":"${first[0].toLowerCase().replace(/ /g, '_')}"`);
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent()).toMatch(new RegExp(`of ${first[1].toLocaleString('en-IN')}$`));
  });

  it('show customer care the ageing of its open tickets and no Finance chart', async () => {
    const page = await signIn('customer_care');
    await page.getByRole('heading', { name: 'Open ticket ageing' }).waitFor();
    const figures = await chartFigures(page, 'Open ticket ageing');
    for (const bucket of Object.keys(figures)) expect(['0-1 days', '1-3 days', '3-7 days', 'over 7 days']).toContain(bucket);
    const open = await session.server.db.knex('support_tickets').whereIn('status', ['open', 'in_progress', 'waiting']).count<{ count: string }[]>('* as count');
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

describe('waiting work', () => {
  it('counts each of the caller\'s queues on the dashboard, and opens the queue', async () => {
    const knex = session.server.db.knex;
    const pending = Number((await knex('payment_settlements').where({ status: 'pending' }).count<{ n: string }[]>('* as n'))[0]!.n);
    const page = await signIn('finance_department');
    const queue = page.locator('[data-queue="payment_settlements:To approve"]');
    await queue.waitFor();
    await expect.poll(async () => (await queue.locator('h6, span.MuiTypography-h6').textContent())?.trim()).toBe(pending.toLocaleString('en-IN'));
    // Marketing has no settlements to approve: not its queue.
    const marketing = await signIn('marketing_department');
    await marketing.locator('[data-queue="campaigns:Drafts to approve"]').waitFor();
    await expect(marketing.locator('[data-queue^="payment_settlements:"]').count()).resolves.toBe(0);

    await queue.click();
    await page.waitForURL(/#\/payment_settlements\?/);
    await page.getByRole('button', { name: 'To approve' }).waitFor();
    await expect.poll(async () => page.locator('.MuiTablePagination-displayedRows').textContent()).toMatch(new RegExp(`of ${pending}$`));
  });
});
