import type { Knex } from 'knex';

export type Row = Record<string, unknown>;

/** Reports inserted rows to the progress bar. */
export interface Progress {
  add(rows: number, label: string): void;
}

/** jsonb value: node-postgres would turn a bare JS array into a PostgreSQL array. */
export const json = (value: unknown): string => JSON.stringify(value);

/**
 * Multi-row INSERTs of up to 1000 rows (fewer for wide tables, to stay far below the
 * 65535 bind-parameter limit). Every row of a table should have the same keys.
 */
export async function insertRows(trx: Knex.Transaction, table: string, rows: readonly Row[], progress?: Progress): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length || 1;
  const size = Math.max(1, Math.min(1000, Math.floor(30_000 / columns)));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await trx(table).insert(chunk);
    progress?.add(chunk.length, table);
  }
}
