import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { ensureSpaBuilt } from '../../server/spa/ensureSpaBuilt.js';
import { DEMO_PASSWORD } from '../../server/auth/demoAccounts.js';
import { demoServer } from '../support/demoServer.js';
import type { TestServer } from '../support/testServer.js';
import { launchBrowser } from './browser.js';

export interface DemoBrowser {
  /** The demo's app and its private database (valid inside tests). */
  readonly server: TestServer;
  /** A fresh browser profile at 1440×900, signed in as this person, on the dashboard. */
  signIn(email: string): Promise<Page>;
}

/**
 * One browser test file over a demo other than the default (demoServer: the file sets
 * GATEHOUSE_PACK to its pack with vi.hoisted), and a Chromium.
 */
export function useDemoBrowser(demo: string): DemoBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureSpaBuilt(pino({ level: 'silent' }));
    server = await demoServer(demo);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    async signIn(email: string) {
      const page = await (await browser!.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto(`${server!.url}/`);
      await page.fill('input[name="username"]', email);
      await page.fill('input[name="password"]', DEMO_PASSWORD);
      await page.click('button[type="submit"]');
      await page.getByText('Welcome').waitFor();
      return page;
    },
  };
}
