import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A list's rows once its records are on screen: while a list loads, react-admin draws placeholder rows in
 * the same table, which a click or a count must not take for records.
 */
export function listRows(scope: Page | Locator): Locator {
  return scope.locator('table tbody tr.RaDatagrid-row');
}

/**
 * Waits for a record's page to be drawn, not only addressed: a show screen loads lazily the first
 * time, and until it has, the screen before stays up, its buttons included.
 */
export function recordShown(page: Page): Promise<void> {
  return page.getByRole('tab', { name: 'Details' }).waitFor();
}
