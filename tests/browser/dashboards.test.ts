import type { Locator, Page } from 'playwright-core';
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

interface DrawnBar {
  /** The bar's middle across, and its top and bottom edges, in the page's CSS pixels. */
  x: number;
  top: number;
  bottom: number;
}

/**
 * The bars as a user sees them: the chart's canvas (uPlot's) read down the middle of each of its
 * `count` categories, which share the plot's width evenly, and the painted run there (the bar;
 * the grid's dashed lines are faint, a bar is opaque). null where nothing is painted.
 */
async function drawnBars(chart: Locator, count: number): Promise<(DrawnBar | null)[]> {
  const canvas = chart.locator('canvas');
  await canvas.waitFor();
  return canvas.evaluate((element: HTMLCanvasElement, count: number) => {
    const plot = element.parentElement!.querySelector('.u-over')!.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const ratio = element.width / box.width;
    const pixels = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data;
    return Array.from({ length: count }, (_, i) => {
      const x = plot.left + ((i + 0.5) * plot.width) / count;
      const column = Math.round((x - box.left) * ratio);
      let top: number | undefined;
      let bottom: number | undefined;
      for (let row = Math.floor((plot.top - box.top) * ratio); row < Math.ceil((plot.bottom - box.top) * ratio); row++) {
        if (pixels[(row * element.width + column) * 4 + 3]! > 200) {
          top ??= row;
          bottom = row + 1;
        }
      }
      return top === undefined ? null : { x, top: box.top + top / ratio, bottom: box.top + bottom! / ratio };
    });
  }, count);
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

  it('draw a bar for each figure, its height in proportion, and open the rows behind a bar when it is clicked', async () => {
    const page = await signIn('finance_department');
    const chart = page.locator('[data-chart="Settlements by status"]');
    await chart.getByRole('heading').waitFor();
    const figures = await chartFigures(page, 'Settlements by status');
    await chart.scrollIntoViewIfNeeded();
    const entries = Object.entries(figures);

    // The chart is drawn inside its card, at the card's width.
    const card = (await chart.boundingBox())!;
    const canvas = (await chart.locator('canvas').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(card.width * 0.8);
    expect(canvas.height).toBeGreaterThan(100);
    expect(canvas.x >= card.x && canvas.x + canvas.width <= card.x + card.width).toBe(true);

    // One bar per figure, standing on one baseline, each as tall as its figure (to a pixel or two;
    // a figure too small for a pixel may be drawn as nothing).
    const bars = await drawnBars(chart, entries.length);
    const highest = Math.max(...entries.map(([, n]) => n));
    const tallest = Math.max(...bars.map((bar) => (bar ? bar.bottom - bar.top : 0)));
    expect(tallest).toBeGreaterThan(100);
    const baseline = bars.find((bar) => bar !== null)!.bottom;
    bars.forEach((bar, i) => {
      const [name, n] = entries[i]!;
      const expected = (tallest * n) / highest;
      if (bar === null) return expect(expected, name).toBeLessThan(2);
      expect(Math.abs(bar.bottom - baseline), name).toBeLessThanOrEqual(1);
      expect(Math.abs(bar.bottom - bar.top - expected), name).toBeLessThanOrEqual(2);
    });

    // Pointing at a bar says its figure; clicking it opens its rows.
    const first = entries.findIndex((_, i) => bars[i] !== null);
    const [label, count] = entries[first]!;
    const bar = bars[first]!;
    await page.mouse.move(bar.x, (bar.top + bar.bottom) / 2);
    const tooltip = chart.getByText(`Count: ${count.toLocaleString('en')}`, { exact: true }).locator('..');
    await expect.poll(() => tooltip.textContent()).toBe(`${label}Count: ${count.toLocaleString('en')}`);
    await page.mouse.click(bar.x, (bar.top + bar.bottom) / 2);
    await page.waitForURL(/#\/payment_settlements\?filter=/);
    expect(decodeURIComponent(page.url())).toContain(`"status":"${label.toLowerCase().replace(/ /g, '_')}"`);
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').textContent()).toMatch(new RegExp(`of ${count.toLocaleString('en-IN')}$`));
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
