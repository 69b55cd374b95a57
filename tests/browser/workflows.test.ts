import { describe, expect, it } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { useSignedInBrowser } from './signedInBrowser.js';
import { listRows, recordShown } from './browser.js';

const session = useSignedInBrowser();
const { signIn } = session;

async function pendingLeave(): Promise<string> {
  const employee = await session.server.db.knex('auth.users').where({ email: demoEmail('employee') }).first('id');
  const [row] = await session.server.db
    .knex('leave_requests')
    .insert({ employee_id: employee.id, leave_type: 'casual', from_date: '2027-02-01', to_date: '2027-02-02', reason: 'Wedding in the family' })
    .returning('id');
  return row.id as string;
}

describe('workflow buttons', () => {
  it('let HR approve a pending leave, and ask for the reason before a rejection', async () => {
    const approveMe = await pendingLeave();
    const rejectMe = await pendingLeave();
    const page = await signIn('hr_department');

    // From the queue: the request, with the employee's balance in view, opens on its record.
    await page.goto(`${session.server.url}/#/leave_queue`);
    await listRows(page).first().waitFor();
    await page.goto(`${session.server.url}/#/leave_queue?filter=${encodeURIComponent(JSON.stringify({ id: approveMe }))}`);
    // The unfiltered page stays on screen while the filtered one loads: wait for the one row.
    await expect.poll(() => listRows(page).count()).toBe(1);
    await listRows(page).first().click();
    await page.waitForURL(new RegExp(`#/leave_requests/${approveMe}/show`));
    await recordShown(page);
    // A decision is asked about first, saying what it will do; "Not now" changes nothing.
    await page.getByRole('button', { name: 'Approve' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('This leave request will be approved.').waitFor();
    await confirm.getByRole('button', { name: 'Not now' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await session.server.db.knex('leave_requests').where({ id: approveMe }).first('status')).status).toBe('pending');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approve: done.').waitFor();
    await expect.poll(async () => (await session.server.db.knex('leave_requests').where({ id: approveMe }).first('status')).status).toBe('approved');
    // The decision is in the record's history, with who made it.
    await page.getByRole('tab', { name: 'History' }).click();
    const decision = page.locator('li[data-operation="UPDATE"]').filter({ hasText: 'approve' }).first();
    await decision.waitFor();
    await expect(decision.textContent()).resolves.toMatch(/hr_department@demo\.gatehouse\.dev/);
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);

    await page.goto(`${session.server.url}/#/leave_requests/${rejectMe}/show`);
    await page.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.getByText('Required to reject.').waitFor();
    await dialog.locator('[name="rejection_reason"]').fill('Quarter-end close: please pick another week.');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Reject: done.').waitFor();
    const stored = await session.server.db.knex('leave_requests').where({ id: rejectMe }).first('status', 'rejection_reason');
    expect(stored).toEqual({ status: 'rejected', rejection_reason: 'Quarter-end close: please pick another week.' });
  });

  it('offer the employee only the cancellation of their own leave', async () => {
    const leave = await pendingLeave();
    const page = await signIn('employee');
    await page.goto(`${session.server.url}/#/leave_requests/${leave}/show`);
    await page.getByRole('button', { name: 'Cancel' }).waitFor();
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    // Nothing brings a cancelled request back: the dialog says so.
    const confirm = page.getByRole('dialog');
    await confirm.getByText('This leave request will be cancelled. No step leads back from there.').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancel: done.').waitFor();
    expect((await session.server.db.knex('leave_requests').where({ id: leave }).first('status')).status).toBe('cancelled');
  });

  it('let accounts generate a period’s settlements from the list', async () => {
    const knex = session.server.db.knex;
    const { rows } = await knex.raw(`SELECT settlement_period_start::text AS start, settlement_period_end::text AS end
      FROM payment_settlements WHERE status = 'pending' ORDER BY 1 DESC LIMIT 1`);
    const { start, end } = rows[0] as { start: string; end: string };
    const withdrawn = await knex('payment_settlements').where({ settlement_period_start: start, status: 'pending' }).delete();
    const page = await signIn('accounts_department');
    await page.goto(`${session.server.url}/#/payment_settlements`);
    await page.getByRole('button', { name: 'Generate settlements' }).click();
    const dialog = page.getByRole('dialog');
    // Dates typed as the pack's locale writes them (en-IN: 31/10/2026).
    const typed = (iso: string) => iso.split('-').reverse().join('/');
    await dialog.locator('[name="period_start"]').fill(typed(start));
    await dialog.locator('[name="period_end"]').fill(typed(end));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    // What it will do, before it is done: how many settlements and their net in all.
    const preview = page.getByRole('dialog', { name: /^Generate settlements for / });
    await expect.poll(() => preview.locator('[data-preview-summary]').textContent()).toMatch(new RegExp(`^This will make ${withdrawn} payment settlements: net settlement amount ₹[\\d,.]+ in all\\.$`));
    await page.screenshot({ path: 'tests/artifacts/generate-settlements-preview.png' });
    await preview.getByRole('button', { name: 'Generate settlements' }).click();
    await page.getByText(`Generate settlements: ${withdrawn} records made.`).waitFor();
    const made = await knex('payment_settlements').where({ settlement_period_start: start }).count<{ n: string }[]>('* as n');
    expect(Number(made[0]!.n)).toBe(withdrawn);
  });

  it('let HR run this month\'s payroll only after the preview says the month has not ended and they tick that they mean it', async () => {
    const knex = session.server.db.knex;
    const { rows } = await knex.raw(`SELECT extract(year FROM current_date)::int AS year, extract(month FROM current_date)::int AS month`);
    const month = rows[0] as { year: number; month: number };
    const before = Number((await knex('salary_records').where(month).count<{ n: string }[]>('* as n'))[0]!.n);
    const page = await signIn('hr_department');
    await page.goto(`${session.server.url}/#/salary_records`);
    await page.getByRole('button', { name: 'Run payroll' }).click();
    const ask = page.getByRole('dialog');
    await ask.locator('[name="year"]').fill(String(month.year));
    await ask.locator('[name="month"]').fill(String(month.month));
    await ask.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: /^Run payroll for / });
    await preview.getByText(/has not ended/).waitFor();
    const summary = await preview.locator('[data-preview-summary]').textContent();
    expect(summary).toMatch(/^This will make \d+ salary records: gross salary ₹[\d,.]+, net salary ₹[\d,.]+ in all\.$/);
    const runIt = preview.getByRole('button', { name: 'Run payroll' });
    expect(await runIt.isDisabled()).toBe(true);
    await page.screenshot({ path: 'tests/artifacts/payroll-preview.png' });
    await preview.getByLabel('Run it now all the same').check();
    await runIt.click();
    await page.getByText(/^Run payroll: \d+ records made\.$/).waitFor();
    const made = Number(/make (\d+)/.exec(summary!)![1]);
    expect(Number((await knex('salary_records').where(month).count<{ n: string }[]>('* as n'))[0]!.n)).toBe(before + made);
  });

  it('let a support agent answer a ticket in its conversation, with an internal note the customer never sees', async () => {
    const knex = session.server.db.knex;
    const customer = await knex('auth.users').where({ email: demoEmail('customer') }).first('id');
    const ticket = await knex('support_tickets').where({ customer_id: customer.id }).first('id');
    const note = `Internal: refund approved by finance ${Date.now()}`;
    const reply = `We have refunded your booking ${Date.now()}`;
    const ticketPage = `${session.server.url}/#/support_tickets/${ticket.id}/show`;

    const agent = await signIn('customer_care');
    await agent.goto(ticketPage);
    const conversation = agent.getByRole('region', { name: 'Conversation' });
    const before = await knex('ticket_messages').where({ ticket_id: ticket.id }).count<{ n: string }[]>('* as n');
    await expect.poll(() => conversation.locator('li[data-message]').count()).toBe(Math.min(Number(before[0]!.n), 50));
    for (const [text, internal] of [[note, true], [reply, false]] as const) {
      if (internal) await conversation.getByLabel('Internal note (staff only)').check();
      await conversation.locator('textarea[data-reply]').fill(text);
      await conversation.getByRole('button', { name: internal ? 'Add note' : 'Send reply' }).click();
      // Posted in place: the message joins the thread and the page stays on the ticket.
      const posted = conversation.locator('li[data-message]', { hasText: text });
      await posted.waitFor();
      expect(await posted.getAttribute('data-internal')).toBe(internal ? 'true' : null);
      expect(await conversation.locator('textarea[data-reply]').inputValue()).toBe('');
    }
    expect(agent.url()).toBe(ticketPage);
    await expect(conversation.locator('li[data-message]').last().textContent()).resolves.toContain(reply);
    await expect(conversation.locator('li[data-internal]', { hasText: note }).getByText('Internal note').count()).resolves.toBe(1);
    // The writer is named: the agent's own name, never an id.
    const agentName = await knex('auth.users').where({ email: demoEmail('customer_care') }).first(knex.raw(`raw_user_meta_data->>'name' AS name`));
    await expect.poll(() => conversation.locator('li[data-message]', { hasText: reply }).locator('[data-author]').textContent()).toBe(agentName.name);
    const stored = await knex('ticket_messages').whereIn('message', [note, reply]).select('message', 'is_internal', 'sender_type');
    expect(stored).toHaveLength(2);
    expect(stored.find((m) => m.message === note)).toMatchObject({ is_internal: true, sender_type: 'employee' });
    expect(stored.find((m) => m.message === reply)).toMatchObject({ is_internal: false, sender_type: 'employee' });

    // The customer's thread: every message but the internal ones, and a reply box without the internal flag.
    const { rows } = await knex.raw(
      `SELECT count(*) FILTER (WHERE is_internal IS NOT TRUE)::int AS visible, count(*)::int AS total FROM ticket_messages WHERE ticket_id = ?`,
      [ticket.id],
    );
    expect(rows[0].visible).toBeLessThan(rows[0].total);
    const page = await signIn('customer');
    await page.goto(ticketPage);
    const theirs = page.getByRole('region', { name: 'Conversation' });
    await expect.poll(() => theirs.locator('li[data-message]').count()).toBe(Math.min(rows[0].visible, 50));
    await theirs.getByText(reply).waitFor();
    await expect(page.getByText(note).count()).resolves.toBe(0);
    await expect(theirs.getByLabel('Internal note (staff only)').count()).resolves.toBe(0);
    const answer = `Thank you, received ${Date.now()}`;
    await theirs.locator('textarea[data-reply]').fill(answer);
    await theirs.getByRole('button', { name: 'Send reply' }).click();
    await theirs.locator('li[data-message]', { hasText: answer }).waitFor();
    expect(await knex('ticket_messages').where({ message: answer }).first('sender_type', 'sender_id', 'is_internal')).toEqual({
      sender_type: 'customer',
      sender_id: customer.id,
      is_internal: false,
    });
    await page.screenshot({ path: 'tests/artifacts/ticket-conversation.png', fullPage: true });
  });

  it('give a support agent an inbox: unassigned tickets, assign to me, then in Mine', async () => {
    const knex = session.server.db.knex;
    const page = await signIn('customer_care');
    await page.goto(`${session.server.url}/#/support_tickets`);
    await page.getByRole('button', { name: 'Unassigned' }).click();
    const rows = listRows(page);
    const { rows: open } = await knex.raw(`SELECT count(*)::int AS n FROM support_tickets WHERE assigned_to IS NULL AND status = 'open'`);
    expect(open[0].n).toBeGreaterThan(0);
    // The unfiltered page may still be on screen while the view's query runs: wait for the filtered one.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(Math.min(open[0].n, 25));
    await rows.first().click();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('Assign to me: done.').waitFor();
    const agent = await knex('auth.users').where({ email: demoEmail('customer_care') }).first('id');
    const id = new URL(page.url()).hash.split('/')[2]!;
    expect(await knex('support_tickets').where({ id }).first('status', 'assigned_to')).toEqual({ status: 'in_progress', assigned_to: agent.id });

    await page.goto(`${session.server.url}/#/support_tickets`);
    await page.getByRole('button', { name: 'Mine' }).click();
    const { rows: mine } = await knex.raw(`SELECT count(*)::int AS n FROM support_tickets WHERE assigned_to = ? AND status IN ('in_progress', 'waiting')`, [agent.id]);
    await expect.poll(() => rows.count()).toBe(Math.min(mine[0].n, 25));
  });
});
