import { describe, expect, it } from 'vitest';

// The cap is read when the server modules load: set it low before importing them.
process.env.GATEHOUSE_EXACT_COUNT_CAP = '100';
const { useSignedInBrowser } = await import('./signedInBrowser.js');

/** A list whose total is the planner's estimate says so, and pages by "next" without ever landing past the end. */
const session = useSignedInBrowser();

describe('a list with an estimated total', () => {
  it('says "about", offers next only after a full page, and reaches the last rows', async () => {
    const knex = session.server.db.knex;
    await knex.raw('ANALYZE bookings');
    const page = await session.signIn('super_admin');
    // The bookings of one vendor, sorted: few enough pages to walk, too many for an exact count.
    const vendor = (await knex.raw(`SELECT vendor_id, count(*)::int AS n FROM bookings GROUP BY 1 HAVING count(*) BETWEEN 120 AND 400 LIMIT 1`)).rows[0];
    await page.goto(`${session.server.url}/#/bookings?filter=${encodeURIComponent(JSON.stringify({ vendor_id: vendor.vendor_id }))}&perPage=100&page=1`);
    const about = page.locator('[data-estimated-total]');
    await about.waitFor();
    expect(await about.textContent()).toMatch(/^About [\d,]+ rows$/);
    const next = page.getByRole('button', { name: 'Go to next page' });
    const range = page.locator('.MuiTablePagination-displayedRows');
    const rows = page.locator('.RaDatagrid-tbody > tr');
    const pages = Math.ceil(vendor.n / 100);
    let at = 1;
    for (; ; at++) {
      // The page has arrived when it shows its rows from where it starts.
      const start = (at - 1) * 100 + 1;
      await expect.poll(() => range.textContent()).toMatch(new RegExp(`^${start}–`));
      await expect.poll(() => rows.count()).toBe(Math.min(100, vendor.n - start + 1));
      if (await next.isDisabled()) break;
      expect(at, 'next is offered only while there are more rows').toBeLessThan(pages);
      await next.click();
    }
    // The walk stopped on the last page, which knows the list's end exactly.
    expect(at).toBe(pages);
    await expect.poll(() => range.textContent()).toBe(`${(pages - 1) * 100 + 1}–${vendor.n} of ${vendor.n}`);
    expect(page.url()).toMatch(new RegExp(`page=${pages}`));
    await page.screenshot({ path: 'tests/artifacts/estimated-total.png' });
  });
});
