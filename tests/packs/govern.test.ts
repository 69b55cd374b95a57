import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PACK } from '../../permissions/activePack.js';
import { applyGovernance, planFor, revertGovernance } from '../../server/govern/governDatabase.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import { checkPackAgainstCatalog } from '../../server/packs/checkPackAgainstCatalog.js';
import { governedSnapshot as snapshot } from '../support/governedSnapshot.js';
import { createLibraryDatabase } from '../support/libraryDatabase.js';
import type { TestDatabase } from '../support/testDatabase.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'tests/fixtures/packs/library/pack.json';
});

/**
 * `gatehouse govern`: --plan changes nothing, --apply installs the pack in one recorded
 * transaction and a second run changes nothing, --revert gives every table back exactly as it was.
 */
let db: TestDatabase;
beforeAll(async () => {
  ({ db } = await createLibraryDatabase());
});
afterAll(() => db?.drop());

describe('gatehouse govern on a database it has never governed', () => {
  it('finds the pack fits the database (its own matrix table is made by govern)', async () => {
    await expect(checkPackAgainstCatalog(db.knex, PACK, await loadSchemaModel(db.knex), 'library.json')).resolves.toBeUndefined();
  });

  it('plans without changing anything, and the plan is the SQL an administrator reads', async () => {
    const before = await snapshot(db.knex);
    const plan = await planFor(db.knex, PACK);
    expect(await snapshot(db.knex)).toEqual(before);
    expect(plan.unchanged).toBe(false);
    expect(plan.apply).toMatch(/CREATE POLICY gh_select_reader ON "public"\."loans"/);
    expect(plan.apply).toMatch(/CREATE POLICY gh_select ON "public"\."notes" AS RESTRICTIVE/);
    expect(plan.apply).toMatch(/GRANT SELECT \("purchase_price"\)/);
    expect(plan.apply).toMatch(/CREATE TRIGGER "loans_workflow"/);
  });

  it('applies in one recorded run; a second run changes nothing; revert restores every table as it was', async () => {
    const before = await snapshot(db.knex);
    const first = await applyGovernance(db.knex, PACK);
    expect(first).toMatchObject({ changed: true });
    const governed = await snapshot(db.knex);
    expect(governed).not.toEqual(before);
    expect((governed as { governance: unknown }).governance).toEqual([{ pack: 'library' }]);
    expect(await applyGovernance(db.knex, PACK)).toEqual({ changed: false });
    expect(await snapshot(db.knex)).toEqual(governed);
    expect((await planFor(db.knex, PACK)).unchanged).toBe(true);

    const { rows: runs } = await db.knex.raw(`SELECT pack, reverted_at FROM gatehouse.govern_runs ORDER BY id`);
    expect(runs).toEqual([{ pack: 'library', reverted_at: null }]);

    const { rows: recorded } = await db.knex.raw(`SELECT count(*)::int AS n FROM gatehouse.audit_trail`);
    expect(await revertGovernance(db.knex)).toMatchObject({ pack: 'library' });
    expect(await snapshot(db.knex)).toEqual(before);
    // The audit trail outlives governance: what it recorded stays.
    expect((await db.knex.raw(`SELECT count(*)::int AS n FROM gatehouse.audit_trail`)).rows[0].n).toBeGreaterThanOrEqual(recorded[0].n);
    expect(await revertGovernance(db.knex)).toBeUndefined();

    // And again, as a new run.
    expect(await applyGovernance(db.knex, PACK)).toMatchObject({ changed: true });
    expect(await snapshot(db.knex)).toEqual(governed);
  });

  it("carries the people's roles to the sessions and keeps them in step", async () => {
    const { rows } = await db.knex.raw(`SELECT u.raw_app_meta_data ->> 'role' AS role, m.role AS member FROM auth.users u JOIN public.members m ON m.id = u.id`);
    for (const r of rows) expect(r.role).toBe(r.member);
    const clerk = rows.find((r: { member: string }) => r.member === 'clerk');
    expect(clerk).toBeDefined();
    await db.knex.raw(`UPDATE public.members SET role = 'reader' WHERE role = 'clerk'`);
    const { rows: after } = await db.knex.raw(`SELECT u.raw_app_meta_data ->> 'role' AS role FROM auth.users u JOIN public.members m ON m.id = u.id WHERE m.full_name = 'Carl Clerk'`);
    expect(after[0].role).toBe('reader');
  });
});
