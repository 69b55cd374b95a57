import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { expectNoAxeViolations, runAxe } from './accessibility.js';
import { useSignedInBrowser } from './signedInBrowser.js';

/**
 * WCAG 2.2 AA on the departments' everyday screens: axe-core's A/AA rules find nothing broken on
 * any screen of the journeys, and a journey can be done with the keyboard alone. A screenshot of
 * each screen at 1440×900 is kept in tests/artifacts/.
 */
const session = useSignedInBrowser();

interface Screen {
  name: string;
  /** The address after "#/". */
  path: string;
  /** What shows the screen has its content (not merely its frame). */
  ready: (page: Page) => Promise<unknown>;
}

// A react-admin list's rows: the tables of the screen being left (the dashboard's charts, the matrix) must not pass for them.
const firstRow = (page: Page) => page.locator('.RaDatagrid-tbody tr').first().waitFor();
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save' }).waitFor();
const detailsTab = (page: Page) => page.getByRole('tab', { name: 'Details' }).waitFor();
const welcome = (page: Page) => page.getByText('Welcome').waitFor();
const filtered = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

async function idOf(sql: string, bindings: unknown[] = []): Promise<string> {
  const { rows } = await session.server.db.knex.raw(sql, bindings as never);
  if (!rows[0]) throw new Error(`No row for: ${sql}`);
  return String(rows[0].id);
}

const userId = (role: string) => idOf(`SELECT id FROM auth.users WHERE email = ?`, [demoEmail(role)]);

/** Signs in as the role at 1440×900, then checks and photographs each screen in turn. */
async function checkScreens(role: string, screens: Screen[]): Promise<void> {
  const page = await session.signIn(role);
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const screen of screens) {
    await page.goto(`${session.server.url}/#/${screen.path}`);
    await screen.ready(page);
    await expectNoAxeViolations(page, `${role}: ${screen.name}`);
    await page.screenshot({ path: `tests/artifacts/a11y-${role}-${screen.name}.png` });
  }
}

describe('WCAG 2.2 AA on the department screens (axe-core)', () => {
  it('has an axe-core run that reports a broken rule when there is one', async () => {
    const page = await session.openPage();
    await page.locator('input[name="username"]').waitFor();
    expect((await runAxe(page)).violations.map((v) => v.id)).not.toContain('image-alt');
    // An image with no text alternative (WCAG 1.1.1, level A).
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: '/favicon.ico' })));
    expect((await runAxe(page)).violations.map((v) => v.id)).toContain('image-alt');
  });

  // Five screens, one of them the whole matrix: past the 60 s default when the machine is busy.
  it('super_admin: dashboard, role matrix, users, audit log', { timeout: 180_000 }, async () => {
    await checkScreens('super_admin', [
      { name: 'dashboard', path: '', ready: welcome },
      { name: 'matrix', path: 'matrix', ready: (p) => p.getByRole('table', { name: 'Role matrix' }).waitFor() },
      {
        name: 'matrix-expanded', // every module open to its tables: the toggles and reset buttons of each override
        path: 'matrix',
        ready: async (p) => {
          await p.getByRole('button', { name: 'Expand all' }).click();
          await p.getByRole('button', { name: /^Reset the override/ }).first().waitFor();
        },
      },
      { name: 'users', path: 'users', ready: (p) => p.getByRole('table', { name: 'Users' }).locator('tbody tr').first().waitFor() },
      { name: 'audit-log', path: 'audit_log', ready: firstRow },
    ]);
  });

  it('accounts_department: settlements, one settlement, its edit form', async () => {
    const settlement = await idOf(`SELECT id FROM payment_settlements WHERE status = 'pending' ORDER BY id LIMIT 1`);
    await checkScreens('accounts_department', [
      { name: 'settlements', path: 'payment_settlements', ready: firstRow },
      { name: 'settlement-show', path: `payment_settlements/${settlement}/show`, ready: detailsTab },
      { name: 'settlement-edit', path: `payment_settlements/${settlement}`, ready: saveButton },
    ]);
  });

  it('finance_department: pending settlements, one settlement', async () => {
    const settlement = await idOf(`SELECT id FROM payment_settlements WHERE status = 'pending' ORDER BY id LIMIT 1`);
    await checkScreens('finance_department', [
      { name: 'settlements-pending', path: `payment_settlements?${filtered({ status: 'pending' })}`, ready: firstRow },
      {
        name: 'settlements-selected', // a row ticked: the bulk actions bar with its steps
        path: `payment_settlements?${filtered({ status: 'pending' })}`,
        ready: async (p) => {
          await p.locator('.RaDatagrid-tbody tr').first().getByRole('checkbox').check();
          await p.locator('.RaBulkActionsToolbar-toolbar').getByRole('button', { name: 'Approve' }).waitFor();
        },
      },
      { name: 'settlement-show', path: `payment_settlements/${settlement}/show`, ready: detailsTab },
    ]);
  });

  it('employee: dashboard, leave requests, a new leave request', async () => {
    await checkScreens('employee', [
      { name: 'dashboard', path: '', ready: welcome },
      { name: 'leave-requests', path: 'leave_requests', ready: firstRow },
      { name: 'leave-request-create', path: 'leave_requests/create', ready: saveButton },
    ]);
  });

  it('hr_department: dashboard, leave queue, a leave request, salaries, a salary form', async () => {
    const leave = await idOf(`SELECT id FROM leave_requests WHERE status = 'pending' ORDER BY id LIMIT 1`);
    const salary = await idOf(`SELECT id FROM salary_records WHERE status = 'pending' ORDER BY id LIMIT 1`);
    await checkScreens('hr_department', [
      { name: 'dashboard', path: '', ready: welcome },
      { name: 'leave-queue', path: 'leave_queue', ready: firstRow },
      { name: 'leave-request-show', path: `leave_requests/${leave}/show`, ready: detailsTab },
      {
        name: 'leave-request-reject', // the decision's dialog, asking for the reason
        path: `leave_requests/${leave}/show`,
        ready: async (p) => {
          await p.getByRole('button', { name: 'Reject' }).click();
          await p.getByRole('dialog').locator('[name="rejection_reason"]').waitFor();
        },
      },
      { name: 'salary-records', path: 'salary_records', ready: firstRow },
      { name: 'salary-record-edit', path: `salary_records/${salary}`, ready: (p) => p.locator('[data-shape="allowances"]').waitFor() },
    ]);
  });

  it('marketing_department: campaigns, a new campaign', async () => {
    await checkScreens('marketing_department', [
      { name: 'campaigns', path: 'campaigns', ready: firstRow },
      { name: 'campaign-create', path: 'campaigns/create', ready: (p) => p.locator('[data-shape="content"]').waitFor() },
    ]);
  });

  it('customer: tickets, one ticket with its conversation, a new ticket', async () => {
    const ticket = await idOf(`SELECT id FROM support_tickets WHERE customer_id = ? ORDER BY id LIMIT 1`, [await userId('customer')]);
    await checkScreens('customer', [
      { name: 'tickets', path: 'support_tickets', ready: firstRow },
      { name: 'ticket-show', path: `support_tickets/${ticket}/show`, ready: (p) => p.getByRole('region', { name: 'Conversation' }).locator('textarea[data-reply]').waitFor() },
      { name: 'ticket-create', path: 'support_tickets/create', ready: saveButton },
    ]);
  });

  it('customer_care: unassigned tickets, one ticket', async () => {
    const ticket = await idOf(`SELECT id FROM support_tickets WHERE assigned_to IS NULL AND status = 'open' ORDER BY id LIMIT 1`);
    await checkScreens('customer_care', [
      {
        name: 'tickets-unassigned',
        path: 'support_tickets',
        ready: async (p) => {
          await firstRow(p);
          await p.getByRole('button', { name: 'Unassigned' }).click();
          await expect.poll(() => p.getByRole('button', { name: 'Unassigned' }).getAttribute('class')).toMatch(/MuiChip-filled/);
        },
      },
      { name: 'ticket-show', path: `support_tickets/${ticket}/show`, ready: (p) => p.getByRole('region', { name: 'Conversation' }).waitFor() },
    ]);
  });
});

/** Presses Tab until the focused element matches `selector` (none if it already does); fails, saying where focus went, if it never does. */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; ; i++) {
    const { matches, element } = await page.evaluate((s) => {
      const el = document.activeElement;
      const name = el?.getAttribute('aria-label') ?? el?.getAttribute('name') ?? el?.textContent?.trim().slice(0, 30) ?? '';
      return { matches: el?.matches(s) ?? false, element: `${el?.tagName.toLowerCase() ?? 'none'} "${name}"` };
    }, selector);
    if (matches) return;
    visited.push(element);
    if (i === max) throw new Error(`${max} presses of Tab never reached ${selector}; focus went to: ${visited.join(', ')}`);
    await page.keyboard.press('Tab');
  }
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

// A key press is a round trip to the browser: dozens of them took 40-45 s on a loaded machine.
describe('keyboard only', { timeout: 120_000 }, () => {
  it('lets an employee sign in and ask for leave with the keyboard alone', async () => {
    const knex = session.server.db.knex;
    const reason = `Sister's wedding, typed without a mouse ${Date.now()}`;
    const page = await session.openPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('input[name="username"]').waitFor();
    await tabTo(page, 'input[name="username"]');
    await page.keyboard.type(demoEmail('employee'));
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Welcome').waitFor();

    // The menu: open the HR module, then its leave requests.
    await tabTo(page, '[role="menuitem"][data-module="hr"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    await page.keyboard.press('Enter');
    await tabTo(page, 'a[role="menuitem"][href$="#/leave_requests"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/leave_requests$/);
    await firstRow(page); // the list drawn, not just its address: Tab would otherwise walk the dashboard
    await tabTo(page, 'a[href$="#/leave_requests/create"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/leave_requests\/create$/);
    await page.locator('input[name="from_date"]').waitFor();

    // Leave type: a select opened, walked and chosen with the keys.
    await tabTo(page, '[role="combobox"]');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    for (let i = 0; i < 10 && (await focusedText(page)) !== 'Casual'; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe('Casual');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });

    // Dates typed as the pack's locale writes them (en-IN: day/month/year), then the reason.
    await tabTo(page, 'input[name="from_date"]');
    await page.keyboard.type('15/03/2027');
    await tabTo(page, 'input[name="to_date"]');
    await page.keyboard.type('17/03/2027');
    await tabTo(page, 'textarea[name="reason"]');
    await page.keyboard.type(reason);
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => knex('leave_requests').where({ reason }).first('leave_type', knex.raw('from_date::text AS from_date'), knex.raw('to_date::text AS to_date'), 'employee_id'))
      .toEqual({ leave_type: 'casual', from_date: '2027-03-15', to_date: '2027-03-17', employee_id: await userId('employee') });
    await page.waitForURL((url) => !url.hash.endsWith('/create'));
    await page.screenshot({ path: 'tests/artifacts/a11y-employee-keyboard-leave-saved.png' });
  });

  it("reaches the role matrix's scrolling region with Tab, and scrolls it with the arrow keys", async () => {
    const page = await session.signIn('super_admin');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${session.server.url}/#/matrix`);
    const region = page.getByRole('region', { name: 'Role matrix, scrollable' });
    await region.waitFor();
    // It does scroll sideways at this size, or the test would prove nothing.
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await tabTo(page, '[role="region"][aria-label="Role matrix, scrollable"]');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });
});
