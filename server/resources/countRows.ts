import type { Knex } from 'knex';

/**
 * Up to this many matching rows a list's total is exact; beyond it the planner's
 * estimate is used, so a list over millions of rows never spends its time counting.
 * The exact count itself is capped (`LIMIT cap+1` inside the count), so its cost is
 * bounded whatever the table's size.
 */
export const EXACT_COUNT_CAP = Number(process.env.GATEHOUSE_EXACT_COUNT_CAP ?? 50_000);

export async function countRows(trx: Knex.Transaction, filtered: Knex.QueryBuilder): Promise<number> {
  const capped = filtered.clone().clearSelect().clearOrder().select(trx.raw('1')).limit(EXACT_COUNT_CAP + 1);
  const [{ n }] = (await trx.count('* as n').from(capped.as('capped'))) as [{ n: number | string }];
  const exact = Number(n);
  if (exact <= EXACT_COUNT_CAP) return exact;
  const plain = filtered.clone().clearSelect().clearOrder().select(trx.raw('1')).toSQL().toNative();
  const explain = await trx.raw(`EXPLAIN (FORMAT JSON) ${plain.sql}`, plain.bindings as Knex.Value[]);
  const planRows = Number(explain.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']);
  return Math.max(planRows, EXACT_COUNT_CAP + 1);
}
