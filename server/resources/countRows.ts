import type { Knex } from 'knex';

/**
 * A list's total: the planner's estimate when it expects more than this many matching rows,
 * else an exact count — itself capped (`LIMIT cap+1` inside the count) so that a bad
 * estimate can never make it scan millions of rows. Asking the planner first costs a
 * fraction of a millisecond; counting 250k rows costs tens.
 */
export const EXACT_COUNT_CAP = Number(process.env.GATEHOUSE_EXACT_COUNT_CAP ?? 20_000);

export interface RowCount {
  total: number;
  /** The planner's guess, not a count: the client says "about" and pages by "next". */
  estimated: boolean;
}

/**
 * How a list's total will be worked out, begun beside its page: the planner's estimate is
 * asked for at once — it only plans, and rides in the page's round trip — and the exact,
 * capped count only when the page shows it is needed.
 */
export function countingRows(trx: Knex.Transaction, filtered: Knex.QueryBuilder) {
  const rowsQuery = filtered.clone().clearSelect().clearOrder().select(trx.raw('1'));
  const estimate = plannedRows(trx, rowsQuery);
  return {
    /** The planner's estimate of the whole list; await it even when the page tells the total, so a failure is never missed. */
    estimate,
    /** The total of the whole list, once the page said it is more than one page. */
    async all(estimated: number): Promise<RowCount> {
      if (estimated > EXACT_COUNT_CAP) return { total: estimated, estimated: true };
      const exact = await countUpTo(trx, rowsQuery.clone(), EXACT_COUNT_CAP + 1);
      return exact <= EXACT_COUNT_CAP ? { total: exact, estimated: false } : { total: Math.max(estimated, EXACT_COUNT_CAP + 1), estimated: true };
    },
    /**
     * The total of a list asked for a page past its end (an estimate said there were more
     * rows): exact, and cheap, since it stops at `offset` rows.
     */
    async before(offset: number): Promise<RowCount> {
      return { total: await countUpTo(trx, rowsQuery.clone(), offset), estimated: false };
    },
  };
}

async function countUpTo(trx: Knex.Transaction, rowsQuery: Knex.QueryBuilder, cap: number): Promise<number> {
  const [{ n }] = (await trx.count('* as n').from(rowsQuery.limit(cap).as('capped'))) as [{ n: number | string }];
  return Number(n);
}

async function plannedRows(trx: Knex.Transaction, query: Knex.QueryBuilder): Promise<number> {
  const { sql, bindings } = query.toSQL();
  const explain = await trx.raw(`EXPLAIN (FORMAT JSON) ${sql}`, bindings as Knex.Value[]);
  return Number(explain.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']);
}
