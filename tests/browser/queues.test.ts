import { describe, expect, it } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { useSignedInBrowser } from './signedInBrowser.js';

/** Queues one works in: the facts a decision needs on screen, and the decision taken in the row. */
const session = useSignedInBrowser();

describe("HR's leave queue", () => {
  for (const width of [1280, 1440]) {
    it(`shows balance and who else is away, by name, within ${width} px`, async () => {
      const page = await session.signIn('hr_department');
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${session.server.url}/#/leave_queue`);
      const rows = page.locator('.RaDatagrid-tbody > tr');
      await rows.first().waitFor();
      for (const column of ['balance_after', 'also_away']) {
        const header = page.locator(`th.column-${column}`);
        const box = await header.boundingBox();
        expect(box, column).not.toBeNull();
        expect(box!.x + box!.width, `${column} fits in ${width} px`).toBeLessThanOrEqual(width);
      }
      const next = await page.locator('th', { hasText: 'Next steps' }).boundingBox();
      expect(next!.x + next!.width).toBeLessThanOrEqual(width);
      // Who is away is said by name and days.
      const texts = await page.locator('td.column-also_away').allTextContents();
      expect(texts.some((t) => /^[A-Z][\w .'-]+ \(\d{1,2} [A-Z][a-z]{2}/.test(t.trim()))).toBe(true);
      // Codes read as words: a leave type is a chip, not "casual".
      const types = await page.locator('td.column-leave_type').allTextContents();
      expect(types.every((t) => /^[A-Z]/.test(t.trim()))).toBe(true);
      await page.screenshot({ path: `tests/artifacts/leave-queue-${width}.png` });
    });
  }

  it('approves and rejects in place, the row leaving the queue', async () => {
    const knex = session.server.db.knex;
    const hr = await knex('auth.users').where({ email: demoEmail('hr_department') }).first('id');
    const page = await session.signIn('hr_department');
    await page.goto(`${session.server.url}/#/leave_queue`);
    const rows = page.locator('.RaDatagrid-tbody > tr');
    await rows.first().waitFor();
    const pendingBefore = Number((await knex('leave_requests').where({ status: 'pending' }).count<{ n: string }[]>('* as n'))[0]!.n);

    // Not one's own: HR's own request is not theirs to approve.
    const row = rows.filter({ has: page.getByRole('button', { name: 'Approve', disabled: false }) }).first();
    const who = (await row.locator('td.column-employee_name').textContent())!.trim();
    await row.getByRole('button', { name: 'Approve' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('This leave request will be approved.').waitFor();
    await confirm.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approve: done.').waitFor();
    expect(page.url()).toMatch(/#\/leave_queue/);
    await expect.poll(async () => Number((await knex('leave_requests').where({ status: 'pending' }).count<{ n: string }[]>('* as n'))[0]!.n)).toBe(pendingBefore - 1);
    const approved = await knex('leave_requests as l').join('employees as e', 'e.id', 'l.employee_id').where({ 'l.status': 'approved', 'e.name': who, 'l.approved_by': hr.id }).count<{ n: string }[]>('* as n');
    expect(Number(approved[0]!.n)).toBeGreaterThan(0);

    const another = rows.filter({ has: page.getByRole('button', { name: 'Reject', disabled: false }) }).first();
    await another.getByRole('button', { name: 'Reject' }).click();
    const ask = page.getByRole('dialog');
    await ask.locator('[name="rejection_reason"]').fill('Year-end closing: the team is short that week.');
    await ask.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Reject: done.').waitFor();
    expect(await knex('leave_requests').where({ rejection_reason: 'Year-end closing: the team is short that week.' }).first('status')).toEqual({ status: 'rejected' });
    expect(page.url()).toMatch(/#\/leave_queue/);
  });
});

describe("customer care's inbox", () => {
  it('assigns an unassigned ticket to oneself from its row', async () => {
    const knex = session.server.db.knex;
    const agent = await knex('auth.users').where({ email: demoEmail('customer_care') }).first('id');
    const page = await session.signIn('customer_care');
    await page.goto(`${session.server.url}/#/support_tickets`);
    await page.getByRole('button', { name: 'Unassigned' }).click();
    const rows = page.locator('.RaDatagrid-tbody > tr');
    const { rows: open } = await knex.raw(`SELECT count(*)::int AS n FROM support_tickets WHERE assigned_to IS NULL AND status = 'open'`);
    await expect.poll(() => rows.count()).toBe(Math.min(open[0].n, 25));
    const subject = (await rows.first().locator('td.column-subject').textContent())!.trim();
    await rows.first().getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('Assign to me: done.').waitFor();
    const latest = await knex('support_tickets').where({ assigned_to: agent.id }).orderBy('assigned_at', 'desc').first('status', 'subject');
    expect(latest).toEqual({ status: 'in_progress', subject });
    expect(page.url()).toMatch(/#\/support_tickets/);
  });

  it('offers a quick filter for every state that waits for the agent', async () => {
    const knex = session.server.db.knex;
    const page = await session.signIn('customer_care');
    await page.goto(`${session.server.url}/#/support_tickets`);
    const views = page.locator('[aria-label="Views"]');
    const chips = async () => (await views.locator('.MuiChip-label').allTextContents()).map((t) => t.trim());
    await expect.poll(chips).toEqual(expect.arrayContaining(['Unassigned', 'Open', 'In progress', 'Waiting', 'Resolved']));
    await views.getByText('Waiting', { exact: true }).click();
    const { rows } = await knex.raw(`SELECT count(*)::int AS n FROM support_tickets WHERE status = 'waiting'`);
    await expect.poll(() => page.locator('.RaDatagrid-tbody > tr').count()).toBe(Math.min(rows[0].n, 25));
  });
});
