import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { SPA_DIR } from '../app.js';

const ADMIN_SRC = path.resolve(SPA_DIR, '../../admin');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the SPA when there is no build or the sources are newer, so `npm start` is all it takes. */
export async function ensureSpaBuilt(logger: Logger): Promise<void> {
  const index = path.join(SPA_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(ADMIN_SRC)) return;
  logger.info('building the admin SPA (first start, or its sources changed)...');
  const { build } = await import('vite');
  // A production build wherever it is made: under vitest NODE_ENV is "test", which would give React's development bundle.
  await build({ logLevel: 'warn', mode: 'production', define: { 'process.env.NODE_ENV': JSON.stringify('production') } });
}
