import { describe, expect, it } from 'vitest';
import { useSignedInBrowser } from './signedInBrowser.js';

/** Business content kept in json columns is written in forms, never as raw JSON. */
const session = useSignedInBrowser();
const inr = (n: number) => n.toLocaleString('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2 });

describe('structured json', () => {
  it("lets HR set a salary's allowances line by line, with the total as they type", async () => {
    const knex = session.server.db.knex;
    const salary = await knex('salary_records').where({ status: 'pending' }).first('id', 'allowances');
    const page = await session.signIn('hr_department');
    await page.goto(`${session.server.url}/#/salary_records/${salary.id}`);
    const allowances = page.locator('[data-shape="allowances"]');
    await allowances.waitFor();
    await expect(page.locator('textarea[name="allowances"]').count()).resolves.toBe(0);
    const total = allowances.locator('[data-total]');
    await expect.poll(() => total.textContent()).toBe(inr(Object.values<number>(salary.allowances).reduce((a, b) => a + b, 0)));

    await allowances.getByRole('spinbutton', { name: 'House rent (HRA)' }).fill('15000');
    await allowances.getByRole('textbox', { name: 'Name of another line' }).fill('Night shift');
    await allowances.getByRole('button', { name: 'Add line' }).click();
    await allowances.getByRole('spinbutton', { name: 'Night shift' }).fill('500');
    const expected = { ...salary.allowances, hra: 15_000, night_shift: 500 };
    await expect.poll(() => total.textContent()).toBe(inr(Object.values<number>(expected).reduce((a, b) => a + b, 0)));
    await page.screenshot({ path: 'tests/artifacts/salary-allowances-form.png', fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    expect((await knex('salary_records').where({ id: salary.id }).first('allowances')).allowances).toEqual(expected);
    // Read back as a table of amounts with its total.
    const shown = page.locator('[data-field="allowances"]');
    await expect.poll(() => shown.locator('tr[data-line="night_shift"]').textContent()).toContain(inr(500));
    await expect.poll(() => shown.locator('[data-total]').textContent()).toBe(inr(Object.values<number>(expected).reduce((a, b) => a + b, 0)));
  });

  it("lets marketing write a campaign's message and audience as fields", async () => {
    const knex = session.server.db.knex;
    const page = await session.signIn('marketing_department');
    await page.goto(`${session.server.url}/#/campaigns/create`);
    await page.locator('input[name="name"]').fill('Monsoon glow');
    const content = page.locator('[data-shape="content"]');
    await content.getByLabel('Subject').fill('Glow through the monsoon');
    await content.getByLabel('Message').fill('Twenty per cent off every facial.\nBook by Sunday.');
    await content.getByLabel('Button text').fill('Book now');
    const audience = page.locator('[data-shape="target_audience"]');
    await audience.getByRole('checkbox', { name: 'Gold' }).check();
    await audience.getByRole('checkbox', { name: 'Platinum' }).check();
    await audience.getByRole('spinbutton', { name: 'Age range (from, to) 1' }).fill('25');
    await audience.getByRole('spinbutton', { name: 'Age range (from, to) 2' }).fill('45');
    await audience.getByRole('spinbutton', { name: 'Booked in the last (days)' }).fill('90');
    await page.screenshot({ path: 'tests/artifacts/campaign-content-form.png', fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    const stored = await knex('campaigns').where({ name: 'Monsoon glow' }).first('content', 'target_audience');
    expect(stored).toEqual({
      content: { subject: 'Glow through the monsoon', body: 'Twenty per cent off every facial.\nBook by Sunday.', cta: 'Book now' },
      target_audience: { tier: ['gold', 'platinum'], age_range: [25, 45], last_booking_days: 90 },
    });
    await page.locator('[data-field="content"]').getByText('Glow through the monsoon').waitFor();
  });

  it('shows the message of a value off its shape under the field, keeping what was typed', async () => {
    const page = await session.signIn('marketing_department');
    await page.goto(`${session.server.url}/#/campaigns/create`);
    await page.locator('input[name="name"]').fill('No message yet');
    const content = page.locator('[data-shape="content"]');
    await content.getByLabel('Subject').fill('Only a subject');
    await page.getByRole('button', { name: 'Save' }).click();
    await content.getByText('Message is required.').waitFor();
    expect(await content.getByLabel('Subject').inputValue()).toBe('Only a subject');
    expect(page.url()).toMatch(/\/create$/);
  });
});
