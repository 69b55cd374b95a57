import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../server/auth/demoAccounts.js';
import { pino } from 'pino';
import { ensureSpaBuilt } from '../../server/spa/ensureSpaBuilt.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { launchBrowser } from './browser.js';

// What a new visitor downloads before they can work: the login page, then the dashboard after
// signing in. Budgeted in compressed bytes as they cross the wire, since that is what a slow
// connection waits for; the build's plain sizes say little about it.

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  // Only when the build is older than its sources: `npm test` builds first, and a rebuild then
  // would pull the files from under the browser tests running beside this one.
  await ensureSpaBuilt(pino({ level: 'silent' }));
  server = await startTestServer();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * kB as vite reports them (1000 bytes), for what a browser receives brotli-compressed, and for the
 * same visit from a client without brotli, which gets the build's gzip (Zopfli) copies.
 */
const BUDGET_KB = 300;

interface Fetched {
  url: string;
  encoding: string;
  bytes: number;
}

/**
 * Signs in as the role in a fresh profile (nothing cached) and lists every script and stylesheet
 * the browser fetched until the dashboard stood still: its lazy parts (the charts) included.
 */
async function firstLoad(role: string, acceptEncoding?: string): Promise<Fetched[]> {
  // A fresh profile each time, so nothing comes from the cache.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, extraHTTPHeaders: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });
  try {
    return await visit(await context.newPage(), role);
  } finally {
    await context.close();
  }
}

async function visit(page: Page, role: string): Promise<Fetched[]> {
  const fetched = new Map<string, Promise<Fetched>>();
  let inFlight = 0;
  let lastSettled = Date.now();
  page.on('request', () => inFlight++);
  const settled = () => {
    inFlight--;
    lastSettled = Date.now();
  };
  page.on('requestfailed', settled);
  page.on('requestfinished', settled);
  page.on('requestfinished', (request) => {
    const code = ['script', 'stylesheet'].includes(request.resourceType()) || /\.(m?js|css)$/.test(new URL(request.url()).pathname);
    if (!code || fetched.has(request.url())) return;
    fetched.set(
      request.url(),
      (async () => {
        const response = await request.response();
        // The body's size as sent (compressed), not as decoded.
        const { responseBodySize } = await request.sizes();
        return { url: request.url(), encoding: (await response?.headerValue('content-encoding')) ?? 'identity', bytes: responseBodySize };
      })(),
    );
  });
  await page.goto(`${server.url}/`);
  await page.fill('input[name="username"]', demoEmail(role));
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.getByText('Welcome').waitFor();
  await page.locator('.MuiCardHeader-title').first().waitFor();
  // The dashboard is not shown until its charts are: their code counts.
  await page.locator('[data-chart] canvas').first().waitFor();
  // Whatever the dashboard fetches once drawn (a lazy chunk, the charts' data) has arrived: the
  // network has been quiet for a second. (Playwright's 'networkidle' is the login page's: signing
  // in navigates nowhere.)
  await expect.poll(() => inFlight === 0 && Date.now() - lastSettled > 1000, { timeout: 30_000 }).toBe(true);
  return Promise.all(fetched.values());
}

const kB = (files: Fetched[]) => files.reduce((sum, f) => sum + f.bytes, 0) / 1000;
const describeFiles = (files: Fetched[]) => files.map((f) => `${new URL(f.url).pathname} ${f.encoding} ${(f.bytes / 1000).toFixed(1)} kB`).join('\n');

describe('first load', () => {
  // super_admin reaches every module: its dashboard has every card, queue and chart the pack declares.
  const role = 'super_admin';
  it(`as ${role} fetches at most ${BUDGET_KB} kB of scripts and styles, brotli or gzip`, async () => {
    const brotli = await firstLoad(role);
    // The same visit from a browser that accepts no brotli: the server then sends the .gz files.
    const gzip = await firstLoad(role, 'gzip');

    console.info(`${role} first load: br ${kB(brotli).toFixed(1)} kB, gzip ${kB(gzip).toFixed(1)} kB\n${describeFiles(gzip)}`);
    expect(brotli.length).toBeGreaterThan(0);
    // Measured compressed, or the figure means nothing (a plain asset would also fail the budget).
    expect(brotli.every((f) => f.encoding === 'br' || f.bytes < 1024), describeFiles(brotli)).toBe(true);
    expect(gzip.every((f) => f.encoding === 'gzip' || f.bytes < 1024), describeFiles(gzip)).toBe(true);
    expect(kB(brotli), describeFiles(brotli)).toBeLessThanOrEqual(BUDGET_KB);
    expect(kB(gzip), describeFiles(gzip)).toBeLessThanOrEqual(BUDGET_KB);
  });
});
