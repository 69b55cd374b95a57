import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkForLeaks } from '../security/enforcerAlone.js';
import { demoServer } from '../support/demoServer.js';
import type { TestServer } from '../support/testServer.js';

/**
 * Defence in depth for a demo governed by its pack (the calling file sets GATEHOUSE_PACK): every
 * role × resource × action, with the API's checks off, then with the database's off; neither
 * alone lets through a case the database refuses. `atLeast`: how many forbidden cases the pack
 * has at least, so the walk cannot pass by trying nothing.
 */
export function describeEachEnforcerAlone(demo: string, atLeast: number): void {
  describe(`${demo}: each enforcer alone`, () => {
    let databaseAlone: TestServer;
    let apiAlone: TestServer;
    beforeAll(async () => {
      databaseAlone = await demoServer(demo, { switches: { skipCasl: true, rollbackWrites: true } });
      apiAlone = await demoServer(demo, { enforceNothing: true, switches: { rollbackWrites: true } });
    }, 180_000);
    afterAll(async () => {
      await databaseAlone?.close();
      await apiAlone?.close();
    });

    it('the database alone refuses every forbidden case when the API checks nothing', async () => {
      const result = await walkForLeaks(databaseAlone, databaseAlone);
      console.log(`${demo}, database alone: ${result.checked} cases, ${result.forbidden} forbidden, ${result.leaks.length} leaks`);
      expect(result.forbidden).toBeGreaterThan(atLeast);
      expect(result.leaks).toEqual([]);
    }, 600_000);

    it('the API alone refuses every forbidden case when the database enforces nothing', async () => {
      const result = await walkForLeaks(apiAlone, databaseAlone);
      console.log(`${demo}, API alone: ${result.checked} cases, ${result.forbidden} forbidden, ${result.leaks.length} leaks`);
      expect(result.forbidden).toBeGreaterThan(atLeast);
      expect(result.leaks).toEqual([]);
    }, 600_000);
  });
}
