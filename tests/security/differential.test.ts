import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { buildCases, compareEnforcers, signInEveryRole, type Case } from './enforcers.js';

/**
 * Every role x every resource x every action, asked of the API (CASL) and of the database
 * (RLS and column privileges, as the API's database role with the same user set): both
 * must give the same answer, allowed or refused, with the same rows.
 */
let server: TestServer;
let cases: Case[];

beforeAll(async () => {
  // Writes are answered, then rolled back, so every case sees the same data.
  server = await startTestServer({ testSwitches: { rollbackWrites: true } });
  const callers = await signInEveryRole(server.db.knex, server.url);
  cases = await buildCases(server.db.knex, callers, [...server.schema.resources.values()]);
}, 120_000);
afterAll(() => server?.close());

describe('the API and the database', () => {
  it('agree on every role x resource x action', async () => {
    const { disagreements, tally } = await compareEnforcers(server.db.knex, cases);
    console.log(`differential: ${cases.length} cases checked, ${disagreements.length} disagreements`);
    for (const [verb, t] of tally) console.log(`  ${verb}: ${t.ok} allowed, ${t.refused} refused, ${t.invalid} refused by the data`);
    expect(disagreements).toEqual([]);
    // The walk means something only if both answers occur for every action.
    for (const verb of ['read', 'create', 'update', 'delete', 'approve', 'export'] as const) {
      expect(tally.get(verb)?.ok, `${verb} allowed somewhere`).toBeGreaterThan(0);
      expect(tally.get(verb)?.refused, `${verb} refused somewhere`).toBeGreaterThan(0);
    }
  }, 600_000);
});
