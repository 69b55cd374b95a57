import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import type pg from 'pg';

/**
 * Pipelined connections for the data API: node-postgres's pipeline mode writes a statement
 * as soon as it is asked for, without waiting for the answer to the one before. Code that
 * awaits each statement behaves as before; statements asked for together (a transaction's
 * start and the caller's identity, a page and its total's estimate) share one round trip.
 */

/** node-postgres's client in pipeline mode; `pipeline` is public but missing from its typings. */
export type PipelinedClient = pg.Client & { pipeline: boolean };

type KnexTransactionClass = new (client: Knex.Client, container: unknown, config: unknown, outerTx: unknown) => {
  begin(conn: PipelinedClient): Promise<unknown>;
  isolationLevel?: string;
  readOnly?: boolean;
};

const require = createRequire(import.meta.url);
// Knex's own PostgreSQL transaction, outside its typed API: the one piece changed is when BEGIN is awaited.
const PgTransaction = require('knex/lib/dialects/postgres/execution/pg-transaction.js') as KnexTransactionClass;

/** The BEGIN each connection's transaction sent without waiting, until someone waits for it. */
const begun = new WeakMap<object, Promise<unknown>>();

/**
 * A transaction whose BEGIN is written and not waited for: the first statement of the
 * transaction follows it on the wire, in the same round trip. Pipeline mode keeps the order,
 * and `transactionBegun` lets the first statement's caller learn whether BEGIN failed, so no
 * statement ever runs outside the transaction it was meant for without the caller knowing.
 */
class BeginWithFirstStatement extends PgTransaction {
  override begin(conn: PipelinedClient): Promise<unknown> {
    if (!conn.pipeline || this.isolationLevel || this.readOnly) return super.begin(conn);
    const sent = conn.query('BEGIN');
    // Its failure is reported by transactionBegun, to whoever sends the first statement.
    sent.catch(() => undefined);
    begun.set(conn, sent);
    return Promise.resolve();
  }
}

/** Connection settings that put every connection of a pool in pipeline mode. */
export const PIPELINED = { pipeline: true } as const;

/**
 * Makes the statements a connection is asked for in the same turn of the event loop (a BEGIN
 * and the first statement, a page and its estimate) leave in one write to the socket, not one
 * each: the socket is corked at the first and uncorked once the turn's promise jobs have run.
 */
export function coalesceWrites(client: PipelinedClient): void {
  const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
  // The class's own method, looked up at each call: whatever wraps it later (a tracer) still sees every statement.
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
  let corked = false;
  client.query = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      stream.cork();
      process.nextTick(() => {
        corked = false;
        stream.uncork();
      });
    }
    return proto.query.apply(client, args);
  }) as typeof client.query;
}

/** Makes the transactions of a Knex whose connections are pipelined begin with their first statement. */
export function beginWithFirstStatement(knex: Knex): void {
  const client = knex.client as { transaction: unknown };
  client.transaction = function (this: Knex.Client, container: unknown, config: unknown, outerTx: unknown) {
    return new BeginWithFirstStatement(this, container, config, outerTx);
  };
}

/**
 * Resolves once the transaction's BEGIN has been answered (at once where it was awaited as
 * usual); rejects with its error. Call it beside the transaction's first statement.
 */
export async function transactionBegun(trx: Knex.Transaction): Promise<void> {
  const conn = (await trx.client.acquireConnection()) as object;
  const sent = begun.get(conn);
  begun.delete(conn);
  await sent;
}

/**
 * Runs `fn` with the transaction's connection out of pipeline mode, for a statement that
 * keeps the connection to itself while it streams (COPY), which node-postgres refuses to pipeline.
 */
export async function unpipelined<T>(client: PipelinedClient, fn: () => Promise<T>): Promise<T> {
  const was = client.pipeline;
  client.pipeline = false;
  try {
    return await fn();
  } finally {
    client.pipeline = was;
  }
}
