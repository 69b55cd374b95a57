import { randomBytes, randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmail } from '../../server/auth/demoAccounts.js';
import { useSignedInBrowser } from './signedInBrowser.js';
import { listRows } from './browser.js';

// User administration, the account pages and the security log, through the SPA.
const session = useSignedInBrowser();

/** As long as a locator's own wait (the debounced search, a list reloading on a busy machine). */
const WAIT = { timeout: 30_000 };

/** What the dialog generates: four groups of five, without look-alike characters. */
const GENERATED = /^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/;

const menu = (page: Page) => page.locator('.RaMenu-open');
const hashOf = (page: Page) => new URL(page.url()).hash;
/** The login form (react-admin's, at #/login). */
const loginForm = (page: Page) => page.getByRole('button', { name: 'Sign in' });

/** The staff user the first test creates, the later ones administer and sign in as. */
const newUser = {
  email: `care.${randomBytes(4).toString('hex')}@staff.gatehouse.test`,
  name: 'Priya Raman',
  mobile: `+91 98${String(randomInt(10_000_000, 99_999_999))}`,
  oneTimePassword: '',
  // Long, not common, not built from the name or email.
  password: `Quiet-Harbour-${randomBytes(3).toString('hex')}-Lamp`,
};

async function signInAs(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  // The required mark (" *") is part of the label text, and "Show password" is a button: anchor the name.
  await page.getByLabel(/^Password/).fill(password);
  await loginForm(page).click();
}

/** The message a field shows under itself (MUI links it with aria-describedby). */
async function helperTextOf(input: Locator): Promise<string> {
  const id = await input.getAttribute('aria-describedby');
  if (!id) throw new Error('The field has no helper text.');
  return (await input.page().locator(`[id="${id.split(' ')[0]}"]`).textContent()) ?? '';
}

/** The Users page's row of one user, found through the search box. */
async function findUserRow(page: Page, email: string): Promise<Locator> {
  await page.getByLabel('Search email or name').fill(email);
  const table = page.getByRole('table', { name: 'Users' });
  // The search is debounced: wait until the list holds this user and no one else.
  await expect.poll(() => table.locator('tbody tr[data-user]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user'))), WAIT).toEqual([email]);
  return table.locator(`tr[data-user="${email}"]`);
}

async function openUsersPage(page: Page) {
  await menu(page).getByRole('menuitem', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await page.getByRole('table', { name: 'Users' }).waitFor();
}

/** A row action of the Users page, confirmed in its dialog. */
async function runRowAction(page: Page, email: string, action: string, dialogTitle: string, confirm: string) {
  await page.getByRole('button', { name: `Actions for ${email}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function accountOf(email: string) {
  const { rows } = await session.server.db.knex.raw(
    `SELECT u.id, a.must_change_password AS "mustChange", a.suspended_at AS "suspendedAt", p.role, p.status
       FROM auth.users u
       LEFT JOIN gatehouse.accounts a ON a.user_id = u.id
       LEFT JOIN public.user_profiles p ON p.id = u.id
      WHERE u.email = ?`,
    [email],
  );
  return rows[0] as { id: string; mustChange: boolean | null; suspendedAt: Date | null; role: string | null; status: string | null } | undefined;
}

async function sessionsOf(email: string): Promise<number> {
  const { rows } = await session.server.db.knex.raw(
    `SELECT count(*)::int AS n FROM gatehouse.sessions s JOIN auth.users u ON u.id = s.user_id WHERE u.email = ?`,
    [email],
  );
  return (rows[0] as { n: number }).n;
}

describe('account screens in the browser', () => {
  it('lets super_admin create a staff user, showing the server\'s field messages first', { timeout: 90_000 }, async () => {
    const page = await session.signIn('super_admin');
    await openUsersPage(page);
    expect(hashOf(page)).toBe('#/users');

    // The search narrows the list on the server.
    const self = await findUserRow(page, demoEmail('super_admin'));
    // Nobody administers their own row: no actions on it.
    await expect(self.getByRole('button', { name: /^Actions for/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.waitFor();
    const email = dialog.getByLabel('Email');
    const password = dialog.getByLabel('One-time password');
    // A generated password is offered.
    const offered = await password.inputValue();
    expect(offered).toMatch(GENERATED);

    // A taken email and a common password: each refused beside its own input.
    await email.fill(demoEmail('marketing_department'));
    await dialog.getByLabel('Name').fill(newUser.name);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Customer care' }).click();
    await dialog.getByLabel('Mobile').fill(newUser.mobile);
    await password.fill('password12345');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid'), WAIT).toBe('true');
    await expect(helperTextOf(email)).resolves.toBe('A user with this email already exists.');
    await expect.poll(() => password.getAttribute('aria-invalid'), WAIT).toBe('true');
    await expect(helperTextOf(password)).resolves.toBe('This password is too common or too easy to guess; choose another.');
    // Shown beside the fields, not repeated above them; nothing was created.
    await expect(dialog.getByRole('alert').count()).resolves.toBe(0);
    await expect(dialog.getByLabel('Name').getAttribute('aria-invalid')).resolves.toBe('false');
    const { rows: none } = await session.server.db.knex.raw(`SELECT count(*)::int AS n FROM user_profiles WHERE mobile = ?`, [newUser.mobile]);
    expect(none[0].n).toBe(0);

    // Corrected: a fresh email and the generated password, read from the field to pass on.
    await email.fill(newUser.email);
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('false');
    await dialog.getByRole('button', { name: 'Generate another password' }).click();
    await expect.poll(() => password.inputValue(), WAIT).not.toBe('password12345');
    expect(await password.inputValue()).toMatch(GENERATED);
    expect(await password.inputValue()).not.toBe(offered);
    newUser.oneTimePassword = await password.inputValue();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`${newUser.email} created`).waitFor();

    // The new row: role, active, must change the password, never signed in.
    const row = await findUserRow(page, newUser.email);
    await row.getByRole('cell', { name: newUser.name, exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Customer care', exact: true }).waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByText('Must change', { exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Never', exact: true }).waitFor();

    const account = await accountOf(newUser.email);
    expect(account).toMatchObject({ mustChange: true, suspendedAt: null, role: 'customer_care', status: 'active' });
  });

  it('holds the new user on the change-password page until they replace the one-time password', { timeout: 90_000 }, async () => {
    expect(newUser.oneTimePassword).not.toBe('');
    const url = session.server.url;
    const page = await session.openPage();
    await signInAs(page, newUser.email, newUser.oneTimePassword);
    const heading = page.getByRole('heading', { name: 'Change password', level: 1 });
    await heading.waitFor();
    expect(hashOf(page)).toBe('#/account/password');
    await page.getByText('Your administrator requires a new password').waitFor();
    await expect(menu(page).count()).resolves.toBe(0);

    // Neither the dashboard nor a resource nor another account page opens: each leads back here.
    for (const elsewhere of ['#/', '#/customers', '#/account/sessions', '#/users']) {
      await page.goto(`${url}/${elsewhere}`);
      await page.waitForURL((u) => u.hash === '#/account/password');
      await heading.waitFor();
      await expect(page.getByText('Welcome').count()).resolves.toBe(0);
      await expect(menu(page).count()).resolves.toBe(0);
    }

    const current = page.getByLabel('Current password');
    const next = page.getByLabel('New password', { exact: true });
    const repeat = page.getByLabel('Repeat new password');

    // The one-time password again is refused by the server, beside the new-password field.
    await current.fill(newUser.oneTimePassword);
    await next.fill(newUser.oneTimePassword);
    await repeat.fill(newUser.oneTimePassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => next.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await helperTextOf(next)).not.toMatch(/^Long and not used before/);
    expect(hashOf(page)).toBe('#/account/password');
    expect((await accountOf(newUser.email))?.mustChange).toBe(true);

    await next.fill(newUser.password);
    await repeat.fill(newUser.password);
    await page.getByRole('button', { name: 'Change password' }).click();

    // On to the app, with the role's menu.
    await page.getByText(`Welcome, ${newUser.name}`).waitFor();
    await menu(page).waitFor();
    await menu(page).getByRole('menuitem', { name: 'Dashboard' }).waitFor();
    // The app starts over from its root (no hash, or '#/').
    expect(['', '#/']).toContain(hashOf(page));
    expect((await accountOf(newUser.email))?.mustChange).toBe(false);
    // customer_care administers nobody.
    await expect(menu(page).getByRole('menuitem', { name: 'Security events' }).count()).resolves.toBe(0);
  });

  it('signs a suspended user out at their next request, and lets them back in once reactivated', { timeout: 90_000 }, async () => {
    const url = session.server.url;
    const user = await session.openPage();
    await signInAs(user, newUser.email, newUser.password);
    await user.getByText(`Welcome, ${newUser.name}`).waitFor();

    const admin = await session.signIn('super_admin');
    await openUsersPage(admin);
    const row = await findUserRow(admin, newUser.email);
    // The first sign-in is on record now.
    await expect(row.getByRole('cell', { name: 'Never', exact: true }).count()).resolves.toBe(0);
    await row.getByText('Set', { exact: true }).waitFor();

    await runRowAction(admin, newUser.email, 'Suspend', 'Suspend this user?', 'Suspend');
    await row.getByText('Suspended', { exact: true }).waitFor();
    // OMBARO keeps the status on the profile; every session of the user is gone with it.
    await expect(accountOf(newUser.email)).resolves.toMatchObject({ status: 'suspended' });
    await expect(sessionsOf(newUser.email)).resolves.toBe(0);

    // The user's open page: their next navigation finds the session gone.
    await user.goto(`${url}/#/customers`);
    await loginForm(user).waitFor();
    await user.waitForURL((u) => u.hash === '#/login');
    // And the password no longer signs them in.
    await signInAs(user, newUser.email, newUser.password);
    await user.getByRole('alert').filter({ hasText: 'This account is suspended' }).waitFor();
    expect(hashOf(user)).toBe('#/login');

    await runRowAction(admin, newUser.email, 'Reactivate', 'Reactivate this user?', 'Reactivate');
    await row.getByText('Active', { exact: true }).waitFor();
    await expect(accountOf(newUser.email)).resolves.toMatchObject({ status: 'active', suspendedAt: null });

    // Signed in again, they are back where the session ended.
    await loginForm(user).click();
    await user.waitForURL((u) => u.hash === '#/customers');
    await menu(user).waitFor();
    await listRows(user).first().waitFor();

    // A suspension also ends a page that is merely reloaded.
    await runRowAction(admin, newUser.email, 'Suspend', 'Suspend this user?', 'Suspend');
    await row.getByText('Suspended', { exact: true }).waitFor();
    await user.reload();
    await loginForm(user).waitFor();
    await runRowAction(admin, newUser.email, 'Reactivate', 'Reactivate this user?', 'Reactivate');
    await row.getByText('Active', { exact: true }).waitFor();

    // A forgotten password: the administrator sets a generated one-time password to pass on.
    await admin.getByRole('button', { name: `Actions for ${newUser.email}` }).click();
    await admin.getByRole('menuitem', { name: 'Set one-time password' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Set a one-time password?' });
    expect(await dialog.getByLabel('One-time password').inputValue()).toMatch(GENERATED);
    await dialog.getByRole('button', { name: 'Set password', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByText(`${newUser.email}: one-time password set.`).waitFor();
    await row.getByText('Must change', { exact: true }).waitFor();
    await expect(accountOf(newUser.email)).resolves.toMatchObject({ mustChange: true });
  });

  it('lists a user\'s two sessions and revokes the other one, which then meets the login page', { timeout: 90_000 }, async () => {
    const url = session.server.url;
    const role = 'hr_department';
    const other = await session.signIn(role);
    const page = await session.signIn(role);

    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'My sessions' }).click();
    await page.getByRole('heading', { name: 'My sessions', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'My sessions' });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const mine = rows.filter({ hasText: 'This session' });
    await expect(mine.count()).resolves.toBe(1);
    await mine.getByRole('button', { name: 'Revoke and sign out' }).waitFor();
    await expect(rows.first().getByText('Chrome on Linux').count()).resolves.toBe(1);

    await rows.filter({ hasNotText: 'This session' }).getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByText('The session has been revoked.').waitFor();
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    await expect(rows.first().getByText('This session').count()).resolves.toBe(1);

    // The revoked browser's next navigation, to a page of its own that is no react-admin list,
    // leads to the login page; this one carries on. (An address, not a click: a click focuses
    // the window, and the metadata refresh on focus would find the session gone first.)
    await other.goto(`${url}/#/account/sessions`);
    await loginForm(other).waitFor();
    await other.waitForURL((u) => u.hash === '#/login');
    await expect(other.getByRole('table', { name: 'My sessions' }).count()).resolves.toBe(0);
    await page.goto(`${url}/#/`);
    await page.getByText('Welcome').waitFor();
  });

  it('shows the security log to it_department, with the events above, and not to marketing', { timeout: 90_000 }, async () => {
    const page = await session.signIn('it_department');
    await menu(page).getByRole('menuitem', { name: 'Security events' }).click();
    await page.getByRole('heading', { name: 'Security events', level: 1 }).waitFor();
    expect(hashOf(page)).toBe('#/security-events');
    const table = page.getByRole('table', { name: 'Security events' });
    const rows = table.locator('tbody tr');
    const superAdmin = demoEmail('super_admin');

    // The creation, with its actor, in the full log.
    const created = table.locator('tr[data-kind="user_created"]').filter({ hasText: newUser.email });
    await created.waitFor();
    await created.getByText('User created').waitFor();
    await expect(created.textContent()).resolves.toContain(`by ${superAdmin}`);
    await expect(created.textContent()).resolves.toContain('role: customer_care');

    // Filtered to suspensions: the user's two, each by super_admin, and nothing else.
    await page.getByRole('combobox', { name: 'Event' }).click();
    await page.getByRole('option', { name: 'User suspended' }).click();
    const suspended = table.locator('tr[data-kind="user_suspended"]').filter({ hasText: newUser.email });
    await expect.poll(() => suspended.count(), WAIT).toBe(2);
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind'))), WAIT).toEqual(['user_suspended', 'user_suspended']);
    for (const text of await suspended.allTextContents()) {
      expect(text).toContain('status: suspended');
      expect(text).toContain(`by ${superAdmin}`);
    }

    await page.getByRole('combobox', { name: 'Event' }).click();
    await page.getByRole('option', { name: 'Password changed' }).click();
    await table.locator('tr[data-kind="password_changed"]').filter({ hasText: newUser.email }).waitFor();

    await page.getByRole('combobox', { name: 'Event' }).click();
    await page.getByRole('option', { name: 'Session revoked' }).click();
    await table.locator('tr[data-kind="session_revoked"]').filter({ hasText: demoEmail('hr_department') }).waitFor();

    // marketing reads no audit trail: no menu entry, and the address shows nothing of the log.
    const marketing = await session.signIn('marketing_department');
    await menu(marketing).locator('[data-module="marketing"]').waitFor();
    await expect(menu(marketing).getByRole('menuitem', { name: 'Security events' }).count()).resolves.toBe(0);
    await marketing.goto(`${session.server.url}/#/security-events`);
    await marketing
      .getByRole('alert')
      .filter({ hasText: 'Only those who may read the audit trail see security events.' })
      .or(marketing.getByRole('heading', { name: 'Not allowed', level: 1 }))
      .waitFor();
    await expect(marketing.locator('tr[data-kind]').count()).resolves.toBe(0);
  });
});
