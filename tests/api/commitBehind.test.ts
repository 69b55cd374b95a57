import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex } from '../../server/data/knex.js';
import { allowCommitBehind, commitBehind } from '../../server/data/pipelinedConnections.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * A transaction's last statement carrying its COMMIT: what it commits, what a failure of it
 * undoes, that nothing can slip in after it, and that the pooled connection comes back clean.
 * One pipelined connection (as the data API opens them), so every transaction reuses it.
 */
let db: TestDatabase;
let pipelined: Knex;

beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
  await db.knex.raw('CREATE TABLE scratch (n int PRIMARY KEY CHECK (n > 0))');
  pipelined = createKnex(db.url, { min: 0, max: 1 }, { poolMax: 1, poolWaitMs: 5_000, statementTimeoutMs: 10_000, idleInTransactionMs: 10_000 });
});
afterAll(async () => {
  await pipelined?.destroy();
  await db?.drop();
});

const stored = async () => (await db.knex('scratch').orderBy('n').pluck('n')) as number[];
/** The connection answers as a fresh one would: outside any transaction, nothing pending. */
const connectionIsClean = async () => {
  const { rows } = await pipelined.raw(`SELECT now() = statement_timestamp() AS outside, 1 AS one`);
  expect(rows[0]).toEqual({ outside: true, one: 1 });
};

describe('commitBehind', () => {
  it('commits the last statement’s change with it', async () => {
    const inserted = await pipelined.transaction(async (trx) => {
      allowCommitBehind(trx);
      await trx('scratch').insert({ n: 1 });
      return commitBehind(trx, () => trx('scratch').insert({ n: 2 }).returning('n'));
    });
    expect(inserted).toEqual([{ n: 2 }]);
    expect(await stored()).toEqual([1, 2]);
    await connectionIsClean();
  });

  it('undoes the whole transaction when the last statement fails, and says why', async () => {
    const attempt = pipelined.transaction(async (trx) => {
      allowCommitBehind(trx);
      await trx('scratch').insert({ n: 3 });
      return commitBehind(trx, () => trx('scratch').insert({ n: -1 }));
    });
    await expect(attempt).rejects.toThrow(/scratch_n_check/);
    expect(await stored()).toEqual([1, 2]);
    await connectionIsClean();
  });

  it('refuses a statement asked for after the last one (it would run outside the transaction)', async () => {
    const attempt = pipelined.transaction(async (trx) => {
      allowCommitBehind(trx);
      await commitBehind(trx, () => trx('scratch').insert({ n: 4 }));
      await trx('scratch').insert({ n: 5 });
    });
    await expect(attempt).rejects.toThrow(/after its transaction’s last one/);
    // The COMMIT had gone: the last statement's change stands; the refused one never ran.
    expect(await stored()).toEqual([1, 2, 4]);
    await connectionIsClean();
  });

  it('leaves a transaction not allowed to (a test rolling back on purpose) to end as usual', async () => {
    const attempt = pipelined.transaction(async (trx) => {
      await commitBehind(trx, () => trx('scratch').insert({ n: 6 }));
      await trx('scratch').insert({ n: 7 });
      throw new Error('rolled back on purpose');
    });
    await expect(attempt).rejects.toThrow('rolled back on purpose');
    expect(await stored()).toEqual([1, 2, 4]);
    await connectionIsClean();
  });
});
