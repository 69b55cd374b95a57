import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { askApi, askDatabase, asCaller, buildCases, describeCase, signInEveryRole, type Case, type Outcome } from './enforcers.js';

/**
 * Each enforcer alone refuses every forbidden case. The forbidden cases are those the
 * database (RLS, column privileges, and its matrix lookup for exports) refuses; approve has
 * no route yet to try, so it is left to the differential test.
 */
let withRls: TestServer;
let withoutRls: TestServer;

/**
 * A forbidden read must not return a row the database would hide, a forbidden export must
 * not carry a row, and a forbidden write must not succeed.
 */
function leaks(c: Case, api: Outcome, db: Outcome): boolean {
  if (c.verb === 'read') return (api.rows ?? []).some((id) => !(db.rows ?? []).includes(id));
  if (c.verb === 'export') return db.kind === 'refused' && (api.rows ?? []).length > 0;
  return db.kind === 'refused' && api.kind === 'ok';
}

async function walk(server: TestServer, truth: TestServer): Promise<{ checked: number; forbidden: number; leaks: string[] }> {
  const callers = await signInEveryRole(server.db.knex, server.url);
  const cases = (await buildCases(truth.db.knex, callers, [...server.schema.resources.values()])).filter((c) => c.verb !== 'approve');
  const found: string[] = [];
  let forbidden = 0;
  for (const c of cases) {
    const db = await askDatabase(truth.db.knex, c);
    if (db.kind === 'refused') forbidden++;
    const api = await askApi(c);
    if (leaks(c, api, db)) found.push(`${describeCase(c)}: API ${api.kind} ${api.detail ?? ''}`);
  }
  return { checked: cases.length, forbidden, leaks: found };
}

beforeAll(async () => {
  // The database alone: the API's CASL checks switched off.
  withRls = await startTestServer({ testSwitches: { skipCasl: true, rollbackWrites: true } });
  // The API alone: a copy of the schema with RLS off and every column granted.
  const copy = await createTestDatabase();
  const { rows } = await copy.knex.raw(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relrowsecurity AND c.relkind IN ('r', 'p')`,
  );
  for (const { name } of rows as { name: string }[]) {
    await copy.knex.raw(`ALTER TABLE ${name} DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY`);
    await copy.knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${name} TO gatehouse_api`);
  }
  withoutRls = await startTestServer({ db: copy, testSwitches: { rollbackWrites: true } });
}, 180_000);
afterAll(async () => {
  await withRls?.close();
  await withoutRls?.close();
});

describe('defence in depth', () => {
  it('the database alone refuses every forbidden case when the API checks nothing', async () => {
    const result = await walk(withRls, withRls);
    console.log(`database alone: ${result.checked} cases, ${result.forbidden} cases the database refuses, ${result.leaks.length} leaks`);
    expect(result.forbidden).toBeGreaterThan(100);
    expect(result.leaks).toEqual([]);
  }, 600_000);

  it('the API alone refuses every forbidden case when the database enforces nothing', async () => {
    // The copy really enforces nothing: marketing reads every salary record there.
    const marketing = await withoutRls.db.knex('auth.users').where({ email: 'marketing_department@demo.gatehouse.dev' }).first('id');
    const open = await asCaller(withoutRls.db.knex, { id: marketing.id, role: 'marketing_department' }, (trx) =>
      trx('salary_records').count<{ count: string }[]>('* as count'),
    );
    expect(Number(open[0]!.count)).toBeGreaterThan(0);

    const result = await walk(withoutRls, withRls);
    console.log(`API alone: ${result.checked} cases, ${result.forbidden} cases the database refuses, ${result.leaks.length} leaks`);
    expect(result.forbidden).toBeGreaterThan(100);
    expect(result.leaks).toEqual([]);
  }, 600_000);
});
