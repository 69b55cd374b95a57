import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PACK } from '../../permissions/activePack.js';
import { migrate } from '../../server/data/migrate.js';
import { applyGovernance, planFor, revertGovernance } from '../../server/govern/governDatabase.js';
import { loadSchemaModel } from '../../server/meta/loadSchemaModel.js';
import { checkPackAgainstCatalog } from '../../server/packs/checkPackAgainstCatalog.js';
import { asCaller } from '../security/enforcers.js';
import { BACKROOM_FIXTURE, runSqlFile } from '../support/foreignServer.js';
import { governedSnapshot } from '../support/governedSnapshot.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

vi.hoisted(() => {
  process.env.GATEHOUSE_PACK = 'permissions/packs/backroom/pack.json';
});

/**
 * A small pack over a schema written for another tool (the Backroom Leeds fixture): its own
 * upper-case role values, its own users table as the people, partitions, views, no workflow and
 * no owner set. Governing it must plan, apply, repeat and revert as on a database made for us.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  await runSqlFile(db.url, BACKROOM_FIXTURE);
  await migrate(db.knex, ['core']);
});
afterAll(() => db?.drop());

describe('gatehouse govern on a schema written for another tool', () => {
  it('fits, applies once, changes nothing the second time, and reverts to exactly what was there', async () => {
    await checkPackAgainstCatalog(db.knex, PACK, await loadSchemaModel(db.knex), 'backroom.json');
    const before = await governedSnapshot(db.knex);
    expect(await applyGovernance(db.knex, PACK)).toMatchObject({ changed: true });
    const governed = await governedSnapshot(db.knex);
    expect(await applyGovernance(db.knex, PACK)).toEqual({ changed: false });
    expect((await planFor(db.knex, PACK)).unchanged).toBe(true);
    expect(await governedSnapshot(db.knex)).toEqual(governed);
    expect(await revertGovernance(db.knex)).toMatchObject({ pack: 'backroom' });
    expect(await governedSnapshot(db.knex)).toEqual(before);
    expect(await applyGovernance(db.knex, PACK)).toMatchObject({ changed: true });
  });

  it("lets a customer reach their own bookings only, and door staff read tonight's without writing, as the database roles", async () => {
    const { rows } = await db.knex.raw(
      `SELECT customer_id AS id, count(*)::int AS n FROM public.bookings GROUP BY customer_id ORDER BY n DESC LIMIT 1`,
    );
    const customer = rows[0] as { id: string; n: number };
    const total = Number((await db.knex('public.bookings').count({ n: '*' }))[0]!.n);
    expect(total).toBeGreaterThan(customer.n);
    const own = await asCaller(db.knex, { id: customer.id, role: 'CUSTOMER' }, async (trx) =>
      (await trx.raw(`SELECT DISTINCT customer_id FROM public.bookings`)).rows.map((r: { customer_id: string }) => r.customer_id),
    );
    expect(own).toEqual([customer.id]);
    const staffSees = await asCaller(db.knex, { id: customer.id, role: 'DOOR_STAFF' }, async (trx) =>
      Number((await trx.raw(`SELECT count(*) AS n FROM public.bookings`)).rows[0].n),
    );
    // Door staff see tonight's bookings: the pack's owner set that does not depend on who asks.
    const tonight = Number((await db.knex('public.bookings').whereRaw('event_date = CURRENT_DATE').count({ n: '*' }))[0]!.n);
    expect(tonight).toBeGreaterThan(0);
    expect(staffSees).toBe(tonight);
    await expect(
      asCaller(db.knex, { id: customer.id, role: 'DOOR_STAFF' }, (trx) => trx.raw(`UPDATE public.bookings SET party_size = party_size`)),
    ).resolves.toMatchObject({ rowCount: 0 });
    // Outside their grants: no rows at all, though the table has some.
    expect(Number((await db.knex('public.payments').count({ n: '*' }))[0]!.n)).toBeGreaterThan(0);
    const payments = await asCaller(db.knex, { id: customer.id, role: 'DOOR_STAFF' }, async (trx) =>
      Number((await trx.raw(`SELECT count(*) AS n FROM public.payments`)).rows[0].n),
    );
    expect(payments).toBe(0);
  });
});
