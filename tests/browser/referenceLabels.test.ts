import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ApiClient } from '../support/httpClient.js';
import { useSignedInBrowser } from './signedInBrowser.js';

/** References are shown by the name of what they point at, to every role that reads the row. */
const session = useSignedInBrowser();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The texts of a list column, once its labels have arrived. */
async function columnTexts(page: Page, source: string): Promise<string[]> {
  const cells = page.locator(`td.column-${source}`);
  await cells.first().waitFor();
  await expect.poll(async () => (await cells.allTextContents()).some((t) => t.trim() !== '')).toBe(true);
  return (await cells.allTextContents()).map((t) => t.trim());
}

describe('reference labels', () => {
  it("shows a vendor who prepared its settlements by name, though it may not read people's accounts", async () => {
    const knex = session.server.db.knex;
    const names = new Set(
      (
        await knex.raw<{ rows: { name: string }[] }>(
          `SELECT DISTINCT u.raw_user_meta_data ->> 'name' AS name FROM payment_settlements s
             JOIN auth.users u ON u.id = s.prepared_by JOIN auth.users v ON v.id = s.vendor_id
            WHERE v.email = ?`,
          [demoEmail('vendor')],
        )
      ).rows.map((r) => r.name),
    );
    expect(names.size).toBeGreaterThan(0);
    const page = await session.signIn('vendor');
    await page.goto(`${session.server.url}/#/payment_settlements`);
    const preparers = (await columnTexts(page, 'prepared_by')).filter(Boolean);
    expect(preparers.length).toBeGreaterThan(0);
    for (const text of preparers) {
      expect(text).not.toMatch(UUID);
      expect(names).toContain(text);
    }
    // Not a link: the vendor may not open an account.
    await expect(page.locator('td.column-prepared_by a').count()).resolves.toBe(0);
    await page.screenshot({ path: 'tests/artifacts/vendor-settlements.png' });
  });

  it('names a reference on the record page, as a link only where the caller may open its record', async () => {
    const knex = session.server.db.knex;
    const campaign = await knex('campaigns as c')
      .join('auth.users as u', 'u.id', 'c.created_by')
      .whereNotNull('c.created_by')
      .first('c.id', knex.raw(`u.raw_user_meta_data ->> 'name' AS name`));
    const page = await session.signIn('marketing_department');
    await page.goto(`${session.server.url}/#/campaigns/${campaign.id}/show`);
    const createdBy = page.locator('[data-field="created_by"]');
    await expect.poll(() => createdBy.textContent(), { timeout: 10_000 }).toContain(campaign.name);
    // Marketing may not open employees' records: a name, not a link.
    await expect(createdBy.locator('a').count()).resolves.toBe(0);

    // A vendor may open its own vendor record: the name links to it.
    const vendor = await session.signIn('vendor');
    await vendor.goto(`${session.server.url}/#/payment_settlements`);
    const link = vendor.locator('td.column-vendor_id a').first();
    await link.waitFor();
    expect((await link.textContent())!.trim()).not.toMatch(UUID);
    await link.click();
    await vendor.waitForURL(/#\/vendors\/[^/]+\/show/);
  });

  it('names who decided in History, by name', async () => {
    const { url, db } = session.server;
    const marketing = new ApiClient(url);
    await marketing.login(demoEmail('marketing_department'), DEMO_PASSWORD);
    const directors = new ApiClient(url);
    await directors.login(demoEmail('directors'), DEMO_PASSWORD);
    const draft = await marketing.post('/api/campaigns', {
      name: 'Diwali glow week',
      type: 'sms',
      budget: 40000,
      start_date: '2031-10-20T00:00:00Z',
      end_date: '2031-10-27T00:00:00Z',
      content: { subject: 'Diwali glow week', body: 'Glow week: 15% off facials.' },
    });
    expect(draft.status, draft.text).toBe(201);
    expect((await directors.post(`/api/campaigns/${draft.json.id}/approve`)).status).toBe(200);
    const director = await db.knex('auth.users').where({ email: demoEmail('directors') }).first(db.knex.raw(`raw_user_meta_data ->> 'name' AS name`));

    const page = await session.signIn('marketing_department');
    await page.goto(`${url}/#/campaigns/${draft.json.id}/show/history`);
    const approval = page.locator('li[data-entry]').first().locator('tr[data-field="approved_by"] td').nth(2);
    await expect.poll(() => approval.textContent(), { timeout: 10_000 }).toBe(director.name);
    await expect(page.locator('li[data-entry]').first().textContent()).resolves.not.toMatch(UUID);
  });
});

