import { pipeline } from 'node:stream/promises';
import type { Knex } from 'knex';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyField, DEFAULT_FIELD } from './copyText.js';

export type Row = Record<string, unknown>;

/** Reports inserted rows to the progress bar. */
export interface Progress {
  add(rows: number, label: string): void;
}

/** jsonb value: node-postgres would turn a bare JS array into a PostgreSQL array. */
export const json = (value: unknown): string => JSON.stringify(value);

/** Rows per COPY statement: each fires the table's statement triggers (the audit trail) once. */
const ROWS_PER_COPY = 50_000;
/** Characters gathered before they are handed to the socket. */
const CHUNK_CHARS = 1 << 18;

/**
 * Writes rows with COPY FROM STDIN (text format) on the transaction's connection: one
 * statement per ROWS_PER_COPY rows instead of a parsed, planned INSERT per thousand. Triggers,
 * constraints and defaults apply as for an INSERT; an undefined value (or a key a row lacks)
 * takes the column's default, as Knex's multi-row INSERT did.
 */
export async function insertRows(trx: Knex.Transaction, table: string, rows: readonly Row[], progress?: Progress): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(rows);
  const client = (await trx.client.acquireConnection()) as pg.Client;
  const target = table.split('.').map(quoteIdent).join('.');
  const sql = `COPY ${target} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT text, DEFAULT '${DEFAULT_FIELD}')`;
  for (let start = 0; start < rows.length; start += ROWS_PER_COPY) {
    const end = Math.min(rows.length, start + ROWS_PER_COPY);
    await pipeline(lines(rows, start, end, columns), client.query(copyFrom(sql)));
    progress?.add(end - start, table);
  }
}

/** Every key of any row, in order of first appearance. */
function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key in row) seen.add(key);
  return [...seen];
}

function* lines(rows: readonly Row[], start: number, end: number, columns: readonly string[]): Generator<string> {
  let chunk = '';
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c ? '\t' : '') + copyField(row[columns[c]!]);
    chunk += line + '\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
