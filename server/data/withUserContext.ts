import type { Knex } from 'knex';

export interface Caller {
  id: string;
  role: string;
}

/**
 * The one door for identity into the database: opens the request's transaction and sets
 * the caller with bound, transaction-local set_config calls in a single statement, so a
 * pooled connection never carries one request's identity into the next. Every query of
 * the request must use the `trx` given to `fn`.
 */
export async function withUserContext<T>(knex: Knex, caller: Caller, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return knex.transaction(async (trx) => {
    await trx.raw(`SELECT set_config('app.user_id', ?, true), set_config('app.role', ?, true)`, [caller.id, caller.role]);
    return fn(trx);
  });
}
