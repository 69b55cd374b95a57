import type { Knex } from 'knex';

/**
 * A list's total: the planner's estimate when it expects more than this many matching rows,
 * else an exact count — itself capped (`LIMIT cap+1` inside the count) so that a bad
 * estimate can never make it scan millions of rows. Asking the planner first costs a
 * fraction of a millisecond; counting 250k rows costs tens.
 */
export const EXACT_COUNT_CAP = Number(process.env.GATEHOUSE_EXACT_COUNT_CAP ?? 20_000);

export async function countRows(trx: Knex.Transaction, filtered: Knex.QueryBuilder): Promise<number> {
  const rowsQuery = filtered.clone().clearSelect().clearOrder().select(trx.raw('1'));
  const estimate = await plannedRows(trx, rowsQuery);
  if (estimate > EXACT_COUNT_CAP) return estimate;
  const capped = rowsQuery.limit(EXACT_COUNT_CAP + 1);
  const [{ n }] = (await trx.count('* as n').from(capped.as('capped'))) as [{ n: number | string }];
  const exact = Number(n);
  return exact <= EXACT_COUNT_CAP ? exact : Math.max(estimate, EXACT_COUNT_CAP + 1);
}

async function plannedRows(trx: Knex.Transaction, query: Knex.QueryBuilder): Promise<number> {
  const { sql, bindings } = query.toSQL();
  const explain = await trx.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings as Knex.Value[]);
  return Number(explain.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']);
}
