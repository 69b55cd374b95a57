import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Logger } from 'pino';
import { SPA_DIR } from '../app.js';

/** What the build is made from: the SPA's sources and the build's own configuration. */
const SOURCES = [path.resolve(SPA_DIR, '../../admin'), path.resolve(SPA_DIR, '../../vite.config.ts')];

function newestMtime(file: string): number {
  if (!statSync(file).isDirectory()) return statSync(file).mtimeMs;
  return Math.max(0, ...readdirSync(file).map((entry) => newestMtime(path.join(file, entry))));
}

/** Builds the SPA when there is no build or the sources are newer, so `npm start` is all it takes. */
export async function ensureSpaBuilt(logger: Logger): Promise<void> {
  const index = path.join(SPA_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestMtime))) return;
  logger.info('building the admin SPA (first start, or its sources changed)...');
  // In a process of its own with NODE_ENV=production, wherever it is asked for: under vitest
  // NODE_ENV is "test", with which Vite bundles React's development builds and JSX runtime.
  // Its command-line entry is not among the package's exports: found beside its package.json.
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--logLevel', 'warn'], { env: { ...process.env, NODE_ENV: 'production' } });
}
