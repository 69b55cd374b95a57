import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { agree, askApi, askDatabase, buildCases, describeCase, signInEveryRole, type Case, type Outcome, type Verb } from './enforcers.js';

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
    const disagreements: string[] = [];
    const tally = new Map<Verb, { ok: number; refused: number; invalid: number }>();
    for (const c of cases) {
      const api: Outcome = await askApi(c);
      const db: Outcome = await askDatabase(server.db.knex, c, api.columns);
      if (!agree(c, api, db)) {
        disagreements.push(`${describeCase(c)}: API ${api.kind} ${api.detail ?? ''} ${api.rows?.length ?? ''} / database ${db.kind} ${db.detail ?? ''} ${db.rows?.length ?? ''}`);
      }
      const t = tally.get(c.verb) ?? { ok: 0, refused: 0, invalid: 0 };
      const kind = c.verb === 'read' ? (api.rows?.length ? 'ok' : 'refused') : api.kind;
      if (kind === 'ok' || kind === 'refused' || kind === 'invalid') t[kind]++;
      tally.set(c.verb, t);
    }
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
