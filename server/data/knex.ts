import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { pipelineTransactions, coalesceWrites, PIPELINED, type PipelinedClient } from './pipelinedConnections.js';

// Dates stay 'YYYY-MM-DD' strings: turning them into Date objects shifts them by the
// server's time zone. int8 and numeric become numbers only when that loses nothing,
// so amounts and counts arrive as numbers and huge values keep every digit.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, exactNumber);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, exactNumber);
// Time stamps stay text, in ISO form: a JS Date keeps milliseconds, PostgreSQL microseconds,
// and a key holding a time stamp must round-trip exactly.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, isoTimestamp);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, isoTimestamp);

/** "2026-11-23 00:31:10.835123+00" -> "2026-11-23T00:31:10.835123+00:00" */
export function isoTimestamp(text: string): string {
  return text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
}

function exactNumber(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return text;
  const digits = text.replace(/^-?0*|\.?0*$|\./g, '');
  return digits.length > 15 ? text : n;
}

/** Bounds on a pool of connections serving requests: none of them waits or runs forever. */
export interface ConnectionLimits {
  poolMax: number;
  /** How long a request waits for a free connection before it is refused (KnexTimeoutError). */
  poolWaitMs: number;
  statementTimeoutMs: number;
  idleInTransactionMs: number;
}

export function createKnex(connectionString: string, pool: Knex.PoolConfig = { min: 0, max: 10 }, limits?: ConnectionLimits): Knex {
  // Without compiling, Knex prefixes a failed query's error message with the SQL text only
  // (no values inlined), so the database's own words can be recovered exactly, below.
  const knex = knexFactory({
    client: 'pg',
    connection: limits
      ? {
          connectionString,
          statement_timeout: limits.statementTimeoutMs,
          idle_in_transaction_session_timeout: limits.idleInTransactionMs,
          // Which serving process a connection is (pg_stat_activity), where several serve.
          application_name: `gatehouse ${process.pid}`,
          // A request's statements share round trips where they are asked for together.
          ...PIPELINED,
        }
      : { connectionString },
    pool: limits
      ? {
          ...pool,
          max: limits.poolMax,
          afterCreate: (conn: PipelinedClient, done: (err: Error | null, conn: PipelinedClient) => void) => {
            coalesceWrites(conn);
            done(null, conn);
          },
        }
      : pool,
    ...(limits ? { acquireConnectionTimeout: limits.poolWaitMs } : {}),
    compileSqlOnError: false,
  });
  knex.on('query-error', (err: { message?: unknown; databaseMessage?: string }, query: { sql?: string }) => {
    const prefix = `${query.sql ?? ''} - `;
    if (typeof err.message === 'string' && err.message.startsWith(prefix)) err.databaseMessage = err.message.slice(prefix.length);
  });
  if (limits) pipelineTransactions(knex);
  return knex;
}

/** The database's message of an error, without the SQL Knex puts in front of it. */
export function databaseMessage(err: { message: string; databaseMessage?: string }): string {
  return err.databaseMessage ?? err.message;
}
