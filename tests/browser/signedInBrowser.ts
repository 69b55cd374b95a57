import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { pino } from 'pino';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { ensureSpaBuilt } from '../../server/spa/ensureSpaBuilt.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { launchBrowser } from './browser.js';

export interface BrowserSession {
  /** The app and its private database (valid inside tests). */
  readonly server: TestServer;
  /** A fresh browser profile signed in as the role's demo user, on the dashboard. */
  signIn(role: string): Promise<Page>;
  /** A fresh browser profile on the app's address, signed out (for tests that sign in themselves). */
  openPage(): Promise<Page>;
}

/**
 * One browser test file's set-up: the built SPA, the app on a private database copy and a
 * Chromium, for the file; one browser profile per sign-in, closed after each test.
 */
export function useSignedInBrowser(options: { env?: Record<string, string> } = {}): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    await ensureSpaBuilt(pino({ level: 'silent' }));
    server = await startTestServer({ env: options.env });
    browser = await launchBrowser();
  }, 120_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  async function openPage() {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server!.url}/`);
    return page;
  }
  return {
    get server() {
      if (!server) throw new Error('The test server starts in beforeAll.');
      return server;
    },
    openPage,
    async signIn(role: string) {
      const page = await openPage();
      await page.fill('input[name="username"]', demoEmail(role));
      await page.fill('input[name="password"]', DEMO_PASSWORD);
      await page.click('button[type="submit"]');
      await page.getByText('Welcome').waitFor();
      return page;
    },
  };
}
