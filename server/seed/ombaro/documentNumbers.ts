import type { Knex } from 'knex';
import type { Row } from './insertRows.js';

/**
 * Numbers documents (bookings' OBO-YYYYMMDD-NNNN, tickets' TKT-...) exactly as the tables'
 * BEFORE INSERT triggers would (public.next_document_number: the UTC day of created_at, that
 * day's counter plus one, in insertion order), so a load that skips those triggers writes the
 * same numbers. The counters are advanced first, in one statement: the numbers are reserved,
 * and an insert made meanwhile by someone else waits for the seed and numbers after it.
 * Sets `column` on every row; `rows` must be in the order they will be inserted.
 */
export async function reserveDocumentNumbers(trx: Knex.Transaction, scope: string, column: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const dayOf = rows.map((r) => new Date(Date.parse(String(r.created_at))).toISOString().slice(0, 10));
  const perDay = new Map<string, number>();
  for (const day of dayOf) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  const { rows: counters } = (await trx.raw(
    `INSERT INTO public.document_counters AS c (scope, day, last_value)
     SELECT ?, d, n FROM unnest(?::date[], ?::int[]) AS u (d, n)
     ON CONFLICT (scope, day) DO UPDATE SET last_value = c.last_value + EXCLUDED.last_value
     RETURNING to_char(day, 'YYYY-MM-DD') AS day, last_value`,
    [scope, [...perDay.keys()], [...perDay.values()]],
  )) as { rows: { day: string; last_value: number }[] };
  const next = new Map(counters.map((c) => [c.day, c.last_value - perDay.get(c.day)! + 1]));
  rows.forEach((row, i) => {
    const day = dayOf[i]!;
    const n = next.get(day)!;
    next.set(day, n + 1);
    row[column] = `${scope}-${day.replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
  });
}
