import jsQR from 'jsqr';
import { TOTP, URI } from 'otpauth';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { useSignedInBrowser } from './signedInBrowser.js';

// Approvers (finance among them) must sign in with a second factor; the rest of the app waits.
const session = useSignedInBrowser({ env: { GATEHOUSE_REQUIRE_2FA: 'approvers' } });

const STEP_MS = 30_000;
const stepNow = () => Math.floor(Date.now() / STEP_MS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until a code computed now is judged in the same time step by the server, and that
 * step comes after `usedStep` (the server refuses a step already used: no replay).
 */
async function freshStep(usedStep = -1, marginMs = 4_000): Promise<void> {
  for (;;) {
    const left = STEP_MS - (Date.now() % STEP_MS);
    if (stepNow() > usedStep && left >= marginMs) return;
    await sleep(left + 100);
  }
}

/** What an authenticator app does with the QR code: decode the PNG, read the otpauth URI. */
function decodeQr(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const data = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  if (!data) throw new Error('The QR code did not decode.');
  return data;
}

const hashOf = (page: Page) => new URL(page.url()).hash;

async function signInWithPassword(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  // The required mark (" *") is part of the label text, and "Show password" is a button: anchor the name.
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('mandatory two-factor authentication in the browser', () => {
  it('leads an approver through enrolment, then asks for a code at the next sign-in', { timeout: 150_000 }, async () => {
    const email = demoEmail('finance_department');
    const page = await session.openPage();
    const url = session.server.url;

    // Password right, no 2FA yet: the enrolment page and nothing else.
    await signInWithPassword(page, email);
    const heading = page.getByRole('heading', { name: 'Two-factor authentication', level: 1 });
    await heading.waitFor();
    expect(hashOf(page)).toBe('#/account/two-factor');
    await expect(page.locator('.RaMenu-open, .RaSidebar-fixed').count()).resolves.toBe(0);
    await expect(page.getByText('Welcome').count()).resolves.toBe(0);

    // Neither the dashboard nor a resource screen opens: each address leads back here.
    for (const elsewhere of ['#/', '#/bookings', '#/account/sessions']) {
      await page.goto(`${url}/${elsewhere}`);
      await page.waitForURL((u) => u.hash === '#/account/two-factor');
      await heading.waitFor();
      await expect(page.getByText('Welcome').count()).resolves.toBe(0);
    }

    // Enrolment: the QR code carries the secret, as an authenticator app reads it.
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    const uri = decodeQr((await qr.getAttribute('src')) ?? '');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const totp = URI.parse(uri);
    if (!(totp instanceof TOTP)) throw new Error('Expected a TOTP URI.');
    const secret = totp.secret.base32;
    // The key for typing in by hand is the same secret.
    await expect(page.getByTestId('two-factor-secret').textContent()).resolves.toBe(secret.replace(/(.{4})(?=.)/g, '$1 '));

    await freshStep();
    const enrolStep = stepNow();
    await page.getByLabel('Code from the app').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();

    // The backup codes, once, with the warning; then on to the app.
    await page.getByText('Store these backup codes now').waitFor();
    await expect(page.locator('[data-backup-code]').count()).resolves.toBe(10);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Welcome').waitFor();
    await page.locator('.RaMenu-open').waitFor();

    // The account pages are in the user menu; sign out from there.
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Two-factor authentication' }).waitFor();
    await page.getByRole('menuitem', { name: 'My sessions' }).waitFor();
    await page.getByRole('menuitem', { name: 'Change password' }).waitFor();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByLabel('Email').waitFor();

    // Password alone is not enough now: the form asks for the code.
    await signInWithPassword(page, email);
    const code = page.getByLabel('Authentication code');
    await code.waitFor();
    await expect(page.getByText('Welcome').count()).resolves.toBe(0);

    // A wrong code is refused with the server's message.
    await freshStep(enrolStep);
    const right = totp.generate();
    await code.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasNotText: 'Enter the 6-digit code' }).waitFor();
    await expect(page.getByText('Welcome').count()).resolves.toBe(0);

    // A fresh code (a step after the one enrolment used) signs in.
    await freshStep(enrolStep);
    await code.fill(totp.generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Welcome').waitFor();
    expect(hashOf(page)).toBe('#/');
  });
});
