import type { Knex } from 'knex';
import type { Pack } from '../../permissions/packModel.js';
import { planGovernance, type GovernancePlan } from './planGovernance.js';

interface GovernRun {
  id: number;
  pack: string;
  hash: string;
  revert_sql: string;
}

const activeRun = async (trx: Knex.Transaction): Promise<GovernRun | undefined> =>
  (await trx('gatehouse.govern_runs').whereNull('reverted_at').orderBy('id', 'desc').first('id', 'pack', 'hash', 'revert_sql')) as GovernRun | undefined;

/** Thrown to roll a transaction back on purpose, carrying what it found. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back on purpose');
  }
}

async function rolledBack<T>(knex: Knex, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  try {
    await knex.transaction(async (trx) => {
      throw new Rollback(await fn(trx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('unreachable');
}

/**
 * What `--apply` would run, planned against the database as it is without Gatehouse's rules
 * (a previous run is undone first, inside a transaction that is then rolled back).
 */
export function planFor(knex: Knex, pack: Pack): Promise<GovernancePlan & { unchanged: boolean }> {
  return rolledBack(knex, async (trx) => {
    const active = await activeRun(trx);
    if (active) await trx.raw(active.revert_sql);
    const plan = await planGovernance(trx, pack);
    return { ...plan, unchanged: active?.hash === plan.hash && active.pack === pack.name };
  });
}

export type ApplyOutcome = { changed: false } | { changed: true; run: number; replaced?: number };

/**
 * Installs the pack in one transaction and records it: a previous run is undone first, so the
 * database never holds two packs' rules. The same pack on the same database changes nothing.
 */
export async function applyGovernance(knex: Knex, pack: Pack): Promise<ApplyOutcome> {
  try {
    return await knex.transaction(async (trx) => {
      const active = await activeRun(trx);
      if (active) await trx.raw(active.revert_sql);
      const plan = await planGovernance(trx, pack);
      if (active && active.hash === plan.hash && active.pack === pack.name) throw new Rollback<ApplyOutcome>({ changed: false });
      if (active) await trx('gatehouse.govern_runs').where({ id: active.id }).update({ reverted_at: trx.fn.now() });
      await trx.raw(plan.apply);
      const [row] = (await trx('gatehouse.govern_runs')
        .insert({ pack: pack.name, hash: plan.hash, apply_sql: plan.apply, revert_sql: plan.revert })
        .returning('id')) as { id: number }[];
      return { changed: true, run: Number(row!.id), ...(active ? { replaced: Number(active.id) } : {}) };
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as ApplyOutcome;
    throw err;
  }
}

/** Undoes the latest run still in force, in one transaction; undefined when there is none. */
export async function revertGovernance(knex: Knex): Promise<{ run: number; pack: string } | undefined> {
  return knex.transaction(async (trx) => {
    const active = await activeRun(trx);
    if (!active) return undefined;
    await trx.raw(active.revert_sql);
    await trx('gatehouse.govern_runs').where({ id: active.id }).update({ reverted_at: trx.fn.now() });
    return { run: Number(active.id), pack: active.pack };
  });
}
