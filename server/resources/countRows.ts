import type { Knex } from 'knex';
import { ident } from '../../permissions/sqlText.js';

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

/** The table a list reads: where PostgreSQL's statistics say it holds no more rows than the cap, its lists are counted with their page. */
export interface SmallTable {
  schema: string;
  table: string;
}

/**
 * How a list's total will be worked out, begun beside its page: the planner's estimate is
 * asked for at once — it only plans, and rides in the page's round trip — and so is the
 * exact, capped count where the list's table is small (the database decides, from its own
 * statistics, and skips the count for a bigger table), so that a full page of a short list
 * needs no third round trip. Elsewhere the exact count is asked for only when the page shows
 * it is needed.
 */
export function countingRows(trx: Knex.Transaction, filtered: Knex.QueryBuilder, table?: SmallTable) {
  const rowsQuery = filtered.clone().clearSelect().clearOrder().select(trx.raw('1'));
  const estimate = plannedRows(trx, rowsQuery);
  const counted = table ? countIfSmall(trx, rowsQuery.clone(), table) : Promise.resolve(undefined);
  const beside = Promise.all([estimate, counted]);
  return {
    /**
     * What rides with the page: the planner's estimate of the whole list, and its capped
     * count where the table is small. Await both even when the page tells the total, so a
     * failure is never missed.
     */
    beside,
    /** The total of the whole list, once the page said it is more than one page. */
    async all(): Promise<RowCount> {
      const [estimated, known] = await beside;
      if (known === undefined && estimated > EXACT_COUNT_CAP) return { total: estimated, estimated: true };
      const exact = known ?? (await countUpTo(trx, rowsQuery.clone(), EXACT_COUNT_CAP + 1));
      return exact <= EXACT_COUNT_CAP ? { total: exact, estimated: false } : { total: Math.max(estimated, EXACT_COUNT_CAP + 1), estimated: true };
    },
    /**
     * The total of a list asked for a page past its end (an estimate said there were more
     * rows): exact, and cheap, since it stops at `offset` rows.
     */
    async before(offset: number): Promise<RowCount> {
      const [, known] = await beside;
      return { total: known !== undefined && known <= EXACT_COUNT_CAP ? known : await countUpTo(trx, rowsQuery.clone(), offset), estimated: false };
    },
  };
}

/**
 * The capped count, or undefined without counting when the table's own statistics say it
 * holds more than the cap (or was never analysed): the LIMIT, worked out once before the scan,
 * is then 0, and `small` says the count is not one. (A gate in a WHERE or HAVING would leave a
 * filter node every counted row passes through.)
 */
async function countIfSmall(trx: Knex.Transaction, rowsQuery: Knex.QueryBuilder, table: SmallTable): Promise<number | undefined> {
  const { sql, bindings } = rowsQuery.toSQL();
  const small = 'gatehouse.estimated_rows(?) BETWEEN 0 AND ?';
  const name = `${ident(table.schema)}.${ident(table.table)}`;
  const { rows } = await trx.raw<{ rows: { n: number | string; small: boolean | null }[] }>(
    `select count(*) as n, ${small} as small from (${sql} limit CASE WHEN ${small} THEN ? ELSE 0 END) as capped`,
    [name, EXACT_COUNT_CAP, ...(bindings as Knex.Value[]), name, EXACT_COUNT_CAP, EXACT_COUNT_CAP + 1],
  );
  return rows[0]!.small ? Number(rows[0]!.n) : undefined;
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
