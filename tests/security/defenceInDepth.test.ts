import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { enforceNothing, walkForLeaks } from './enforcerAlone.js';
import { asCaller } from './enforcers.js';

/**
 * Each enforcer alone refuses every forbidden case. The forbidden cases are those the
 * database (RLS, column privileges, and its matrix lookup for exports) refuses; approve has
 * no route yet to try, so it is left to the differential test.
 */
let withRls: TestServer;
let withoutRls: TestServer;

beforeAll(async () => {
  // The database alone: the API's CASL checks switched off.
  withRls = await startTestServer({ testSwitches: { skipCasl: true, rollbackWrites: true } });
  // The API alone: a copy of the schema with RLS off and every column granted.
  const copy = await createTestDatabase();
  await enforceNothing(copy.knex);
  withoutRls = await startTestServer({ db: copy, testSwitches: { rollbackWrites: true } });
}, 180_000);
afterAll(async () => {
  await withRls?.close();
  await withoutRls?.close();
});

describe('defence in depth', () => {
  it('the database alone refuses every forbidden case when the API checks nothing', async () => {
    const result = await walkForLeaks(withRls, withRls);
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

    const result = await walkForLeaks(withoutRls, withRls);
    console.log(`API alone: ${result.checked} cases, ${result.forbidden} cases the database refuses, ${result.leaks.length} leaks`);
    expect(result.forbidden).toBeGreaterThan(100);
    expect(result.leaks).toEqual([]);
  }, 600_000);
});
