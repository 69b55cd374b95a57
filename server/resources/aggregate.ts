import type { Knex } from 'knex';
import { z } from 'zod';
import { badRequest } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import type { FieldKind } from '../meta/types.js';

/**
 * A list summarised for charts: counts (and optionally a sum) per value of one field, per
 * month of a date, or per age of a time stamp (ticket ageing). It runs on the list's own
 * query, so the caller's row conditions, RLS and filters all apply; only readable fields count.
 */
export const AGGREGATE_QUERY = z.object({
  groupBy: z.string().min(1),
  bucket: z.enum(['value', 'month', 'age']).default('value'),
  sum: z.string().optional(),
});
export type AggregateQuery = z.infer<typeof AGGREGATE_QUERY>;
export interface AggregateRow {
  key: string | null;
  count: number;
  sum?: number;
}

const GROUPABLE: FieldKind[] = ['text', 'enum', 'boolean', 'uuid', 'integer', 'date'];
const DATED: FieldKind[] = ['date', 'datetime'];
const SUMMABLE: FieldKind[] = ['integer', 'bigint', 'decimal', 'money'];
const MAX_GROUPS = 200;

export function parseAggregate(query: Record<string, unknown>): AggregateQuery | undefined {
  if (query.groupBy === undefined) return undefined;
  const parsed = AGGREGATE_QUERY.safeParse(query);
  if (!parsed.success) throw badRequest('Invalid summary request.', { groupBy: parsed.error.issues[0]?.message ?? 'Invalid.' });
  return parsed.data;
}

/** Turns a filtered list query into its summary. */
export async function aggregate(knex: Knex.Transaction, resource: ResourceInfo, rows: Knex.QueryBuilder, q: AggregateQuery): Promise<AggregateRow[]> {
  const field = resource.fieldByName.get(q.groupBy);
  const errors: Record<string, string> = {};
  if (!field) errors.groupBy = `Unknown field ${q.groupBy}.`;
  else if (q.bucket === 'value' && !GROUPABLE.includes(field.kind)) errors.groupBy = `${field.label} cannot be grouped by value.`;
  else if (q.bucket !== 'value' && !DATED.includes(field.kind)) errors.groupBy = `${field.label} is not a date.`;
  const summed = q.sum === undefined ? undefined : resource.fieldByName.get(q.sum);
  if (q.sum !== undefined && (!summed || !SUMMABLE.includes(summed.kind))) errors.sum = `${q.sum} is not a number field.`;
  if (Object.keys(errors).length) throw badRequest('Invalid summary request.', errors);

  const column = `${resource.table}.${field!.name}`;
  const key =
    q.bucket === 'month'
      ? knex.raw(`to_char(date_trunc('month', ??), 'YYYY-MM')`, [column])
      : q.bucket === 'age'
        ? knex.raw(
            `CASE WHEN ?? > now() - interval '1 day' THEN '0-1 days' WHEN ?? > now() - interval '3 days' THEN '1-3 days'
                  WHEN ?? > now() - interval '7 days' THEN '3-7 days' ELSE 'over 7 days' END`,
            [column, column, column],
          )
        : knex.raw('??::text', [column]);
  const summary = rows
    .clone()
    .clearSelect()
    .clearOrder()
    .select(knex.raw('? AS key', [key]), knex.raw('count(*)::int AS count'))
    .groupByRaw('1')
    .orderByRaw('1')
    .limit(MAX_GROUPS);
  if (summed) summary.select(knex.raw('coalesce(sum(??), 0)::float8 AS sum', [`${resource.table}.${summed.name}`]));
  return (await summary) as AggregateRow[];
}
