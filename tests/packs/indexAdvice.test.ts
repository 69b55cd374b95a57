import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK } from '../../permissions/activePack.js';
import { missingIndexes, serves, wantedIndexes } from '../../server/govern/indexAdvice.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import type { SchemaModel } from '../../server/meta/schemaModel.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * The indexes a pack's pages need (row scopes, list views, workflow states, each in its list's
 * order): OMBARO's migrations make them all, `npx gatehouse indexes` says so, and lists one
 * that goes missing with the statement that makes it. (Which plan PostgreSQL then picks depends
 * on the table's size and statistics: at the test's 10,000 bookings, stored in creation order,
 * it reads the creation-date index and filters, which is why no plan is asserted here.)
 */
let db: TestDatabase;
let schema: SchemaModel;
beforeAll(async () => {
  db = await createTestDatabase();
  schema = await loadSchemaModel(db.knex);
});
afterAll(() => db?.drop());

describe('indexes for the pages a pack declares', () => {
  it('count an index as serving a page when its leading columns are the equalities, then the order', () => {
    expect(serves(['vendor_id', 'created_at'], { equal: ['vendor_id'], order: 'created_at' })).toBe(true);
    expect(serves(['status', 'vendor_id', 'created_at'], { equal: ['vendor_id', 'status'], order: 'created_at' })).toBe(true);
    expect(serves(['vendor_id'], { equal: ['vendor_id'], order: 'created_at' })).toBe(false);
    expect(serves(['created_at', 'vendor_id'], { equal: ['vendor_id'], order: 'created_at' })).toBe(false);
    expect(serves(['vendor_id', 'status', 'created_at'], { equal: ['vendor_id'], order: 'created_at' })).toBe(false);
  });

  it('want one per scoped role, list view and workflow state, never where a key finds the row', () => {
    const wanted = wantedIndexes(schema, PACK);
    const bookings = wanted.filter((w) => w.resource === 'bookings');
    expect(bookings).toContainEqual(expect.objectContaining({ equal: ['vendor_id'], order: 'created_at' }));
    const tickets = wanted.filter((w) => w.resource === 'support_tickets').map((w) => [...w.equal].sort().join(','));
    expect(tickets).toContain('assigned_to,status');
    // A customer's own customer row is its key: nothing to add.
    expect(wanted.filter((w) => w.resource === 'customers')).toEqual([]);
  });

  it("are all made by OMBARO's migrations, and one gone missing is named with the statement that makes it", async () => {
    expect(await missingIndexes(db.knex, schema, PACK)).toEqual([]);
    const run = promisify(execFile);
    const cli = ['--import', 'tsx', 'server/cli/gatehouse.ts', 'indexes'];
    const env = { ...process.env, DATABASE_URL: db.url };
    const clean = await run(process.execPath, cli, { env });
    expect(clean.stdout).toMatch(/every page of the pack "ombaro" has an index serving it/);

    await db.knex.raw('DROP INDEX public.bookings_vendor_id_created_at_idx');
    const missing = await missingIndexes(db.knex, schema, PACK);
    expect(missing.map((m) => m.sql)).toEqual([
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "bookings_vendor_id_created_at_idx" ON "public"."bookings" ("vendor_id", "created_at");',
    ]);
    expect(missing[0]!.because).toEqual(["vendor's own rows, newest first"]);
    const told = await run(process.execPath, cli, { env }).then(
      () => undefined,
      (err: { code: number; stdout: string }) => err,
    );
    expect(told?.code).toBe(1);
    expect(told?.stdout).toContain(missing[0]!.sql);
  });
});
