import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The WCAG 2.x success criteria at levels A and AA, as axe-core tags them. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** What axe-core reports per broken rule (the part of its result this helper reads). */
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

let axeSource: Promise<string> | undefined;
/** axe-core's browser build, read once per test file. */
function loadAxeSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Anything still loading: MUI's spinners and bars, react-admin's skeleton rows. */
const LOADING = '.MuiCircularProgress-root, .MuiLinearProgress-root, .MuiSkeleton-root, [aria-busy="true"]';

/**
 * Waits until the screen has stopped loading and moving: nothing showing progress, and the
 * page's markup unchanged for a short while (MUI fades and slides would otherwise be measured
 * half-way, with colours that are not the ones people read).
 */
export async function waitForSettledScreen(page: Page): Promise<void> {
  await expect.poll(() => page.locator(LOADING).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        let changed = false;
        const observer = new MutationObserver(() => (changed = true));
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(!changed && document.getAnimations().every((a) => a.playState !== 'running'));
        }, 400);
      }),
    undefined,
    { timeout: 20_000 },
  );
}

/** One violation as a reviewer reads it: rule, impact, what it asks, where, and why it failed. */
export function describeViolation(v: AxeViolation): string {
  const where = v.nodes.slice(0, 4).map((n) => {
    const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | ');
    const summary = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
    const html = n.html.replace(/\s+/g, ' ').slice(0, 160);
    return `    - ${target}\n      ${html}\n      ${summary}`;
  });
  const more = v.nodes.length > 4 ? [`    … and ${v.nodes.length - 4} more`] : [];
  return [`  ${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.helpUrl}`, ...where, ...more].join('\n');
}

interface AxeRun {
  violations: AxeViolation[];
  /** How many rules applied to the page (passed, failed or left for review): none means nothing was checked. */
  rulesApplied: number;
}

/** Runs axe-core's WCAG 2.x A/AA rules on the page as it stands. */
export async function runAxe(page: Page): Promise<AxeRun> {
  const source = await loadAxeSource();
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy (no inline
  // scripts) does not stop it, as it would a <script> tag.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(source);
  return page.evaluate(
    async (tags) => {
      type Result = { violations: unknown[]; passes: unknown[]; incomplete: unknown[] };
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return {
        violations: result.violations as AxeViolation[],
        rulesApplied: result.violations.length + result.passes.length + result.incomplete.length,
      };
    },
    [...WCAG_AA_TAGS],
  );
}

/**
 * Fails the test, listing every broken rule, unless the settled screen passes axe-core's WCAG 2.x
 * A/AA rules. The failure is soft: the test goes on to its next screens, so one run reports them all.
 */
export async function expectNoAxeViolations(page: Page, screenName: string): Promise<void> {
  await waitForSettledScreen(page);
  const { violations, rulesApplied } = await runAxe(page);
  expect(rulesApplied, `axe-core checked nothing on ${screenName}`).toBeGreaterThan(0);
  const report = violations.map(describeViolation).join('\n');
  expect.soft(violations.length, `axe-core on ${screenName} (${page.url()}):\n${report}`).toBe(0);
}
